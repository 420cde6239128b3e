import type { Subject } from '../catalogue/model.js';
import type { FeeSummary } from '../fees/fees.js';
import { fromHundredths, hundredths } from '../catalogue/credits.js';
import { cents, creditsFeeCents, multiplyDivide, units } from '../fees/cents.js';
import type { ScheduledTerm } from './propose.js';
import type { Term } from './terms.js';

/**
 * When an instalment is billed, in PolyU's terms: a new student's first semester by the payment
 * deadline on its debit note; a later term with a pre-term instalment (Semester One and Two) part
 * before it starts and the rest after add/drop; any other term (the Summer Term) after add/drop;
 * subjects without a term once they have one.
 */
export type InstalmentTime = 'by the payment deadline' | 'before the term' | 'after add/drop' | 'when scheduled';

export interface Instalment {
  when: InstalmentTime;
  /** Never zero or negative: an instalment of nothing is not listed. */
  amount: number;
}

export interface TermBill {
  /** Undefined for the row of subjects the schedule leaves out. */
  term: Term | undefined;
  subjects: Subject[];
  /** Failed subjects sat again in this term: billed in full, never covered by the fellowship. */
  retakes: Subject[];
  credits: number;
  /** Tuition of the term's chargeable credits. */
  tuition: number;
  /** The term's share of the fellowship: an estimate, since PolyU does not publish the split. */
  fellowship: number;
  /** The part of the initial payment, paid on accepting the offer, counted towards this term. */
  initialPaymentApplied: number;
  /** What is billed for the term: the sum of its instalments, never negative. */
  bill: number;
  /** The term's bill as PolyU issues it, in order. */
  instalments: Instalment[];
}

/** A failed subject sat again: in `term`, or, without one, once it is scheduled. */
export interface Retake {
  subject: Subject;
  term: Term | undefined;
}

interface Row {
  term: Term | undefined;
  subjects: Subject[];
  retakes: Subject[];
}

/** Each retake into its term's row, a new row in calendar order where the schedule has none (before the unscheduled row). */
function addRetakes(rows: Row[], retakes: readonly Retake[]): void {
  for (const { subject, term } of retakes) {
    let row = rows.find((r) => r.term?.id === term?.id);
    if (!row) {
      row = { term, subjects: [], retakes: [] };
      const after = term === undefined ? -1 : rows.findIndex((r) => r.term === undefined || r.term.index > term.index);
      rows.splice(after === -1 ? rows.length : after, 0, row);
    }
    row.retakes.push(subject);
  }
}

/** Whether the terms' shares of the fellowship are an estimate ("none" when there is no fellowship to share). */
export function fellowshipSplit(fees: FeeSummary): 'estimate' | 'none' {
  return fees.fellowship > 0 ? 'estimate' : 'none';
}

/** A term's amount after the initial payment (in cents), cut into the instalments PolyU bills it in. */
function instalmentsOf(term: Term | undefined, firstSemester: boolean, amount: number, perCreditCents: number): Instalment[] {
  if (amount <= 0) return [];
  const one = (when: InstalmentTime): Instalment[] => [{ when, amount: units(amount) }];
  if (term === undefined) return one('when scheduled');
  if (firstSemester) return one('by the payment deadline');
  const credits = term.kind.instalmentCredits;
  // Without a fee per credit (a programme fee alone) there is no credits' fee to bill before the term.
  const before = credits === undefined ? 0 : Math.min(amount, creditsFeeCents(credits, perCreditCents));
  if (before <= 0) return one('after add/drop');
  const instalments: Instalment[] = [{ when: 'before the term', amount: units(before) }];
  if (amount > before) instalments.push({ when: 'after add/drop', amount: units(amount - before) });
  return instalments;
}

/**
 * Each row's tuition in cents: its chargeable credits (`weights`, in hundredths) times the fee per
 * credit, a half cent rounded up on the running total, so the rows add up to the plan's tuition
 * exactly. Under a programme fee, the plan's tuition is spread over the rows in proportion to
 * their chargeable credits the same way (an estimate, like the fellowship's split), all of it on
 * the first row with subjects when none carries tuition-bearing credits.
 */
function rowTuition(fees: FeeSummary, weights: readonly number[], firstRow: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const tuition = cents(fees.tuition);
  if (fees.programmeFee !== undefined && total === 0) return weights.map((_, i) => (i === Math.max(0, firstRow) ? tuition : 0));
  const perCreditCents = cents(fees.perCredit);
  const upTo = (credits: number) =>
    fees.programmeFee === undefined ? multiplyDivide(credits, perCreditCents, 100) : multiplyDivide(credits, tuition, total);
  let before = 0;
  let cumulative = 0;
  return weights.map((w) => {
    cumulative += w;
    const now = upTo(cumulative);
    const row = now - before;
    before = now;
    return row;
  });
}

/**
 * Splits the payable total into term bills, PolyU's way, in whole cents. Each term's tuition is
 * its chargeable credits times the fee per credit (rowTuition), less its share of the fellowship.
 * How the fellowship spreads over terms is not published, so the share is an estimate: in
 * proportion to the credits that count towards graduation in each term (so it never covers extra
 * credits), rounded down to the whole unit of the currency, the rest (cents included) on the last
 * term with such credits. The initial payment, paid on accepting the offer, counts towards the
 * first semester (the first term with subjects) and, where that costs less, towards the next
 * terms in order; it is never refunded, so a plan costing less than it has every bill zero. A
 * retake (a failed subject sat again) adds its tuition to its term and no share of the
 * fellowship, which covers the credits required for graduation once. What is left of a term is
 * billed in instalments (instalmentsOf). So no bill or instalment is ever negative, and, with
 * payable = max(initial payment, tuition - fellowship), the bills plus the initial payment equal
 * the payable total exactly.
 */
export function splitBills(
  fees: FeeSummary,
  terms: readonly ScheduledTerm[],
  unscheduled: readonly Subject[],
  counted: ReadonlySet<Subject>,
  retakes: readonly Retake[] = [],
): TermBill[] {
  const rows: Row[] = terms.map((t) => ({ term: t.term, subjects: t.subjects, retakes: [] }));
  if (unscheduled.length > 0) rows.push({ term: undefined, subjects: [...unscheduled], retakes: [] });
  addRetakes(rows, retakes);
  // Credits in hundredths, money in cents: whole numbers throughout.
  const chargeable = (s: Subject) => (s.tuitionFree ? 0 : hundredths(s.credits));
  const weights = rows.map((r) => r.subjects.reduce((sum, s) => sum + (counted.has(s) ? chargeable(s) : 0), 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const fellowship = cents(fees.fellowship);
  const shares = weights.map((w) => (totalWeight === 0 ? 0 : multiplyDivide(fellowship, w, totalWeight * 100, 'down') * 100));
  const lastWeighted = weights.reduce((last, w, i) => (w > 0 ? i : last), -1);
  if (lastWeighted !== -1) shares[lastWeighted]! += fellowship - shares.reduce((a, b) => a + b, 0);
  const firstSemester = rows.findIndex((r) => r.subjects.length > 0 || r.retakes.length > 0);
  const tuitions = rowTuition(
    fees,
    rows.map((r) => [...r.subjects, ...r.retakes].reduce((sum, s) => sum + chargeable(s), 0)),
    firstSemester,
  );
  const perCreditCents = cents(fees.perCredit);
  let initialLeft = cents(fees.initialPayment);
  return rows.map((row, i) => {
    const tuition = tuitions[i]!;
    const due = Math.max(0, tuition - shares[i]!);
    const applied = Math.min(initialLeft, due);
    initialLeft -= applied;
    const instalments = instalmentsOf(row.term, i === firstSemester, due - applied, perCreditCents);
    return {
      term: row.term,
      subjects: row.subjects,
      retakes: row.retakes,
      credits: fromHundredths([...row.subjects, ...row.retakes].reduce((sum, s) => sum + hundredths(s.credits), 0)),
      tuition: units(tuition),
      fellowship: units(shares[i]!),
      initialPaymentApplied: units(applied),
      bill: units(Math.max(0, due - applied)),
      instalments,
    };
  });
}
