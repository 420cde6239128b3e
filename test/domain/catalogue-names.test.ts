import { describe, expect, it } from 'vitest';
import { findSubject } from '../../src/domain/catalogue/resolve.js';
import { invented, real } from './catalogues.js';

// Each catalogue's map of names (made when first looked up, src/domain/catalogue/model.ts) is its own.
describe("a catalogue's names", () => {
  it('are its own subjects', () => {
    expect(findSubject(invented, 'Epidemiology')).toBeUndefined();
    expect(findSubject(real, 'Epidemiology')?.id).toBe('epidemiology');
    expect([...invented.names.values()].every((id) => invented.subjectById.has(id))).toBe(true);
    expect([...real.names.values()].every((id) => real.subjectById.has(id))).toBe(true);
  });

  it('name every subject by its identifier, code and title, an identifier winning a clash', () => {
    for (const s of real.subjects) {
      expect(findSubject(real, s.id)).toBe(s);
      expect(findSubject(real, s.title)).toBe(s);
      if (s.code) expect(findSubject(real, s.code.toLowerCase())).toBe(s);
    }
  });
});
