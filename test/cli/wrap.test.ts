import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/render/text-width.js';
import { wrap, wrapBetweenWords, wrapLines } from '../../src/cli/render/wrap.js';

describe('wrapping text to the width', () => {
  it.each([
    ['Big Data Computing', 10, ['Big Data', 'Computing']],
    ['my  plan   name', 40, ['my  plan   name']],
    ['my  plan   name', 9, ['my  plan', 'name']],
    ['aaaa  bbbb', 4, ['aaaa', 'bbbb']],
    ['information-technology-in-healthcare', 20, ['information-', 'technology-in-', 'healthcare']],
    ['健康信息學 課程', 10, ['健康信息學', '課程']],
    ['ab   ', 4, ['ab']],
    ['ab   ', 40, ['ab']],
    ['  lead', 40, ['lead']],
    ['no\u00a0break', 40, ['no\u00a0break']],
    ['', 40, ['']],
  ])('%j at %i columns: %j', (text, width, lines) => {
    expect(wrapLines(text, width)).toEqual(lines);
  });

  it('quotes a name with runs of spaces as it is, so a command shown can be copied', () => {
    expect(wrap('see it again with: study-planner plans show "my  plan   with a long name"', 40, 2).split('\n  ').join(' ')).toContain(
      '"my  plan   with a long name"',
    );
  });

  it('keeps every word that fits a line, in order, with no line wider than the width or ending in a space', () => {
    const word = fc.stringMatching(/^[a-z健-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.integer({ min: 4, max: 60 }), (words, width) => {
        // A word wider than a line is cut into pieces: not this property's concern.
        fc.pre(words.every((w) => displayWidth(w) <= width));
        const text = words.join(' ');
        const lines = wrapLines(text, width);
        for (const line of lines) {
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(line).not.toMatch(/ $/);
        }
        expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
        // Inside a line, the text's own spacing.
        for (const line of lines) expect(text).toContain(line);
      }),
    );
  });
});

describe('wrapBetweenWords', () => {
  it.each([
    ['Wrote a  bbbbbbbbbb', 8, 'Wrote a\nbbbbbbbbbb'],
    ['Saved "my   plan" ok', 11, 'Saved "my\nplan" ok'],
    ['abc ', 3, 'abc'],
    ['', 10, ''],
    ['a path/that-is-very-long-indeed here', 10, 'a\npath/that-is-very-long-indeed\nhere'],
  ])('%j at %i columns', (text, width, wrapped) => {
    expect(wrapBetweenWords(text, width)).toBe(wrapped);
  });
});
