import type { Catalogue } from '../catalogue/model.js';
import { findSubject } from '../catalogue/resolve.js';
import { scheduleOf } from '../schedule/of-judgement.js';
import { offeredIn } from '../schedule/propose.js';
import { findTerm, termAt, termKinds, type Term } from '../schedule/terms.js';
import type { Finding } from '../finding.js';
import { judgePlan } from './judge.js';
import type { PlanFile, ScheduleEntry } from './schema.js';
import type { ScheduleAnswer } from './steps.js';

/** Subject identifier to its term, in the order the schedule lists them. */
type Placements = Map<string, Term>;

/** The schedule as a plan file writes it: terms in calendar order, each with its subjects; empty terms left out. */
function entriesOf(placements: Placements): ScheduleEntry[] {
  const byTerm = new Map<string, { term: Term; subjects: string[] }>();
  for (const [id, term] of placements) {
    let slot = byTerm.get(term.id);
    if (!slot) byTerm.set(term.id, (slot = { term, subjects: [] }));
    slot.subjects.push(id);
  }
  return [...byTerm.values()].sort((a, b) => a.term.index - b.term.index).map((s) => ({ term: s.term.label, subjects: s.subjects }));
}

/** Each subject's term; a term that names none from the intake on places nothing, and a subject counts in its first term only. */
function placementsOf(catalogue: Catalogue, schedule: ScheduleAnswer): Placements {
  const placements: Placements = new Map();
  for (const entry of schedule) {
    const term = findTerm(catalogue, entry.term);
    if (!term || term.index < 0) continue;
    for (const id of entry.subjects) if (!placements.has(id)) placements.set(id, term);
  }
  return placements;
}

/** The subjects to sit: transferred and exempted ones are never sat, so they have no term. */
function plannedIds(catalogue: Catalogue, plan: PlanFile): string[] {
  const idsOf = (names: readonly string[]) => names.flatMap((name) => findSubject(catalogue, name)?.id ?? []);
  const notSat = new Set(idsOf([...(plan.transferred ?? []), ...(plan.exempted ?? [])]));
  return [...new Set(idsOf(plan.subjects))].filter((id) => !notSat.has(id));
}

/**
 * The schedule proposed for a plan's subjects (compulsory first, the mode's normal load, a
 * dissertation last), as a plan file writes it. A subject the proposal cannot place (offered only
 * in terms without load guidance) goes to the first term it is offered in, so every planned
 * subject has a term.
 */
export function proposedSchedule(catalogue: Catalogue, plan: PlanFile): ScheduleEntry[] {
  const { schedule: _own, ...bare } = plan;
  const proposal = scheduleOf(catalogue, judgePlan(catalogue, bare));
  const placements: Placements = new Map();
  for (const { term, subjects } of proposal.terms) for (const s of subjects) placements.set(s.id, term);
  const year = termKinds(catalogue).length;
  for (const subject of proposal.unscheduled) {
    const term = Array.from({ length: year }, (_, i) => termAt(catalogue, i)).find((t) => offeredIn(subject, t));
    if (term) placements.set(subject.id, term);
  }
  return entriesOf(placements);
}

function fitted(catalogue: Catalogue, plan: PlanFile, schedule: ScheduleAnswer, proposal: ScheduleAnswer): ScheduleEntry[] {
  const planned = plannedIds(catalogue, plan);
  const wanted = new Set(planned);
  const placements: Placements = new Map([...placementsOf(catalogue, schedule)].filter(([id]) => wanted.has(id)));
  const proposed = placementsOf(catalogue, proposal);
  for (const id of planned) {
    const term = proposed.get(id);
    if (!placements.has(id) && term) placements.set(id, term);
  }
  return entriesOf(placements);
}

/**
 * A schedule made for other answers, fitted to the plan's subjects: a subject no longer planned is
 * dropped, and a planned subject without a term is put in the term the proposal gives it. So every
 * planned subject is in exactly one term.
 */
export function fitSchedule(catalogue: Catalogue, plan: PlanFile, schedule: ScheduleAnswer): ScheduleEntry[] {
  return fitted(catalogue, plan, schedule, proposedSchedule(catalogue, plan));
}

/** Whether two schedules put every subject in the same term (however the terms are written or ordered). */
export function sameSchedule(catalogue: Catalogue, a: ScheduleAnswer, b: ScheduleAnswer): boolean {
  const left = placementsOf(catalogue, a);
  const right = placementsOf(catalogue, b);
  return left.size === right.size && [...left].every(([id, term]) => right.get(id)?.id === term.id);
}

/** The schedule with one subject moved to `term` (last in it). */
export function moveSubject(catalogue: Catalogue, schedule: ScheduleAnswer, subjectId: string, term: Term): ScheduleEntry[] {
  const placements = placementsOf(catalogue, schedule);
  placements.delete(subjectId);
  placements.set(subjectId, term);
  return entriesOf(placements);
}

/**
 * The plan with the planner's schedule, fitted to its subjects. The proposed schedule is left out:
 * a plan without one is given that same proposal wherever a schedule is needed, so a plan carries
 * a schedule only when the student changed it, and stays as small as it can be.
 */
export function withSchedule(catalogue: Catalogue, plan: PlanFile, schedule: ScheduleAnswer | undefined): PlanFile {
  if (schedule === undefined) return plan;
  const proposal = proposedSchedule(catalogue, plan);
  const own = fitted(catalogue, plan, schedule, proposal);
  return sameSchedule(catalogue, own, proposal) ? plan : { ...plan, schedule: own };
}

/**
 * The terms of a plan's own schedule above its mode's normal load, as `check` warns of them
 * (SCHEDULE_OVERLOAD); none for a plan without one, as a proposal keeps to the load.
 */
export function ownScheduleOverloads(catalogue: Catalogue, plan: PlanFile): Finding[] {
  if (plan.schedule === undefined) return [];
  return judgePlan(catalogue, plan).warnings.filter((w) => w.code === 'SCHEDULE_OVERLOAD');
}
