import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditsOf, creditStep, sumExact } from '../../src/domain/catalogue/credits.js';
import { multiplyDivide } from '../../src/domain/fees/cents.js';
import { hasAtMostTwoDecimals } from '../../src/domain/hundredths.js';
import { childPaths } from '../../src/domain/catalogue/check-trees.js';
import type { RequirementNodeData } from '../../src/domain/catalogue/schema.js';

describe('multiplyDivide: a x b / divisor, a half rounded away from zero, one path for every size', () => {
  it.each([
    ['exact', 6, 5, 3, 10],
    ['a half rounds up', 1, 5, 10, 1],
    ['below a half rounds down', 1, 4, 10, 0],
    ['a negative half rounds away from zero', -1, 5, 10, -1],
    ['a negative divisor', 7, 1, -2, -4],
    ['zero', 0, 123, 7, 0],
    // 2^53 + 1 is no double, so a product past the safe range must be worked in BigInt to round right.
    ['a product past 2^53', 2 ** 40 + 1, 2 ** 13, 2, 2 ** 52 + 2 ** 12],
    // (2^27 + 1)(2^26 + 1) is odd and past 2^53: in doubles its last bit, the half, would be lost.
    ['a product past 2^53, a half up', 2 ** 27 + 1, 2 ** 26 + 1, 2, 2 ** 52 + 2 ** 26 + 2 ** 25 + 1],
  ])('%s', (_, a, b, divisor, expected) => {
    expect(multiplyDivide(a, b, divisor)).toBe(expected);
  });

  it.each([
    ['exact', 6, 5, 3, 10],
    ['a half rounds down', 1, 5, 10, 0],
    ['just below a whole', 19, 1, 10, 1],
    ['a product past 2^53', 2 ** 27 + 1, 2 ** 26 + 1, 2, 2 ** 52 + 2 ** 26 + 2 ** 25],
  ])("with 'down': %s", (_, a, b, divisor, expected) => {
    expect(multiplyDivide(a, b, divisor, 'down')).toBe(expected);
  });

  it('refuses a fraction, with a message that says why', () => {
    expect(() => multiplyDivide(0.5, 2, 1)).toThrow(/not a whole number the fee arithmetic can hold exactly/);
  });

  it('agrees with the exact rational quotient for any integers', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer({ min: 1, max: 1_000_000 }), (a, b, d) => {
        const n = BigInt(a) * BigInt(b);
        const m = n < 0n ? -n : n;
        const q = m / BigInt(d) + (2n * (m % BigInt(d)) >= BigInt(d) ? 1n : 0n);
        expect(multiplyDivide(a, b, d)).toBe(Number(n < 0n ? -q : q) + 0);
      }),
    );
  });
});

describe('hasAtMostTwoDecimals: one check for credits, money and grade points', () => {
  it.each([
    [0.25, true],
    [4.3, true],
    [46_218.92, true],
    [999_999_999.99, true],
    [4.301, false],
    [0.125, false],
    [4.30000001, false],
  ])('%s: %s', (value, expected) => {
    expect(hasAtMostTwoDecimals(value)).toBe(expected);
  });
});

describe('exact credit sums', () => {
  it('creditsOf sums subjects as sumExact sums their credits, without binary error', () => {
    expect(creditsOf([{ credits: 0.1 }, { credits: 0.2 }])).toBe(0.3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 })), (inHundredths) => {
        const credits = inHundredths.map((h) => h / 100);
        expect(creditsOf(credits.map((c) => ({ credits: c })))).toBe(sumExact(credits));
      }),
    );
  });
});

describe('childPaths: a node’s children with their place in the file', () => {
  const leaf = (id: string) => ({ id, label: id, from: { subjects: ['a'] }, all: true }) as RequirementNodeData;
  it.each([
    ['allOf', { id: 'r', label: 'r', allOf: [leaf('x'), leaf('y')] }, ['r.allOf[0]', 'r.allOf[1]']],
    ['anyOf', { id: 'r', label: 'r', anyOf: [leaf('x')] }, ['r.anyOf[0]']],
    ['nOf', { id: 'r', label: 'r', nOf: 1, of: [leaf('x'), leaf('y')] }, ['r.of[0]', 'r.of[1]']],
    ['a pool', leaf('x'), []],
  ])('%s', (_, node, paths) => {
    expect(childPaths(node as RequirementNodeData, 'r').map(([, at]) => at)).toEqual(paths);
  });
});

describe('creditStep', () => {
  it.each([
    [[1, 3, 9], 100],
    [[3, 6], 100],
    [[0.25, 3], 25],
    [[0.5, 1.5, 3], 50],
    [[0.1, 0.25], 5],
    [[], 100],
  ])('subjects of %j credits: fractions of a credit in steps of %i hundredths', (credits, step) => {
    expect(creditStep(credits.map((c) => ({ credits: c })))).toBe(step);
  });
});
