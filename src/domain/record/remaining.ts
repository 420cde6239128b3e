import type { TermBill } from '../schedule/bills.js';
import { sumExact } from '../catalogue/credits.js';

/** What is still to pay from a given day: the bills of the terms still to come. */
export interface RemainingCost {
  /** The day it is reckoned from, "2025-10-01". */
  asOf: string;
  bills: TermBill[];
  total: number;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2025-10-01" (or "2025-10"), as given to a command: a day the calendar has; anything else is not a day. */
export function isDay(text: string): boolean {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/.exec(text);
  if (!match) return false;
  if (match[3] === undefined) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * The bills still to come on `today` ("2025-10-01"): every term that starts in today's month or
 * later (a term's bill is settled after its add/drop period, so in its first month it is still
 * owed), and the row of subjects without a term. The initial payment, made on accepting the offer,
 * is never among them, nor a term with no subject and nothing to pay (a Summer Term the schedule
 * skips), which "over 3 terms" would count. Pure: the caller says what day it is.
 */
export function remainingBills(bills: readonly TermBill[], today: string): RemainingCost {
  const month = today.slice(0, 7);
  const still = bills.filter(
    (b) => (b.term === undefined || b.term.starts >= month) && (b.bill !== 0 || b.subjects.length > 0 || b.retakes.length > 0),
  );
  return { asOf: today, bills: still, total: sumExact(still.map((b) => b.bill)) };
}
