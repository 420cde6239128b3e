import type { Catalogue, Leaf, Requirement, Subject } from '../catalogue/model.js';
import { creditsOf, fromHundredths, hundredths } from '../catalogue/credits.js';
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
  /** Present only for a pool with a maximum: at most this many more subjects may be picked here. */
  capSubjects?: number;
  /** Present only for a pool with a maximum in credits: at most this many more credits may be picked here. */
  capCredits?: number;
}

/** The subjects' credits in hundredths, for sums and comparisons with a pool's bounds (which are in hundredths). */
const hundredthsOf = (subjects: readonly Subject[]): number => hundredths(creditsOf(subjects));

/** Whether a pool has a maximum, in subjects or in credits: only then may a pick there be full. */
export const hasMaximum = (leaf: Leaf): boolean => leaf.maxSubjects !== Infinity || leaf.maxCredits !== Infinity;

/** A pool counts in credits when its only minimum is in credits; otherwise in subjects. */
const unitOf = (step: PickStep): PickNeed['unit'] => (step.leaf.minCredits > 0 && step.leaf.minSubjects === 0 ? 'credit' : 'subject');

/**
 * The requirements the other steps answer, as the student shaped them: a choice between
 * alternatives counts with the option taken, and not at all before one is taken.
 */
function otherRequirements(catalogue: Catalogue, step: PickStep, answers: Answers): Requirement[] {
  const others = catalogue.requirements.flatMap((r) => {
    if (r.id === step.requirement.id) return [];
    if (r.options.length === 1) return [r];
    const taken = r.options.find((o) => o.id === answers.routes[r.id]);
    return taken ? [{ ...r, options: [taken] }] : [];
  });
  // The other pools of the step's own route keep what they need first, as other requirements do.
  const siblings = step.option.leaves.filter((l) => l !== step.leaf);
  if (siblings.length === 0) return others;
  const eligible = new Set(siblings.flatMap((l) => [...l.eligible]));
  return [...others, { ...step.requirement, options: [{ ...step.option, leaves: siblings, eligible }] }];
}

/** The other answers' subjects this step's pool counts: those the other requirements do not keep. */
function countedHere(catalogue: Catalogue, step: PickStep, answers: Answers): Subject[] {
  const others = chosenSubjects(catalogue, answers, step).map((id) => catalogue.subjectById.get(id)!);
  const requirements = otherRequirements(catalogue, step, answers);
  const kept: ReadonlySet<Subject> = requirements.length > 0 ? evaluate({ ...catalogue, requirements }, others).counted : new Set();
  return others.filter((s) => !kept.has(s) && step.leaf.eligible.has(s.id));
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
  return shortfallBeside(step, countedHere(catalogue, step, answers));
}

/** What the step's pool still misses beside the other answers' subjects it counts. */
function shortfallBeside(step: PickStep, counted: readonly Subject[]): number {
  if (unitOf(step) === 'credit') return fromHundredths(Math.max(0, step.leaf.minCredits - hundredthsOf(counted)));
  return Math.max(0, step.leaf.minSubjects - counted.length);
}

/** How much a pick must hold, never more than its pool can give (so a step can always be answered). */
export function pickNeed(catalogue: Catalogue, step: PickStep, answers: Answers): PickNeed {
  const pool = pickPool(catalogue, step, answers);
  const { leaf } = step;
  // The rules engine judges what counts here once, for the shortfall and the maximum alike.
  const left = countedHere(catalogue, step, answers);
  // What the pool's maximum still lets this step add, beside what other answers already count here.
  const caps: Pick<PickNeed, 'capSubjects' | 'capCredits'> = {
    ...(leaf.maxSubjects !== Infinity ? { capSubjects: Math.max(0, leaf.maxSubjects - left.length) } : {}),
    ...(leaf.maxCredits !== Infinity ? { capCredits: fromHundredths(Math.max(0, leaf.maxCredits - hundredthsOf(left))) } : {}),
  };
  const shortfall = shortfallBeside(step, left);
  if (unitOf(step) === 'credit') {
    const available = creditsOf(pool);
    const min = Math.min(shortfall, available, caps.capCredits ?? Infinity);
    return { unit: 'credit', min, max: undefined, required: fromHundredths(leaf.minCredits), ...caps };
  }
  const min = Math.min(shortfall, pool.length, caps.capSubjects ?? Infinity);
  return { unit: 'subject', min, max: step.exact ? min : undefined, required: leaf.minSubjects, ...caps };
}

/** How much of a pick's unit the chosen subjects hold: a count of subjects, or of credits. */
export function pickAmount(need: PickNeed, chosen: readonly Subject[]): number {
  return need.unit === 'credit' ? creditsOf(chosen) : chosen.length;
}

/** Whether an amount meets a pick's need: at least its minimum, and no more than its maximum. */
export function meetsNeed(need: PickNeed, amount: number): boolean {
  return amount >= need.min && (need.max === undefined || amount <= need.max);
}

/** Whether chosen subjects stay within a pool's maximum, in subjects and in credits. */
export function withinCap(need: PickNeed, chosen: readonly Subject[]): boolean {
  const subjects = need.capSubjects === undefined || chosen.length <= need.capSubjects;
  return subjects && (need.capCredits === undefined || hundredthsOf(chosen) <= hundredths(need.capCredits));
}

/** Whether a pick's answer still meets what its requirement misses, now that other answers may have changed. */
export function pickFits(catalogue: Catalogue, step: PickStep, answers: Answers): boolean {
  const pool = new Map(pickPool(catalogue, step, answers).map((s) => [s.id, s]));
  const picked = (answers.picks[step.key] ?? []).flatMap((id) => pool.get(id) ?? []);
  const need = pickNeed(catalogue, step, answers);
  return meetsNeed(need, pickAmount(need, picked)) && withinCap(need, picked);
}
