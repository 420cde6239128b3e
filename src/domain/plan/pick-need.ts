import type { Catalogue, Requirement, Subject } from '../catalogue/model.js';
import { evaluate } from '../rules/engine.js';
import { chosenSubjects, pickPool } from './draft.js';
import type { Answers, Step } from './steps.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

export interface PickNeed {
  unit: 'subject' | 'credit';
  /** At least this many subjects or credits: what the requirement still misses given every other answer ... */
  min: number;
  /** ... and, for an alternative's pick, no more subjects than that: more would only add credits. */
  max: number | undefined;
  /** The rule's own number; more than `min` when other answers already count towards it. */
  required: number;
}

/**
 * The requirements the other steps answer, as the student shaped them: a choice between
 * alternatives counts with the option taken, and not at all before one is taken.
 */
function otherRequirements(catalogue: Catalogue, step: PickStep, answers: Answers): Requirement[] {
  return catalogue.requirements.flatMap((r) => {
    if (r.id === step.requirement.id) return [];
    if (r.options.length === 1) return [r];
    const taken = r.options.find((o) => o.id === answers.routes[r.id]);
    return taken ? [{ ...r, options: [taken] }] : [];
  });
}

/**
 * How much the step's requirement still misses given every other answer, in its unit (subjects
 * or credits). The other requirements keep what they need first, and this one counts what is
 * left of the other answers' subjects: so a core subject chosen as one of "3 more" is not
 * counted twice, and four cores chosen leave one replacement subject to pick. The engine judges
 * what the others keep; only its public result is read, so the order of requirements and
 * subjects does not matter here.
 */
export function pickShortfall(catalogue: Catalogue, step: PickStep, answers: Answers): number {
  const others = chosenSubjects(catalogue, answers, step).map((id) => catalogue.subjectById.get(id)!);
  const requirements = otherRequirements(catalogue, step, answers);
  const kept: ReadonlySet<Subject> = requirements.length > 0 ? evaluate({ ...catalogue, requirements }, others).counted : new Set();
  const left = others.filter((s) => !kept.has(s) && step.option.eligible.has(s.id));
  const rule = step.option.rule;
  if (rule.type === 'credits') return Math.max(0, rule.min - left.reduce((sum, s) => sum + s.credits, 0));
  const required = rule.type === 'subjects' ? rule.min : step.option.eligible.size;
  return Math.max(0, required - left.length);
}

/** How much a pick must hold, never more than its pool can give (so a step can always be answered). */
export function pickNeed(catalogue: Catalogue, step: PickStep, answers: Answers): PickNeed {
  const pool = pickPool(catalogue, step, answers);
  const shortfall = pickShortfall(catalogue, step, answers);
  const rule = step.option.rule;
  if (rule.type === 'credits') {
    const available = pool.reduce((sum, s) => sum + s.credits, 0);
    return { unit: 'credit', min: Math.min(shortfall, available), max: undefined, required: rule.min };
  }
  const min = Math.min(shortfall, pool.length);
  const required = rule.type === 'subjects' ? rule.min : step.option.eligible.size;
  return { unit: 'subject', min, max: step.exact ? min : undefined, required };
}

/** How much of a pick's unit the chosen subjects hold: a count of subjects, or of credits. */
export function pickAmount(need: PickNeed, chosen: readonly Subject[]): number {
  return need.unit === 'credit' ? chosen.reduce((sum, s) => sum + s.credits, 0) : chosen.length;
}

/** Whether an amount meets a pick's need: at least its minimum, and no more than its maximum. */
export function meetsNeed(need: PickNeed, amount: number): boolean {
  return amount >= need.min && (need.max === undefined || amount <= need.max);
}

/** Whether a pick's answer still meets what its requirement misses, now that other answers may have changed. */
export function pickFits(catalogue: Catalogue, step: PickStep, answers: Answers): boolean {
  const pool = new Map(pickPool(catalogue, step, answers).map((s) => [s.id, s]));
  const picked = (answers.picks[step.key] ?? []).flatMap((id) => pool.get(id) ?? []);
  const need = pickNeed(catalogue, step, answers);
  return meetsNeed(need, pickAmount(need, picked));
}
