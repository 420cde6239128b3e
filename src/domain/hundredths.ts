/**
 * Credits, money and grade points are exact decimals with at most two places
 * (docs/catalogue-format.md): sums and comparisons are done in hundredths (whole cents), as whole
 * numbers, never in binary fractions. The one conversion each way; fees/cents.ts names the same
 * pair for money, catalogue/credits.ts builds the exact sums on it.
 */
export function hundredths(value: number): number {
  return Math.round(value * 100);
}

/** Back from hundredths: 25 is 0.25, the very number the two-place decimal parses to (JSON prints 46218.92, never 46218.920000000006). */
export function fromHundredths(value: number): number {
  return value / 100;
}

/**
 * Whether a number read from a file has at most two decimals (0.25, 4.3), allowing only the binary
 * noise of parsing, far below a hundredth: what makes `hundredths` exact.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - hundredths(value)) < 1e-7;
}
