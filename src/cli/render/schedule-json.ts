import { fellowshipSplit, type TermBill } from '../../domain/schedule/bills.js';
import { unrefundedInitialPayment, type FeeSummary } from '../../domain/fees/fees.js';
import type { ScheduleResult } from '../../domain/schedule/plan-schedule.js';
import type { RemainingCost } from '../../domain/record/remaining.js';

/** The label of the row that gathers subjects the schedule gives no term. */
export const UNSCHEDULED_LABEL = 'Not scheduled';

/**
 * One object per billed row. Subjects without a term get a last row with `term: null`, so the
 * rows' bills plus the initial payment always add up to the payable total. Each row's `bill` is
 * the sum of its `instalments`; `fellowship` is its share, an estimate (see `fellowshipSplit`).
 */
function rows(bills: readonly TermBill[]) {
  return bills.map((b) => ({
    term: b.term?.id ?? null,
    label: b.term?.label ?? UNSCHEDULED_LABEL,
    subjects: b.subjects.map((s) => s.id),
    ...(b.retakes.length > 0 ? { retakes: b.retakes.map((s) => s.id) } : {}),
    credits: b.credits,
    bill: b.bill,
    tuition: b.tuition,
    fellowship: b.fellowship,
    initialPaymentApplied: b.initialPaymentApplied,
    instalments: b.instalments.map(({ when, amount }) => ({ when, amount })),
  }));
}

/**
 * What every JSON with term bills says about them: whether the fellowship's split over terms is
 * an estimate (PolyU does not publish it), and how much of the initial payment the plan leaves
 * unused, which is not refunded.
 */
function billNotes(fees: FeeSummary) {
  return { fellowshipSplit: fellowshipSplit(fees), initialPaymentNotRefunded: unrefundedInitialPayment(fees) };
}

/** What is still to pay: from which day, the terms still to come (null: subjects without a term) and their total. */
export function remainingJson(remaining: RemainingCost) {
  return { asOf: remaining.asOf, terms: remaining.bills.map((b) => b.term?.id ?? null), total: remaining.total };
}

/** `check --json`'s `schedule`: the plan's terms with their bills, and when it graduates; with a record of study, what is still to pay. */
export function scheduleJson(schedule: ScheduleResult, fees: FeeSummary, remaining?: RemainingCost) {
  return {
    proposed: schedule.proposed,
    terms: rows(schedule.bills),
    unscheduled: schedule.unscheduled.map((s) => s.id),
    graduation: schedule.graduation ? { term: schedule.graduation.id, label: schedule.graduation.label } : null,
    ...billNotes(fees),
    ...(remaining ? { remaining: remainingJson(remaining) } : {}),
  };
}

/** `fees --by-term --json`'s `terms`: as above, each row's label under `name`. */
export function feeTermsJson(schedule: ScheduleResult) {
  return rows(schedule.bills).map(({ term, label, ...row }) => ({ term, name: label, ...row }));
}

/** `fees --by-term --json`: the fee object, its terms, and what the bills' notes say; with a record of study, what is still to pay. */
export function feesByTermJson(fees: FeeSummary, schedule: ScheduleResult, remaining?: RemainingCost) {
  return { ...fees, terms: feeTermsJson(schedule), ...billNotes(fees), ...(remaining ? { remaining: remainingJson(remaining) } : {}) };
}
