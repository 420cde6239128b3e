import { unrefundedInitialPayment, type FeeSummary } from '../../domain/fees/fees.js';
import { fellowshipSplit, type TermBill } from '../../domain/schedule/bills.js';
import type { Term } from '../../domain/schedule/terms.js';
import { money } from '../../domain/text/money.js';

// The words shared by every output that shows term bills (the timeline, `fees --by-term`, the
// Markdown export), so they can never tell a student two different things. Plain text: each
// renderer escapes or styles it as its medium needs.

/**
 * How a term's tuition is paid: "HK$17,250 of the initial payment, HK$1,500 by the payment
 * deadline", "HK$17,250 before the term, HK$5,250 after add/drop". Empty when nothing is due.
 */
export function instalmentWords(bill: TermBill, currency: string): string {
  const parts: string[] = [];
  if (bill.initialPaymentApplied > 0) parts.push(`${money(bill.initialPaymentApplied, currency)} of the initial payment`);
  for (const instalment of bill.instalments) parts.push(`${money(instalment.amount, currency)} ${instalment.when}`);
  return parts.join(', ');
}

/** Said wherever term bills are shown with a fellowship: PolyU does not publish its split. */
export function fellowshipSplitNote(fees: FeeSummary): string | undefined {
  if (fellowshipSplit(fees) !== 'estimate') return undefined;
  return "The fellowship's split over terms is an estimate: PolyU does not publish it.";
}

/** Said wherever term bills are shown for a plan costing less than the initial payment. */
export function notRefundedNote(fees: FeeSummary): string | undefined {
  const unused = unrefundedInitialPayment(fees);
  if (unused === 0) return undefined;
  return `The plan costs ${money(unused, fees.currency)} less than the initial payment, so every bill is ${money(0, fees.currency)}; PolyU does not refund the difference ("Initial tuition fees paid are neither refundable nor transferable").`;
}

/** What every output with term bills must say below them: an estimated split, an unrefunded payment. */
export function billsNotes(fees: FeeSummary): string[] {
  return [fellowshipSplitNote(fees), notRefundedNote(fees)].filter((n): n is string => n !== undefined);
}

/** How the share of each term is estimated and rounded. */
export function fellowshipEstimateNote(fees: FeeSummary): string | undefined {
  if (fellowshipSplit(fees) !== 'estimate') return undefined;
  const [unit, units] = /D$/.test(fees.currency) ? ['dollar', 'dollars'] : [`whole ${fees.currency}`, fees.currency];
  return `Each term's share of the fellowship is estimated in proportion to its credits that count towards graduation, rounded down to the ${unit}; the ${units} left over go to the last such term.`;
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Where a term falls in its academic year (Semester One before Semester Two before the Summer Term), in months. */
function monthOfAcademicYear(term: Term): number {
  const [year, month] = term.starts.split('-').map(Number) as [number, number];
  return (year - term.academicYear) * 12 + month;
}

/**
 * How PolyU bills the terms, from the catalogue's data for the kinds of term that follow the first
 * semester in `bills`: "The initial payment, paid on accepting the offer, counts towards the first
 * semester, and the rest of that semester is due by the payment deadline on its debit note; after
 * it, each Semester One and Semester Two is billed up to 3 credits' fee before it starts and the
 * rest after add/drop; each Summer Term is billed once, after add/drop." A programme whose fees
 * ask no initial payment (`initialPayment` 0) has the first semester due by its debit note alone.
 */
export function howBilledNote(bills: readonly TermBill[], initialPayment: number): string {
  // The first semester is billed its own way, and a kind of term the plan never reaches needs no words.
  const later = bills.slice(bills.findIndex((b) => b.subjects.length > 0) + 1);
  const kinds = new Map<string, { kind: Term['kind']; order: number }>();
  for (const { term } of later)
    if (term && !kinds.has(term.kind.id)) kinds.set(term.kind.id, { kind: term.kind, order: monthOfAcademicYear(term) });
  const byCredits = new Map<number | undefined, string[]>();
  for (const { kind } of [...kinds.values()].sort((a, b) => a.order - b.order))
    byCredits.set(kind.instalmentCredits, [...(byCredits.get(kind.instalmentCredits) ?? []), kind.label]);
  const clauses = [...byCredits].map(([credits, labels]) =>
    credits === undefined
      ? `each ${list(labels)} is billed once, after add/drop`
      : `each ${list(labels)} is billed up to ${credits} credit${credits === 1 ? "'s" : "s'"} fee before it starts and the rest after add/drop`,
  );
  const first =
    initialPayment > 0
      ? 'The initial payment, paid on accepting the offer, counts towards the first semester, and the rest of that semester is due by the payment deadline on its debit note'
      : 'The first semester is due by the payment deadline on its debit note';
  return clauses.length === 0 ? `${first}.` : `${first}; after it, ${clauses.join('; ')}.`;
}
