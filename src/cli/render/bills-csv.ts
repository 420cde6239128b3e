import type { FeeSummary } from '../../domain/fees/fees.js';
import { unrefundedInitialPayment } from '../../domain/fees/fees.js';
import type { TermBill } from '../../domain/schedule/bills.js';
import { money } from '../../domain/text/money.js';
import { billRows, ON_ACCEPTANCE, type BillRow } from './bill-rows.js';

export const CSV_HEADER = ['term', 'when', 'due', 'amount', 'note'] as const;

// A spreadsheet runs a cell that starts with one of these as a formula; a catalogue's term label
// must never do that, so such a cell gets a leading apostrophe (OWASP's advice for CSV files).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function noteOf(row: BillRow, fees: FeeSummary): string {
  const notes: string[] = [];
  if (row.fellowshipShare > 0) notes.push("the fellowship's split over terms is an estimate (PolyU does not publish it)");
  if (row.due !== undefined) notes.push('the due date is an estimate (PolyU dates each debit note)');
  if (row.when === ON_ACCEPTANCE) {
    const unused = unrefundedInitialPayment(fees);
    if (unused > 0) notes.push(`${money(unused, fees.currency)} of it is more than the plan costs and is not refunded`);
  }
  return notes.join('; ');
}

/**
 * `fees --by-term --format csv`: one row per payment (the initial payment, then each instalment)
 * under a header row: the term, when it is billed, its due date (YYYY-MM-DD, or empty where the
 * catalogue gives no rule), the amount in whole units as a plain integer, and a note. RFC 4180:
 * CRLF after every record. The amounts add up to the payable total.
 */
export function renderBillsCsv(bills: readonly TermBill[], fees: FeeSummary): string {
  const records = [
    [...CSV_HEADER],
    ...billRows(bills, fees).map((row) => [row.label, row.when, row.due ?? '', String(row.amount), noteOf(row, fees)]),
  ];
  return records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
