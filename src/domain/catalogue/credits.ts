import { fromHundredths, hundredths } from '../hundredths.js';

// Credits are exact two-place decimals; the conversion to and from whole hundredths is shared with money.
export { fromHundredths, hundredths } from '../hundredths.js';

/** The sum of exact two-place decimals, without binary rounding error: 0.1 + 0.2 is 0.3. */
export function sumExact(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += hundredths(v);
  return fromHundredths(total);
}

/**
 * The credits of the subjects (those of them that `counts` accepts, when given), summed exactly
 * (in hundredths: 0.25 + 0.5 is 0.75). A loop, not a filtered copy: `check` sums several sets of
 * every plan it judges.
 */
export function creditsOf<S extends { readonly credits: number }>(subjects: Iterable<S>, counts?: (subject: S) => boolean): number {
  let total = 0;
  for (const s of subjects) if (counts === undefined || counts(s)) total += hundredths(s.credits);
  return fromHundredths(total);
}

/** a - b for exact two-place decimals, without binary rounding error: 8.5 - 8.25 is 0.25, 0.3 - 0.1 is 0.2. */
export function differenceExact(a: number, b: number): number {
  return fromHundredths(hundredths(a) - hundredths(b));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The finest fraction of a credit the catalogue's subjects come in, in hundredths: 100 when every
 * subject is a whole number of credits, 25 for a catalogue with quarter credits. A number of
 * credits finer than this is none the subjects add up to (any whole number is taken, as an
 * adviser's rough figure).
 */
export function creditStep(subjects: readonly { readonly credits: number }[]): number {
  let step = 100;
  for (const s of subjects) step = gcd(hundredths(s.credits), step);
  return step;
}
