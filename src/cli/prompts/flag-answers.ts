import type { Catalogue, RequirementOption } from '../../domain/catalogue/model.js';
import { findSubject, suggestSubjects } from '../../domain/catalogue/resolve.js';
import { RESIDENCIES, type Residency } from '../../domain/catalogue/schema.js';
import { fellowshipEligible, fellowshipRefusal } from '../../domain/fees/fees.js';
import { stepKey, type Answers } from '../../domain/plan/steps.js';
import { describePool, joinWords } from '../../domain/rules/wording.js';
import type { Defaults } from '../io/store-types.js';
import { findMode, findResidency } from '../../domain/catalogue/settings.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { nameProblem } from './name.js';
import { flagSlots, routeOption, routeWords } from './slots.js';

/** The `plan` command's answers as flags (the contract's names). */
export interface PlanFlags {
  residency?: string;
  mode?: string;
  core?: string[];
  elective?: string[];
  route?: string;
  extra?: string[];
  /** true for --fellowship, false for --no-fellowship, undefined for neither. */
  fellowship?: boolean;
  name?: string;
}

/** A value and where it came from, to name in an error. */
interface Sourced {
  value: string;
  source: string;
  /** How to put it right, where the value was not typed on this command line. */
  fix?: string;
}

function residencyFrom({ value, source, fix = '' }: Sourced): Residency {
  const residency = findResidency(value);
  if (residency) return residency;
  throw new UsageError(`${source} "${safeLine(value)}" is not a residency; use ${RESIDENCIES.join(' or ')}${fix}.`);
}

function modeFrom(catalogue: Catalogue, { value, source, fix = '' }: Sourced): string {
  const mode = findMode(catalogue, value);
  if (mode) return mode.id;
  throw new UsageError(`${source} "${safeLine(value)}" is not a study mode of this programme; use ${joinWords(catalogue.data.modes.map((m) => m.id), 'or')}${fix}.`);
}

/**
 * Fills the residency and mode the draft does not hold from the environment (STUDY_PLANNER_*) and
 * then the saved defaults: both give way to a flag (applied after) and to an answer in the draft.
 */
export function applyDefaults(catalogue: Catalogue, answers: Answers, env: NodeJS.ProcessEnv, defaults: Defaults): Answers {
  const pick = (name: 'residency' | 'mode'): Sourced | undefined => {
    const fromEnv = env[`STUDY_PLANNER_${name.toUpperCase()}`];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: `STUDY_PLANNER_${name.toUpperCase()}` };
    const saved = defaults[name];
    return saved !== undefined ? { value: saved, source: `the saved default ${name}`, fix: ` (change it with "study-planner config set ${name} VALUE")` } : undefined;
  };
  const next = { ...answers };
  const residency = answers.residency === undefined ? pick('residency') : undefined;
  if (residency) next.residency = residencyFrom(residency);
  const mode = answers.mode === undefined ? pick('mode') : undefined;
  if (mode) next.mode = modeFrom(catalogue, mode);
  return next;
}

/** Resolves a subject flag's names to identifiers in the step's pool; one clear sentence for anything else. */
function subjectsFrom(catalogue: Catalogue, flag: string, names: readonly string[], option: RequirementOption, seen: Map<string, string>): string[] {
  const pool = describePool(catalogue, option);
  return names.map((name) => {
    const subject = findSubject(catalogue, name);
    if (!subject) {
      const hint = suggestSubjects(catalogue, name);
      const next = hint.length > 0 ? `did you mean ${joinWords(hint.map((s) => `"${safeLine(s.title)}"`), 'or')}?` : 'run "study-planner subjects" to list them.';
      throw new UsageError(`${flag} "${safeLine(name)}" is not a subject of this programme; ${next}`);
    }
    if (!option.eligible.has(subject.id)) {
      const category = catalogue.categoryById.get(subject.category)?.adjective ?? subject.category;
      throw new UsageError(`${flag} "${safeLine(name)}" (${safeLine(subject.title)}) is ${/^[aeiou]/i.test(category) ? 'an' : 'a'} ${safeLine(category)} subject, and ${flag} takes ${safeLine(pool)} subjects; run "study-planner subjects" to see each subject's category.`);
    }
    const earlier = seen.get(subject.id);
    if (earlier !== undefined) throw new UsageError(`${safeLine(subject.title)} is named twice (${earlier} and ${flag}); a subject counts once, so name it once.`);
    seen.set(subject.id, flag);
    return subject.id;
  });
}

function slotOption(catalogue: Catalogue, key: string): RequirementOption {
  for (const r of catalogue.requirements) for (const o of r.options) if (stepKey(r, o) === key) return o;
  throw new Error(`no requirement step "${key}"`);
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
  if (flags.residency !== undefined) next.residency = residencyFrom({ value: flags.residency, source: '--residency' });
  if (flags.mode !== undefined) next.mode = modeFrom(catalogue, { value: flags.mode, source: '--mode' });
  const seen = new Map<string, string>();
  for (const flag of ['core', 'elective'] as const) {
    const names = flags[flag];
    if (names === undefined) continue;
    const key = slots[flag];
    if (key === undefined) throw noSuchStep(`--${flag}`, `${flag} subjects`);
    picks[key] = subjectsFrom(catalogue, `--${flag}`, names, slotOption(catalogue, key), seen);
  }
  if (flags.route !== undefined) {
    if (!slots.route) throw noSuchStep('--route', 'alternatives to choose between');
    const option = routeOption(slots, flags.route);
    if (!option) throw new UsageError(`--route "${safeLine(flags.route)}" is not a route of this programme; use ${joinWords(routeWords(slots), 'or')}.`);
    routes[slots.route.id] = option.id;
  }
  if (flags.extra !== undefined) {
    if (!slots.route || slots.extra === undefined || !slots.aliases.coursework) throw noSuchStep('--extra', 'subjects that replace another');
    const counted = slots.aliases.coursework;
    const taken = routes[slots.route.id];
    // --extra names the subjects of the counted alternative, so it implies that route.
    if (flags.route === undefined) routes[slots.route.id] = counted.id;
    else if (taken !== counted.id) throw new UsageError(`--extra is for --route ${counted.id}, not --route ${safeLine(flags.route)}; leave one of them out.`);
    picks[slots.extra] = subjectsFrom(catalogue, '--extra', flags.extra, counted, seen);
  }
  if (flags.fellowship !== undefined) next.fellowship = flags.fellowship;
  if (flags.fellowship === true && next.residency !== undefined && !fellowshipEligible(catalogue.data.fees, next.residency)) {
    throw new UsageError(`${fellowshipRefusal(catalogue.data.fees, next.residency, '--fellowship')}; drop --fellowship.`);
  }
  if (flags.name !== undefined) {
    const problem = nameProblem(flags.name);
    if (problem !== undefined) throw new UsageError(`--name "${safeLine(flags.name)}" ${problem}`);
    next.name = flags.name;
  }
  return next;
}
