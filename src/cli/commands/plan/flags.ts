import type { Catalogue, Leaf } from '../../../domain/catalogue/model.js';
import { findSubject, suggestSubjects } from '../../../domain/catalogue/resolve.js';
import { fellowshipEligible, fellowshipRefusal } from '../../../domain/fees/fees.js';
import { distributeSubjects } from '../../../domain/plan/distribute.js';
import { plannerSteps, stepKey, type Answers } from '../../../domain/plan/steps.js';
import { describeSelector, joinWords } from '../../../domain/rules/wording.js';
import type { Defaults } from '../../io/store-types.js';
import { UsageError } from '../../outcome.js';
import { safeLine } from '../../render/sanitize.js';
import { parseSetting, resolveSetting } from '../../settings/resolve.js';
import { nameProblem } from '../../prompts/name.js';
import { flagSlots, routeChoice, routeWords, type FlagSlots } from './flag-slots.js';

/** The `plan` command's answers as flags, named as docs/commands.md names them. */
export interface PlanFlags {
  residency?: string;
  mode?: string;
  core?: string[];
  elective?: string[];
  route?: string;
  extra?: string[];
  /** Subjects for every question the flags above do not answer, in any catalogue: each pick takes those of its pool. */
  subjects?: string[];
  /** true for --fellowship, false for --no-fellowship, undefined for neither. */
  fellowship?: boolean;
  name?: string;
}

/**
 * Fills the residency and mode from the settings' sources below the flag: the draft's answer, then
 * the environment (STUDY_PLANNER_*), then the saved defaults. The flags are applied after
 * (applyFlags) and win; a bad value in the environment or a saved default is reported even then,
 * as the planner always has.
 */
export function applyDefaults(catalogue: Catalogue, answers: Answers, env: NodeJS.ProcessEnv, defaults: Defaults): Answers {
  const layers = { env, saved: defaults, draft: { residency: answers.residency, mode: answers.mode } };
  const residency = resolveSetting('residency', layers);
  const mode = resolveSetting('mode', layers, catalogue);
  return { ...answers, ...(residency ? { residency: residency.value } : {}), ...(mode ? { mode: mode.value } : {}) };
}

/** Resolves a subject flag's names to identifiers in the step's pool (any, without one); one clear sentence for anything else. */
function subjectsFrom(
  catalogue: Catalogue,
  flag: string,
  names: readonly string[],
  leaf: Leaf | undefined,
  seen: Map<string, string>,
): string[] {
  return names.map((name) => {
    const subject = findSubject(catalogue, name);
    if (!subject) {
      const hint = suggestSubjects(catalogue, name);
      const next =
        hint.length > 0
          ? `did you mean ${joinWords(
              hint.map((s) => `"${safeLine(s.title)}"`),
              'or',
            )}?`
          : 'run "study-planner subjects" to list them.';
      throw new UsageError(`${flag} "${safeLine(name)}" is not a subject of this programme; ${next}`);
    }
    if (leaf !== undefined && !leaf.eligible.has(subject.id)) {
      const pool = describeSelector(catalogue, leaf.from);
      const category = catalogue.categoryById.get(subject.category)?.adjective ?? subject.category;
      throw new UsageError(
        `${flag} "${safeLine(name)}" (${safeLine(subject.title)}) is ${/^[aeiou]/i.test(category) ? 'an' : 'a'} ${safeLine(category)} subject, and ${flag} takes ${safeLine(pool)} subjects; run "study-planner subjects" to see each subject's category.`,
      );
    }
    const earlier = seen.get(subject.id);
    if (earlier !== undefined)
      throw new UsageError(`${safeLine(subject.title)} is named twice (${earlier} and ${flag}); a subject counts once, so name it once.`);
    seen.set(subject.id, flag);
    return subject.id;
  });
}

/**
 * A subject a flag names that an answer the flags leave (the draft's, or the plan being edited)
 * already picks for another step would be counted once and dropped from one of them in silence:
 * refused, as naming it in two flags is. `seen`: each subject the flags named, and which flag.
 */
function refuseKeptTwice(
  catalogue: Catalogue,
  slots: FlagSlots,
  before: Answers['picks'],
  after: Answers,
  seen: ReadonlyMap<string, string>,
): void {
  // Only the steps of the routes taken: the picks of a route left are not the plan's any more.
  for (const step of plannerSteps(catalogue, after)) {
    if (step.kind !== 'pick') continue;
    const ids = after.picks[step.key] ?? [];
    // A step the flags answered: its subjects are the flags', checked against each other already.
    if (ids !== before[step.key]) continue;
    for (const id of ids) {
      const flag = seen.get(id);
      if (flag === undefined) continue;
      const label = safeLine(step.requirement.label);
      const other = (['core', 'elective', 'extra'] as const).find((f) => slots[f] === step.key);
      const move = other === undefined ? '' : `, or choose the plan's ${label} again with --${other} to move it`;
      throw new UsageError(
        `${safeLine(catalogue.subjectById.get(id)!.title)} is named twice (${flag}, and already among the plan's ${label}); a subject counts once: leave it out of ${flag}${move}.`,
      );
    }
  }
}

function slotLeaf(catalogue: Catalogue, key: string): Leaf {
  for (const r of catalogue.requirements) for (const o of r.options) for (const l of o.leaves) if (stepKey(r, o, l) === key) return l;
  throw new Error(`no requirement step "${key}"`);
}

/** Every word `--route` takes: the first choice's, then the other choices' options. */
function everyRouteWord(slots: FlagSlots): string[] {
  return [...routeWords(slots), ...slots.others.flatMap((r) => r.options.map((o) => o.id))];
}

function noSuchStep(flag: string, what: string): UsageError {
  return new UsageError(`${flag} does not apply to this catalogue: it has no requirement over ${what}; leave ${flag} out.`);
}

/** The flags' answers over the others (a flag always wins); each value checked against the catalogue. */
export function applyFlags(catalogue: Catalogue, answers: Answers, flags: PlanFlags): Answers {
  const slots = flagSlots(catalogue);
  const next: Answers = { ...answers, picks: { ...answers.picks }, routes: { ...answers.routes } };
  const picks = next.picks as Record<string, readonly string[]>;
  const routes = next.routes as Record<string, string>;
  if (flags.residency !== undefined) next.residency = parseSetting('residency', flags.residency, 'flag');
  if (flags.mode !== undefined) next.mode = parseSetting('mode', flags.mode, 'flag', catalogue);
  const seen = new Map<string, string>();
  for (const flag of ['core', 'elective'] as const) {
    const names = flags[flag];
    if (names === undefined) continue;
    const key = slots[flag];
    if (key === undefined) throw noSuchStep(`--${flag}`, `${flag} subjects`);
    picks[key] = subjectsFrom(catalogue, `--${flag}`, names, slotLeaf(catalogue, key), seen);
  }
  if (flags.route !== undefined) {
    if (!slots.route) throw noSuchStep('--route', 'alternatives to choose between');
    // One word for each choice; several choices are answered with words separated by commas.
    const words = slots.others.length > 0 ? flags.route.split(',') : [flags.route];
    const wordFor = new Map<string, string>();
    for (const word of words) {
      const found = routeChoice(slots, word);
      if (!found)
        throw new UsageError(
          `--route "${safeLine(word)}" is not a route of this programme; use ${joinWords(everyRouteWord(slots), 'or')}.`,
        );
      // A second word for a choice would silently replace the first: which one was meant is not ours to guess.
      const earlier = wordFor.get(found.requirement.id);
      if (earlier !== undefined)
        throw new UsageError(
          `--route answers "${safeLine(found.requirement.label)}" twice ("${safeLine(earlier.trim())}" and "${safeLine(word.trim())}"); keep one word for each choice.`,
        );
      wordFor.set(found.requirement.id, word);
      routes[found.requirement.id] = found.option.id;
    }
  }
  if (flags.extra !== undefined) {
    if (!slots.route || slots.extra === undefined || !slots.aliases.coursework)
      throw noSuchStep('--extra', 'subjects that replace another');
    const counted = slots.aliases.coursework;
    const taken = routes[slots.route.id];
    // --extra names the subjects of the counted alternative, so it implies that route.
    if (taken === undefined || flags.route === undefined) routes[slots.route.id] = counted.id;
    else if (taken !== counted.id)
      throw new UsageError(`--extra is for --route ${counted.id}, not --route ${safeLine(flags.route)}; leave one of them out.`);
    picks[slots.extra] = subjectsFrom(catalogue, '--extra', flags.extra, slotLeaf(catalogue, slots.extra), seen);
  }
  if (flags.subjects !== undefined) {
    const ids = subjectsFrom(catalogue, '--subjects', flags.subjects, undefined, seen);
    const named = new Set([
      ...(flags.core ? [slots.core] : []),
      ...(flags.elective ? [slots.elective] : []),
      ...(flags.extra ? [slots.extra] : []),
    ]);
    const { answers: placed, unplaced } = distributeSubjects(catalogue, next, ids, new Set([...named].filter((k) => k !== undefined)));
    if (unplaced.length > 0) {
      const titles = unplaced.map((id) => `"${safeLine(catalogue.subjectById.get(id)!.title)}"`);
      throw new UsageError(
        `--subjects ${joinWords(titles, 'and')} ${unplaced.length === 1 ? 'is' : 'are'} in no pool still to choose from under the routes taken (or the pool is full); choose another --route, or leave ${unplaced.length === 1 ? 'it' : 'them'} out.`,
      );
    }
    Object.assign(picks, placed.picks);
  }
  refuseKeptTwice(catalogue, slots, answers.picks, next, seen);
  if (flags.fellowship !== undefined) next.fellowship = flags.fellowship;
  if (flags.fellowship === true && next.residency !== undefined && !fellowshipEligible(catalogue.fees, next.residency)) {
    throw new UsageError(`${fellowshipRefusal(catalogue.fees, next.residency, '--fellowship')}; drop --fellowship.`);
  }
  if (flags.name !== undefined) {
    const problem = nameProblem(flags.name);
    if (problem !== undefined) throw new UsageError(`--name "${safeLine(flags.name)}" ${problem}`);
    next.name = flags.name;
  }
  return next;
}
