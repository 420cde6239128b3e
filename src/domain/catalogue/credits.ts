/** Credits (and money) are exact decimals with at most two places; sums are done in hundredths, as whole numbers. */
export function hundredths(value: number): number {
  return Math.round(value * 100);
}

/** Back from hundredths: 25 is 0.25, exactly as a decimal prints. */
export function fromHundredths(value: number): number {
  return value / 100;
}

/** The sum of exact two-place decimals, without binary rounding error: 0.1 + 0.2 is 0.3. */
export function sumExact(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += hundredths(v);
  return fromHundredths(total);
}

/** a - b for exact two-place decimals, without binary rounding error: 8.5 - 8.25 is 0.25, 0.3 - 0.1 is 0.2. */
export function differenceExact(a: number, b: number): number {
  return fromHundredths(hundredths(a) - hundredths(b));
}
