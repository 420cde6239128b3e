import { hundredths } from '../catalogue/credits.js';

/**
 * Money is reckoned in whole cents, as integers, and shown in units of the currency with at most
 * two decimals. A catalogue's amounts have at most two decimals (docs/catalogue-format.md), so
 * cents(amount) is exact, and units(cents) is the very number a two-place decimal parses to:
 * JSON prints 46218.92, never 46218.920000000006.
 */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}

export function units(amountInCents: number): number {
  return amountInCents / 100;
}

/**
 * numerator / divisor, to the nearest integer, a half rounded up (away from zero): exact for any
 * integers, through BigInt where the product would leave the range doubles hold exactly.
 */
export function divideRoundingHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`${numerator} is not a whole number the fee arithmetic can hold exactly`);
  const sign = Math.sign(numerator) * Math.sign(divisor);
  const n = Math.abs(numerator);
  const d = Math.abs(divisor);
  const remainder = n % d;
  const quotient = (n - remainder) / d;
  return sign * (2 * remainder >= d ? quotient + 1 : quotient);
}

/** a x b / divisor, rounded half up, for non-negative or negative integers alike, without losing a digit. */
export function multiplyDivide(a: number, b: number, divisor: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideRoundingHalfUp(product, divisor);
  const big = BigInt(a) * BigInt(b);
  const d = BigInt(divisor);
  const negative = big < 0n !== d < 0n;
  const n = big < 0n ? -big : big;
  const m = d < 0n ? -d : d;
  const quotient = n / m + (2n * (n % m) >= m ? 1n : 0n);
  return Number(negative ? -quotient : quotient);
}

/**
 * The fee of `credits` (a two-place decimal) at `perCreditCents` a credit, in cents: hundredths of
 * a credit times cents, over 100, a half cent rounded up. 0.25 credits at 5,437.52 is 1,359.38.
 */
export function creditsFeeCents(credits: number, perCreditCents: number): number {
  return multiplyDivide(hundredths(credits), perCreditCents, 100);
}
