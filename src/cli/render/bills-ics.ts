import type { FeeSummary } from '../../domain/fees/fees.js';
import type { TermBill } from '../../domain/schedule/bills.js';
import { money } from '../../domain/text/money.js';
import { billRows, type BillRow } from './bill-rows.js';

const MAX_OCTETS = 75;

/** TEXT as RFC 5545 (3.3.11) writes it: backslash, semicolon, comma and line breaks escaped. */
export function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/**
 * A content line folded as RFC 5545 (3.1) asks: at most 75 octets a line, each continuation
 * starting with a space, never cutting a UTF-8 character in two; CRLF after every line.
 */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const pieces: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    // The space that starts a continuation line counts towards its 75 octets.
    let end = Math.min(bytes.length, start + (start === 0 ? MAX_OCTETS : MAX_OCTETS - 1));
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    pieces.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return `${pieces.join('\r\n ')}\r\n`;
}

const basicDate = (day: string) => day.replace(/-/g, '');

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** "20250101T093000Z": a UTC date-time, to the second. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export interface IcsOptions {
  /** Names the plan (fees.ts: its file, or its subjects): the same plan gives the same event identifiers, changed or not. */
  planKey: string;
  /** When the calendar was made (DTSTAMP). */
  now: Date;
}

function eventLines(row: BillRow & { due: string }, fees: FeeSummary, options: IcsOptions): string[] {
  const summary = `Tuition: ${row.label}, ${row.when}: ${money(row.amount, fees.currency)}`;
  const notes = ["The due date is an estimate from the term's start: PolyU gives the deadline on each debit note."];
  if (row.fellowshipShare > 0) notes.push("The fellowship's split over terms is an estimate: PolyU does not publish it.");
  const id = `${row.termId ?? 'unscheduled'}-${row.when}`.replace(/[^A-Za-z0-9]+/g, '-');
  return [
    'BEGIN:VEVENT',
    `UID:${options.planKey}-${id}@study-planner`,
    `DTSTAMP:${stamp(options.now)}`,
    `DTSTART;VALUE=DATE:${basicDate(row.due)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(row.due))}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(notes.join('\n'))}`,
    // A reminder of a payment, not time taken: it never shows the day as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * `fees --by-term --format ics`: an RFC 5545 calendar with one all-day event per instalment, on
 * its due date. The initial payment (paid on accepting the offer) and instalments the catalogue
 * gives no date for have no day to stand on: they are left out and returned in `undated`.
 */
export function renderBillsIcs(bills: readonly TermBill[], fees: FeeSummary, options: IcsOptions): { text: string; undated: BillRow[] } {
  const rows = billRows(bills, fees).filter((r) => r.when !== 'on accepting the offer');
  const dated = rows.filter((r): r is BillRow & { due: string } => r.due !== undefined);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//study-planner//Term bills//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...dated.flatMap((row) => eventLines(row, fees, options)),
    'END:VCALENDAR',
  ];
  return { text: lines.map(foldLine).join(''), undated: rows.filter((r) => r.due === undefined) };
}
