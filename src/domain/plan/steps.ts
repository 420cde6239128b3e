import type { Catalogue, Leaf, Requirement, RequirementOption, Subject } from '../catalogue/model.js';
import type { Residency } from '../catalogue/schema.js';
import { fellowshipEligible } from '../fees/fees.js';
import type { ScheduleEntry } from './schema.js';

/** The planner's answers so far; an answer that is missing is a step not yet taken. */
export interface Answers {
  residency?: Residency;
  mode?: string;
  /** Subject identifiers chosen at each pick step, by the step's key. */
  picks: Readonly<Record<string, readonly string[]>>;
  /** The option taken at each choice between alternatives, by requirement identifier. */
  routes: Readonly<Record<string, string>>;
  /**
   * The schedule step's answer: every planned subject by term (term labels, subject identifiers),
   * the proposed schedule or the student's own.
   */
  schedule?: ScheduleAnswer;
  fellowship?: boolean;
  name?: string;
  /** The record of study so far, by subject identifier; absent when the plan has none. */
  record?: RecordAnswer;
}

/**
 * The record of study as the planner holds it: the plan file's `grades`, `transferred` and
 * `exempted`, each subject by identifier. A field is kept when given, even empty, as the plan had it.
 */
export interface RecordAnswer {
  /** A final grade as written ("B+", "P", "F"), by subject identifier. */
  grades?: Readonly<Record<string, string>>;
  transferred?: readonly string[];
  exempted?: readonly string[];
}

/** The schedule step's answer, as a plan file writes its schedule. */
export type ScheduleAnswer = readonly ScheduleEntry[];

export const NO_ANSWERS: Answers = { picks: {}, routes: {} };

export interface RequirementStep {
  requirement: Requirement;
  option: RequirementOption;
  /** The pool of the route this step asks for: the route's only one, or one of several ("Project", "1 elective"). */
  leaf: Leaf;
  /** Where the step's answer is kept in `Answers.picks`. */
  key: string;
}

/**
 * One question of the planner. Requirement steps are read off the catalogue: an `all` rule is
 * shown and included, a count rule (subjects or credits) is a pick from its pool, and a choice
 * between alternatives is a route followed by the step of the option taken.
 */
export type Step =
  | { kind: 'residency'; id: 'residency' }
  | { kind: 'mode'; id: 'mode' }
  | ({ kind: 'include'; id: string; subjects: Subject[] } & RequirementStep)
  | ({
      kind: 'pick';
      id: string;
      /** An alternative's pick asks for exactly what its requirement still misses, no more. */ exact: boolean;
    } & RequirementStep)
  | { kind: 'route'; id: string; requirement: Requirement }
  /** When each subject is taken: once every subject is chosen, and only in a terminal (no flag answers it). */
  | { kind: 'schedule'; id: 'schedule' }
  | { kind: 'fellowship'; id: 'fellowship' }
  | { kind: 'name'; id: 'name' };

/**
 * The key of an option's step: the requirement's own identifier for a plain rule, then the
 * option's; a route of several pools has a step for each, keyed by the pool's identifier as well.
 */
export function stepKey(requirement: Requirement, option: RequirementOption, leaf?: Leaf): string {
  const key = requirement.options.length === 1 ? requirement.id : `${requirement.id}/${option.id}`;
  return option.leaves.length > 1 && leaf !== undefined ? `${key}/${leaf.id}` : key;
}

/** What a requirement step is called: the pool where its route has several, else the route, else the requirement. */
export function stepTitle(step: RequirementStep): string {
  if (step.option.leaves.length > 1) return step.leaf.label;
  return step.requirement.options.length > 1 ? step.option.label : step.requirement.label;
}

/** A step for each pool of the route, in the catalogue's order: a pool of `all` is included, any other is a pick. */
function optionSteps(catalogue: Catalogue, requirement: Requirement, option: RequirementOption): Step[] {
  return option.leaves.map((leaf): Step => {
    const key = stepKey(requirement, option, leaf);
    if (leaf.all) {
      const subjects = catalogue.subjects.filter((s) => leaf.eligible.has(s.id));
      return { kind: 'include', id: `include:${key}`, requirement, option, leaf, key, subjects };
    }
    return { kind: 'pick', id: `pick:${key}`, requirement, option, leaf, key, exact: requirement.options.length > 1 };
  });
}

function requirementSteps(catalogue: Catalogue, requirement: Requirement, answers: Answers): Step[] {
  if (requirement.options.length === 1) return optionSteps(catalogue, requirement, requirement.options[0]!);
  const route: Step = { kind: 'route', id: `route:${requirement.id}`, requirement };
  const taken = requirement.options.find((o) => o.id === answers.routes[requirement.id]);
  return taken ? [route, ...optionSteps(catalogue, requirement, taken)] : [route];
}

/** Whether the fellowship question applies: the catalogue offers one and this residency may hold it. */
export function asksFellowship(catalogue: Catalogue, residency: Residency | undefined): boolean {
  return residency !== undefined && fellowshipEligible(catalogue.fees, residency);
}

/** The steps that apply to these answers, in the order they are asked. */
export function plannerSteps(catalogue: Catalogue, answers: Answers): Step[] {
  return [
    { kind: 'residency', id: 'residency' },
    { kind: 'mode', id: 'mode' },
    ...catalogue.requirements.flatMap((r) => requirementSteps(catalogue, r, answers)),
    { kind: 'schedule', id: 'schedule' },
    ...(asksFellowship(catalogue, answers.residency) ? [{ kind: 'fellowship', id: 'fellowship' } as const] : []),
    { kind: 'name', id: 'name' },
  ];
}

export function isAnswered(step: Step, answers: Answers): boolean {
  switch (step.kind) {
    case 'residency':
      return answers.residency !== undefined;
    case 'mode':
      return answers.mode !== undefined;
    case 'include':
      return true;
    case 'pick':
      return answers.picks[step.key] !== undefined;
    case 'route':
      return step.requirement.options.some((o) => o.id === answers.routes[step.requirement.id]);
    case 'schedule':
      return answers.schedule !== undefined;
    case 'fellowship':
      return answers.fellowship !== undefined;
    case 'name':
      return answers.name !== undefined;
  }
}
