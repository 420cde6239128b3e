import { hundredths } from '../hundredths.js';

/**
 * Money is reckoned in whole cents, as integers, and shown in units of the currency with at most
 * two decimals. A catalogue's amounts have at most two decimals (docs/catalogue-format.md), so
 * cents(amount) is exact, and units(cents) is the very number a two-place decimal parses to:
 * JSON prints 46218.92, never 46218.920000000006. Cents are hundredths of a unit, so these are the
 * credits' own conversion (domain/hundredths.ts), named for money.
 */
export { hundredths as cents, fromHundredths as units } from '../hundredths.js';

/**
 * a x b / divisor, to the nearest integer, a half rounded up (away from zero), or with 'down'
 * rounded towards zero (a share that must never exceed its part), for non-negative or negative
 * integers alike: exact for any integers, as BigInt holds every digit of the product.
 */
export function multiplyDivide(a: number, b: number, divisor: number, rounding: 'half-up' | 'down' = 'half-up'): number {
  for (const n of [a, b, divisor])
    if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number the fee arithmetic can hold exactly`);
  const product = BigInt(a) * BigInt(b);
  const d = BigInt(divisor);
  const negative = product < 0n !== d < 0n;
  const n = product < 0n ? -product : product;
  const m = d < 0n ? -d : d;
  const quotient = n / m + (rounding === 'half-up' && 2n * (n % m) >= m ? 1n : 0n);
  return Number(negative ? -quotient : quotient);
}

/**
 * The fee of `credits` (a two-place decimal) at `perCreditCents` a credit, in cents: hundredths of
 * a credit times cents, over 100, a half cent rounded up. 0.25 credits at 5,437.52 is 1,359.38.
 */
export function creditsFeeCents(credits: number, perCreditCents: number): number {
  return multiplyDivide(hundredths(credits), perCreditCents, 100);
}
