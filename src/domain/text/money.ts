import { hundredths } from '../hundredths.js';

const SYMBOLS: Record<string, string> = { HKD: 'HK$' };

function groupThousands(n: number): string {
  return String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * HK$172,500, or HK$4,650.50 when the amount has cents (never ".00" on a whole amount), or
 * "EUR 1,200" for a currency without a symbol here. Amounts are exact to the cent (fees/cents.ts).
 */
export function money(amount: number, currency: string): string {
  const inCents = hundredths(Math.abs(amount));
  const sign = amount < 0 && inCents > 0 ? '-' : '';
  const cents = inCents % 100;
  const figure = `${groupThousands((inCents - cents) / 100)}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${figure}` : `${sign}${currency} ${figure}`;
}

export function count(n: number): string {
  return groupThousands(n);
}
