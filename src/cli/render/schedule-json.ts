import type { TermBill } from '../../domain/schedule/bills.js';
import type { ScheduleResult } from '../../domain/schedule/plan-schedule.js';

/** The label of the row that gathers subjects the schedule gives no term. */
export const UNSCHEDULED_LABEL = 'Not scheduled';

/**
 * One object per billed row. Subjects without a term get a last row with `term: null`, so the
 * rows' bills plus the initial payment always add up to the payable total.
 */
function rows(bills: readonly TermBill[]) {
  return bills.map((b) => ({
    term: b.term?.id ?? null,
    label: b.term?.label ?? UNSCHEDULED_LABEL,
    subjects: b.subjects.map((s) => s.id),
    credits: b.credits,
    bill: b.bill,
  }));
}

/** `check --json`'s `schedule`: the plan's terms with their bills, and when it graduates. */
export function scheduleJson(schedule: ScheduleResult) {
  return {
    proposed: schedule.proposed,
    terms: rows(schedule.bills),
    unscheduled: schedule.unscheduled.map((s) => s.id),
    graduation: schedule.graduation ? { term: schedule.graduation.id, label: schedule.graduation.label } : null,
  };
}

/** `fees --by-term --json`'s `terms`: as above, each row's label under `name`. */
export function feeTermsJson(schedule: ScheduleResult) {
  return rows(schedule.bills).map(({ term, label, subjects, credits, bill }) => ({ term, name: label, subjects, credits, bill }));
}
