import { fromHundredths, hundredths } from '../hundredths.js';

// Credits are exact two-place decimals; the conversion to and from whole hundredths is shared with money.
export { fromHundredths, hundredths } from '../hundredths.js';

/** The sum of exact two-place decimals, without binary rounding error: 0.1 + 0.2 is 0.3. */
export function sumExact(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += hundredths(v);
  return fromHundredths(total);
}

/** The subjects' credits, summed exactly (in hundredths: 0.25 + 0.5 is 0.75). */
export function creditsOf(subjects: Iterable<{ readonly credits: number }>): number {
  return sumExact(Array.from(subjects, (s) => s.credits));
}

/** a - b for exact two-place decimals, without binary rounding error: 8.5 - 8.25 is 0.25, 0.3 - 0.1 is 0.2. */
export function differenceExact(a: number, b: number): number {
  return fromHundredths(hundredths(a) - hundredths(b));
}
