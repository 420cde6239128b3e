import type { Catalogue, Subject } from '../catalogue/model.js';
import type { Residency } from '../catalogue/schema.js';
import { proposedSchedule, withSchedule } from './draft-schedule.js';
import type { PlanFile } from './schema.js';
import { plannerSteps, type Answers, type RecordAnswer, type Step } from './steps.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

/** Subject identifiers a step contributes to the plan under these answers. */
function stepSubjects(step: Step, answers: Answers): readonly string[] {
  if (step.kind === 'include') return step.subjects.map((s) => s.id);
  if (step.kind === 'pick') return answers.picks[step.key] ?? [];
  return [];
}

/**
 * Every subject the answers put in the plan, each once, in the order of the steps: what is
 * included and what was picked at steps that still apply. Picks at a route no longer taken stay
 * in the answers (to be offered again) but not in the plan.
 */
export function chosenSubjects(catalogue: Catalogue, answers: Answers, except?: Step): string[] {
  const ids = new Set<string>();
  for (const step of plannerSteps(catalogue, answers)) {
    if (step.id === except?.id) continue;
    for (const id of stepSubjects(step, answers)) if (catalogue.subjectById.has(id)) ids.add(id);
  }
  return [...ids];
}

/** What a pick step offers: its pool, in catalogue order, without subjects chosen at other steps. */
export function pickPool(catalogue: Catalogue, step: PickStep, answers: Answers): Subject[] {
  const elsewhere = new Set(chosenSubjects(catalogue, answers, step));
  return catalogue.subjects.filter((s) => step.leaf.eligible.has(s.id) && !elsewhere.has(s.id));
}

export type AnswersWithResidency = Answers & { residency: Residency };

export function hasResidency(answers: Answers): answers is AnswersWithResidency {
  return answers.residency !== undefined;
}

/** The plan file the answers make so far (the format of docs/plan-file-and-schedule.md), ready to judge or save. */
export function planFromAnswers(catalogue: Catalogue, answers: AnswersWithResidency): PlanFile {
  const steps = plannerSteps(catalogue, answers);
  const fellowship = steps.some((s) => s.kind === 'fellowship') && answers.fellowship === true;
  const plan: PlanFile = {
    catalogue: catalogue.id,
    residency: answers.residency,
    mode: answers.mode ?? catalogue.data.modes[0]!.id,
    fellowship,
    subjects: chosenSubjects(catalogue, answers),
  };
  return withSchedule(catalogue, { ...plan, ...recordFields(answers.record, new Set(plan.subjects)) }, answers.schedule);
}

/**
 * The record's fields as a plan file writes them, for the planned subjects only: an entry for a
 * subject no longer planned stays in the answers (to come back with the subject) but not in the plan.
 */
function recordFields(
  record: RecordAnswer | undefined,
  planned: ReadonlySet<string>,
): Pick<PlanFile, 'grades' | 'transferred' | 'exempted'> {
  if (record === undefined) return {};
  const fields: Pick<PlanFile, 'grades' | 'transferred' | 'exempted'> = {};
  if (record.grades !== undefined) fields.grades = Object.fromEntries(Object.entries(record.grades).filter(([id]) => planned.has(id)));
  if (record.transferred !== undefined) fields.transferred = record.transferred.filter((id) => planned.has(id));
  if (record.exempted !== undefined) fields.exempted = record.exempted.filter((id) => planned.has(id));
  return fields;
}

/**
 * After another answer changed (the subjects, the mode): a schedule that was the proposal becomes
 * the proposal for the new answers; the student's own keeps its terms, without the subjects no
 * longer planned and with new ones where the proposal puts them.
 */
export function carrySchedule(catalogue: Catalogue, before: Answers, after: Answers): Answers {
  if (after.schedule === undefined || !hasResidency(before) || !hasResidency(after)) return after;
  const wasProposed = planFromAnswers(catalogue, before).schedule === undefined;
  // The plan leaves out an own schedule that has come to match the proposal: the same either way.
  const own = wasProposed ? undefined : planFromAnswers(catalogue, after).schedule;
  return { ...after, schedule: own ?? proposedSchedule(catalogue, planFromAnswers(catalogue, { ...after, schedule: undefined })) };
}
