import type { Subject } from '../catalogue/model.js';
import type { FeeSummary } from '../fees/fees.js';
import type { ScheduledTerm } from './propose.js';
import type { Term } from './terms.js';

export interface TermBill {
  /** Undefined for the row of subjects the schedule leaves out. */
  term: Term | undefined;
  subjects: Subject[];
  credits: number;
  /** Tuition of the term's chargeable credits. */
  tuition: number;
  /** The term's share of the fellowship. */
  fellowship: number;
  /** The part of the initial payment already paid towards this term. */
  initialPaymentApplied: number;
  /** What is billed for the term. */
  bill: number;
}

/**
 * Splits the payable total into term bills. Each term's tuition is its chargeable credits times
 * the fee per credit. The fellowship is shared in proportion to the credits that count towards
 * graduation in each term (so it never covers extra credits); each share is rounded down to the
 * dollar and the dollars left over go to the last term with such credits. The initial payment,
 * already paid on acceptance, is taken off the first bills in order (whatever is left over comes off
 * the last, which is negative when the plan costs less than the initial payment). So the bills plus
 * the initial payment equal the payable total exactly.
 */
export function splitBills(fees: FeeSummary, terms: readonly ScheduledTerm[], unscheduled: readonly Subject[], counted: ReadonlySet<Subject>): TermBill[] {
  const rows: { term: Term | undefined; subjects: Subject[] }[] = terms.map((t) => ({ term: t.term, subjects: t.subjects }));
  // With nothing at all to bill, a row of its own still carries the initial payment back.
  if (unscheduled.length > 0 || (rows.length === 0 && fees.initialPayment > 0)) rows.push({ term: undefined, subjects: [...unscheduled] });
  const chargeable = (s: Subject) => (s.tuitionFree ? 0 : s.credits);
  const weights = rows.map((r) => r.subjects.reduce((sum, s) => sum + (counted.has(s) ? chargeable(s) : 0), 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (totalWeight === 0 ? 0 : Math.floor((fees.fellowship * w) / totalWeight)));
  const lastWeighted = weights.reduce((last, w, i) => (w > 0 ? i : last), -1);
  if (lastWeighted !== -1) shares[lastWeighted]! += fees.fellowship - shares.reduce((a, b) => a + b, 0);
  let initialLeft = fees.initialPayment;
  return rows.map((row, i) => {
    const tuition = row.subjects.reduce((sum, s) => sum + chargeable(s), 0) * fees.perCredit;
    const due = tuition - shares[i]!;
    // An initial payment larger than every bill leaves the last one negative: money owed back.
    const applied = i === rows.length - 1 ? initialLeft : Math.min(initialLeft, Math.max(0, due));
    initialLeft -= applied;
    return {
      term: row.term,
      subjects: row.subjects,
      credits: row.subjects.reduce((sum, s) => sum + s.credits, 0),
      tuition,
      fellowship: shares[i]!,
      initialPaymentApplied: applied,
      bill: due - applied,
    };
  });
}
