import type { Catalogue } from '../catalogue/model.js';
import { meetsNeed, pickAmount, pickNeed, withinCap } from './pick-need.js';
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
 * subjects in the order the planner asks for them give the same answers as the planner.
 */
export function distributeSubjects(
  catalogue: Catalogue,
  answers: Answers,
  ids: readonly string[],
  fixed: ReadonlySet<string>,
): Distributed {
  const open = (a: Answers) => plannerSteps(catalogue, a).filter((s): s is PickStep => s.kind === 'pick' && !fixed.has(s.key));
  const cleared = { ...answers.picks } as Record<string, readonly string[]>;
  for (const step of open(answers)) delete cleared[step.key];
  let next: Answers = { ...answers, picks: cleared };
  let left = [...ids];
  const subjectsOf = (list: readonly string[]) => list.map((id) => catalogue.subjectById.get(id)!);
  for (const step of open(next)) {
    const need = pickNeed(catalogue, step, next);
    const taken: string[] = [];
    for (const id of left) {
      if (!step.leaf.eligible.has(id) || meetsNeed({ ...need, max: undefined }, pickAmount(need, subjectsOf(taken)))) continue;
      if (withinCap(need, subjectsOf([...taken, id]))) taken.push(id);
    }
    next = { ...next, picks: { ...next.picks, [step.key]: taken } };
    left = left.filter((id) => !taken.includes(id));
  }
  const unplaced: string[] = [];
  for (const id of left) {
    const step = open(next).find((s) => {
      if (!s.leaf.eligible.has(id)) return false;
      const need = pickNeed(catalogue, s, { ...next, picks: { ...next.picks, [s.key]: [] } });
      return withinCap(need, subjectsOf([...(next.picks[s.key] ?? []), id]));
    });
    if (step === undefined) unplaced.push(id);
    else next = { ...next, picks: { ...next.picks, [step.key]: [...(next.picks[step.key] ?? []), id] } };
  }
  return { answers: next, unplaced };
}
