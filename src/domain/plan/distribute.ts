import type { Catalogue } from '../catalogue/model.js';
import { creditsOf, hundredths } from '../catalogue/credits.js';
import { chosenSubjects } from './draft.js';
import { hasMaximum, meetsNeed, pickAmount, pickNeed, withinCap, type PickNeed } from './pick-need.js';
import { plannerSteps, type Answers, type Step } from './steps.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

export interface Distributed {
  answers: Answers;
  /** Subject identifiers that no open pick's pool takes (or whose pools are full). */
  unplaced: string[];
}

/**
 * Answers every pick the routes taken bring (but those in `fixed`, answered otherwise) from one
 * list of subjects, as a student would tick them: each pick in the planner's order takes, in the
 * list's order, the subjects of its pool until it has what it needs, never beyond its pool's
 * maximum; a subject left over goes to the first pick whose pool has it and has room. So the same
 * subjects in the order the planner asks for them give the same answers as the planner. A subject
 * the plan holds already (included by a route, or picked at a step in `fixed`) is in its place.
 */
export function distributeSubjects(
  catalogue: Catalogue,
  answers: Answers,
  ids: readonly string[],
  fixed: ReadonlySet<string>,
): Distributed {
  // The steps follow the routes alone, which placing subjects does not change.
  const steps = plannerSteps(catalogue, answers).filter((s): s is PickStep => s.kind === 'pick' && !fixed.has(s.key));
  const cleared = { ...answers.picks } as Record<string, readonly string[]>;
  for (const step of steps) delete cleared[step.key];
  let next: Answers = { ...answers, picks: cleared };
  const placed = new Set(chosenSubjects(catalogue, next));
  let left = ids.filter((id) => !placed.has(id));
  const subjectsOf = (list: readonly string[]) => list.map((id) => catalogue.subjectById.get(id)!);
  for (const step of steps) {
    const need = pickNeed(catalogue, step, next);
    const taken: string[] = [];
    for (const id of left) {
      if (!step.leaf.eligible.has(id) || meetsNeed({ ...need, max: undefined }, pickAmount(need, subjectsOf(taken)))) continue;
      if (withinCap(need, subjectsOf([...taken, id]))) taken.push(id);
    }
    next = { ...next, picks: { ...next.picks, [step.key]: taken } };
    left = left.filter((id) => !taken.includes(id));
  }
  // A step's need reads every other answer, so it holds until a subject is placed; the engine
  // judges it only for a pool with a maximum that the subject could still fit.
  let needs = new Map<PickStep, PickNeed>();
  const needOf = (step: PickStep): PickNeed => {
    const known = needs.get(step);
    if (known !== undefined) return known;
    const need = pickNeed(catalogue, step, next);
    needs.set(step, need);
    return need;
  };
  const hasRoom = (step: PickStep, id: string): boolean => {
    if (!step.leaf.eligible.has(id)) return false;
    if (!hasMaximum(step.leaf)) return true;
    const chosen = subjectsOf([...(next.picks[step.key] ?? []), id]);
    // The room left is never more than the pool's maximum: beyond it, no need is worth working out.
    if (chosen.length > step.leaf.maxSubjects || hundredths(creditsOf(chosen)) > step.leaf.maxCredits) return false;
    return withinCap(needOf(step), chosen);
  };
  const unplaced: string[] = [];
  for (const id of left) {
    const step = steps.find((s) => hasRoom(s, id));
    if (step === undefined) {
      unplaced.push(id);
      continue;
    }
    next = { ...next, picks: { ...next.picks, [step.key]: [...(next.picks[step.key] ?? []), id] } };
    needs = new Map();
  }
  return { answers: next, unplaced };
}
