const SYMBOLS: Record<string, string> = { HKD: 'HK$' };

function groupThousands(n: number): string {
  return String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** HK$172,500 (or "EUR 1,200" for a currency without a symbol here). */
export function money(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${groupThousands(amount)}` : `${sign}${currency} ${groupThousands(amount)}`;
}

export function count(n: number): string {
  return groupThousands(n);
}
