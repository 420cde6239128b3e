import type { Catalogue, RequirementOption, Subject } from '../catalogue/model.js';
import { findSubject } from '../catalogue/resolve.js';
import { planFromAnswers } from './draft.js';
import { proposedSchedule } from './draft-schedule.js';
import { judgePlan, type Judgement } from './judge.js';
import type { Finding } from '../finding.js';
import type { PlanFile } from './schema.js';
import { asksFellowship, plannerSteps, type Answers, type RecordAnswer, type Step } from './steps.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

/** Subject identifiers for names, each once, in order; names of no subject are left out. */
function identifiers(catalogue: Catalogue, names: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    const subject = findSubject(catalogue, name);
    if (subject) ids.add(subject.id);
  }
  return [...ids];
}

/** The plan's record by identifier; entries naming no subject are left out (`plans edit` says so). */
function recordAnswer(catalogue: Catalogue, plan: PlanFile): RecordAnswer | undefined {
  if (plan.grades === undefined && plan.transferred === undefined && plan.exempted === undefined) return undefined;
  const record: { -readonly [K in keyof RecordAnswer]: RecordAnswer[K] } = {};
  if (plan.grades !== undefined) {
    const grades: Record<string, string> = {};
    for (const [name, grade] of Object.entries(plan.grades)) {
      const subject = findSubject(catalogue, name);
      if (subject && !(subject.id in grades)) grades[subject.id] = grade;
    }
    record.grades = grades;
  }
  if (plan.transferred !== undefined) record.transferred = identifiers(catalogue, plan.transferred);
  if (plan.exempted !== undefined) record.exempted = identifiers(catalogue, plan.exempted);
  return record;
}

/**
 * Which pick step each planned subject is the answer of: the one whose requirement the judge
 * counts it towards, else (a subject beyond what any requirement needs) the first step whose pool
 * has it. Each step keeps the plan's order. Included subjects are no step's answer.
 */
function picksOf(subjects: readonly Subject[], countedBy: ReadonlyMap<Subject, string>, steps: readonly Step[]): Record<string, string[]> {
  const picks = steps.filter((s): s is PickStep => s.kind === 'pick');
  const included = new Set(steps.flatMap((s) => (s.kind === 'include' ? s.subjects : [])));
  const answer: Record<string, string[]> = Object.fromEntries(picks.map((s) => [s.key, []]));
  for (const subject of subjects) {
    if (included.has(subject)) continue;
    const requirement = countedBy.get(subject);
    const step =
      picks.find((s) => s.requirement.id === requirement && s.leaf.eligible.has(subject.id)) ??
      picks.find((s) => s.leaf.eligible.has(subject.id));
    if (step) answer[step.key]!.push(subject.id);
  }
  return answer;
}

/**
 * The option taken at each choice between alternatives: the judge's (the one that counts, or the
 * nearest) when the planner would make this plan by it, else the first that would. An option that
 * includes subjects (in any of its pools) is taken only by a plan that has them all: a coursework
 * plan that has no replacement subjects yet is still on the coursework route, not on the dissertation's.
 */
function routesOf(catalogue: Catalogue, planned: ReadonlySet<string>, results: Judgement['requirements']): Record<string, string> {
  const routes: Record<string, string> = {};
  for (const requirement of catalogue.requirements) {
    if (requirement.options.length < 2) continue;
    const makes = (o: RequirementOption) => o.leaves.every((l) => !l.all || [...l.eligible].every((id) => planned.has(id)));
    const judged = requirement.options.find((o) => o.id === results.find((r) => r.id === requirement.id)?.option?.id);
    const option = judged && makes(judged) ? judged : requirement.options.find(makes);
    if (option) routes[requirement.id] = option.id;
  }
  return routes;
}

/**
 * The planner's answers for a saved plan, so that it can be edited as if it had just been planned:
 * the route the judge finds, each subject at the step it answers, the schedule (the plan's own, or
 * the proposal it was given), fellowship, residency, mode, name and record of study. Every step is
 * answered, so the planner opens at its review. Subjects that are no subject of the catalogue, or
 * that no step offers, are left out, and so are record entries naming no subject. `judgement` is
 * the plan's, for a caller that has judged it already.
 */
export function answersFromPlan(catalogue: Catalogue, plan: PlanFile, name?: string, judgement = judgePlan(catalogue, plan)): Answers {
  const planned = new Set(identifiers(catalogue, plan.subjects));
  const routes = routesOf(catalogue, planned, judgement.requirements);
  const countedBy = new Map<Subject, string>();
  for (const r of judgement.requirements) for (const s of r.counted) countedBy.set(s, r.id);
  const base: Answers = { residency: plan.residency, mode: plan.mode, picks: {}, routes };
  const steps = plannerSteps(catalogue, base);
  const picks = picksOf(judgement.subjects, countedBy, steps);
  const record = recordAnswer(catalogue, plan);
  const answers: Answers = {
    ...base,
    picks,
    ...(asksFellowship(catalogue, plan.residency) ? { fellowship: plan.fellowship } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(record ? { record } : {}),
  };
  // A plan without a schedule of its own was given the proposal: the proposal for these answers,
  // whose subjects may be in another order than the file's, so that it stays "as proposed".
  const scheduled = plan.schedule ?? proposedSchedule(catalogue, planFromAnswers(catalogue, { ...answers, residency: plan.residency }));
  const schedule = scheduled.map((e) => ({
    term: e.term,
    subjects: identifiers(catalogue, e.subjects).filter((id) => planned.has(id)),
  }));
  return { ...answers, schedule };
}

// What the planner's answers cannot hold, each reported by the judge: a name of no subject, a
// subject listed again, the fellowship where the residency has none, and a record entry for a
// subject of no name or not planned. answersFromPlan leaves each of them out.
const NOT_ANSWERS = new Set([
  'UNKNOWN_SUBJECT',
  'DUPLICATE_SUBJECT',
  'FELLOWSHIP_NOT_ELIGIBLE',
  'RECORD_UNKNOWN_SUBJECT',
  'RECORD_NOT_PLANNED',
]);

/**
 * What editing a saved plan leaves out of it: the findings of the saved plan's judgement that name
 * what answersFromPlan cannot carry, and a record's conflicts that its answers no longer have (a
 * subject graded twice keeps its first grade; one both graded and transferred keeps both, and its
 * conflict). `plans edit` says them, so nothing goes unsaid. A plan of another catalogue is not
 * among them: it must not be edited against this one at all.
 */
export function leftOutByEdit(saved: Judgement, answered: Judgement): Finding[] {
  const stays = new Set(answered.errors.map((e) => `${e.code} ${e.message}`));
  return saved.errors.filter((e) => NOT_ANSWERS.has(e.code) || (e.code === 'RECORD_CONFLICT' && !stays.has(`${e.code} ${e.message}`)));
}
