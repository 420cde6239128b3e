import type { Catalogue, Subject } from '../catalogue/model.js';
import type { FeeSummary } from '../fees/fees.js';
import type { RequirementResult } from '../rules/engine.js';
import { splitBills, type Retake, type TermBill } from './bills.js';
import { takenSubjects, type StudyRecord } from '../record/record.js';
import type { ScheduleEntry } from '../plan/schema.js';
import { checkSchedule, type ScheduleCheck } from './check.js';
import { offeredIn, proposeSchedule, type ScheduledTerm } from './propose.js';
import { termAt, type Term } from './terms.js';

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
  judged: {
    subjects: Subject[];
    requirements: RequirementResult[];
    fees: FeeSummary;
    counted: ReadonlySet<Subject>;
    satisfied: boolean;
    record?: StudyRecord | undefined;
  },
): ScheduleResult {
  let check: ScheduleCheck;
  const proposed = plan.schedule === undefined;
  // Transferred and exempted subjects are never sat, so they have no term and no bill.
  const taken = judged.record ? takenSubjects(judged.subjects, judged.record) : judged.subjects;
  if (plan.schedule !== undefined) check = checkSchedule(catalogue, plan.mode, taken, plan.schedule);
  else {
    const proposal = proposeSchedule(catalogue, plan.mode, scheduleOrder(judged.requirements, taken));
    check = { terms: proposal.terms, unscheduled: proposal.unplaced, errors: [], warnings: [] };
    for (const s of proposal.unplaced) {
      check.errors.push({
        code: 'SCHEDULE_MISSING_SUBJECT',
        message: `${s.title} could not be given a term under the ${plan.mode} load guidance or the terms it is offered in.`,
      });
    }
  }
  const retakes = [...(judged.record?.failed ?? [])].map((subject) => ({ subject, term: retakeTerm(catalogue, check.terms, subject) }));
  const bills = splitBills(judged.fees, check.terms, check.unscheduled, judged.counted, retakes);
  // A retake after the last scheduled term moves graduation to it.
  const used = bills.filter((b) => b.term !== undefined && (b.subjects.length > 0 || b.retakes.length > 0));
  const graduation = judged.satisfied && check.unscheduled.length === 0 && used.length > 0 ? used[used.length - 1]!.term! : null;
  return { ...check, proposed, bills, graduation };
}

// Beyond this many terms after the failed one, a subject offered in none of them waits for a term.
const RETAKE_HORIZON = 12;

/**
 * When a failed subject is sat again: the first term after the one it was failed in that offers
 * it, whatever else that term holds (the schedule lists each subject once, in the term it was first
 * sat). A failed subject the schedule gives no term is retaken "when scheduled".
 */
export function retakeTerm(catalogue: Catalogue, terms: readonly ScheduledTerm[], subject: Subject): Retake['term'] {
  const failedIn = terms.find((t) => t.subjects.includes(subject))?.term;
  if (!failedIn) return undefined;
  for (let index = failedIn.index + 1; index <= failedIn.index + RETAKE_HORIZON; index++) {
    const term = termAt(catalogue, index);
    if (offeredIn(subject, term)) return term;
  }
  return undefined;
}
