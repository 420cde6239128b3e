import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/domain/text/suggest.js';
import { propertyRuns } from '../support/property-runs.js';

/** The whole table, no band and no early stop: the definition. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['epidemiology', 'epidemology', 2, 1],
    ['epidemiology', 'epidemiolgoy', 2, 2],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3],
    ['', 'abc', 3, 3],
    ['abc', '', 1, 2],
    ['same', 'same', 0, 0],
    ['abcdef', 'badcfe', 2, 3],
  ])('%s to %s within %i: %i', (a, b, limit, expected) => expect(editDistance(a, b, limit)).toBe(expected));

  it('is the edit distance when that is at most the limit, and limit + 1 otherwise', () => {
    // A small alphabet, so that near strings (the interesting ones) are common.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.nat(6), (a, b, limit) => {
        const distance = levenshtein(a, b);
        expect(editDistance(a, b, limit)).toBe(distance <= limit ? distance : limit + 1);
      }),
      { numRuns: propertyRuns(2000, 500) },
    );
  });
});
