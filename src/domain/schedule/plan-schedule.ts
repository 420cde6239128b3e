import type { Catalogue, Subject } from '../catalogue/model.js';
import type { FeeSummary } from '../fees/fees.js';
import type { RequirementResult } from '../rules/engine.js';
import { splitBills, type TermBill } from './bills.js';
import { checkSchedule, type ScheduleCheck, type ScheduleEntry } from './check.js';
import { proposeSchedule } from './propose.js';
import type { Term } from './terms.js';

export interface ScheduleResult extends ScheduleCheck {
  /** True when the plan carried no schedule and this one was proposed. */
  proposed: boolean;
  bills: TermBill[];
  /** The last term with a subject, when the plan meets every requirement and all is scheduled. */
  graduation: Term | null;
}

/** Subjects in the order a schedule should take them: by the requirement they count towards (compulsory first), extras last. */
export function scheduleOrder(requirements: readonly RequirementResult[], subjects: readonly Subject[]): Subject[] {
  const rank = new Map<Subject, number>();
  requirements.forEach((r, i) => r.counted.forEach((s) => rank.set(s, i)));
  const last = requirements.length;
  return subjects
    .map((s, position) => ({ s, position }))
    .sort((a, b) => (rank.get(a.s) ?? last) - (rank.get(b.s) ?? last) || a.position - b.position)
    .map(({ s }) => s);
}

/** The plan's own schedule, checked, or a proposed one; with the bills of each term. */
export function planSchedule(
  catalogue: Catalogue,
  plan: { mode: string; schedule?: ScheduleEntry[] | undefined },
  judged: { subjects: Subject[]; requirements: RequirementResult[]; fees: FeeSummary; counted: ReadonlySet<Subject>; satisfied: boolean },
): ScheduleResult {
  let check: ScheduleCheck;
  const proposed = plan.schedule === undefined;
  if (plan.schedule !== undefined) check = checkSchedule(catalogue, plan.mode, judged.subjects, plan.schedule);
  else {
    const proposal = proposeSchedule(catalogue, plan.mode, scheduleOrder(judged.requirements, judged.subjects));
    check = { terms: proposal.terms, unscheduled: proposal.unplaced, errors: [], warnings: [] };
    for (const s of proposal.unplaced) {
      check.errors.push({ code: 'SCHEDULE_MISSING_SUBJECT', message: `${s.title} could not be given a term under the ${plan.mode} load guidance or the terms it is offered in.` });
    }
  }
  const bills = splitBills(judged.fees, check.terms, check.unscheduled, judged.counted);
  const used = check.terms.filter((t) => t.subjects.length > 0);
  const graduation = judged.satisfied && check.unscheduled.length === 0 && used.length > 0 ? used[used.length - 1]!.term : null;
  return { ...check, proposed, bills, graduation };
}
