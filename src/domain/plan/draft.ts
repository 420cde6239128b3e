import type { Catalogue, Subject } from '../catalogue/model.js';
import type { Residency } from '../catalogue/schema.js';
import { proposedSchedule, withSchedule } from './draft-schedule.js';
import type { PlanFile } from './schema.js';
import { plannerSteps, type Answers, type Step } from './steps.js';

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
  return catalogue.subjects.filter((s) => step.option.eligible.has(s.id) && !elsewhere.has(s.id));
}

export interface PickNeed {
  unit: 'subject' | 'credit';
  /** At least this many subjects or credits ... */
  min: number;
  /** ... and, for an alternative's pick, no more subjects than that. */
  max: number | undefined;
}

/** How much a pick must hold, never more than its pool can give (so a step can always be answered). */
export function pickNeed(step: PickStep, pool: readonly Subject[]): PickNeed {
  const rule = step.option.rule;
  if (rule.type === 'credits') {
    const available = pool.reduce((sum, s) => sum + s.credits, 0);
    return { unit: 'credit', min: Math.min(rule.min, available), max: undefined };
  }
  const min = rule.type === 'subjects' ? Math.min(rule.min, pool.length) : pool.length;
  return { unit: 'subject', min, max: step.exact ? min : undefined };
}

/** How much of a pick's unit the chosen subjects hold: a count of subjects, or of credits. */
export function pickAmount(need: PickNeed, chosen: readonly Subject[]): number {
  return need.unit === 'credit' ? chosen.reduce((sum, s) => sum + s.credits, 0) : chosen.length;
}

export type AnswersWithResidency = Answers & { residency: Residency };

export function hasResidency(answers: Answers): answers is AnswersWithResidency {
  return answers.residency !== undefined;
}

/** The plan file the answers make so far (the contract's format), ready to judge or save. */
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
  return withSchedule(catalogue, plan, answers.schedule);
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
