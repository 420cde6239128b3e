import type { Catalogue, Requirement, Subject } from '../catalogue/model.js';
import { findSubject } from '../catalogue/resolve.js';
import type { Judgement } from '../plan/judge.js';
import type { PlanFile } from '../plan/schema.js';
import { fillRoutes, type ChosenRoute } from './route-fill.js';

/** At most this many variants are worked out: a catalogue may offer thousands of combinations of routes. */
export const MAX_ROUTE_VARIANTS = 32;

/** The route a variant takes for one requirement with alternatives. */
export interface RouteChoice {
  requirement: { id: string; label: string };
  option: { id: string; label: string };
}

/** The same plan taken by one choice of routes (the dissertation, or three more subjects; a stream and a project). */
export interface RouteVariant {
  /** The routes taken, as one: identifiers joined with "+", labels with " + " (just the route's, for one requirement). */
  option: { id: string; label: string };
  /** One per requirement with alternatives, in catalogue order. */
  choices: RouteChoice[];
  /** The plan for these routes; without a schedule unless it is the plan as written. */
  plan: PlanFile;
  /** True when the plan already takes these routes and nothing had to change. */
  asWritten: boolean;
  added: Subject[];
  removed: Subject[];
}

export interface RouteVariants {
  variants: RouteVariant[];
  /** How many combinations of routes were not worked out, beyond MAX_ROUTE_VARIANTS. */
  leftOut: number;
}

/** The first requirement with alternatives. */
export function routeRequirement(catalogue: Catalogue): Requirement | undefined {
  return catalogue.requirements.find((r) => r.options.length > 1);
}

/** Every requirement with alternatives, in catalogue order: a student's routes are a choice in each. */
export function routeRequirements(catalogue: Catalogue): Requirement[] {
  return catalogue.requirements.filter((r) => r.options.length > 1);
}

/** The plan's subjects counted for a requirement with alternatives: the ones another choice of routes may drop. */
export function routeSubjects(catalogue: Catalogue, judgement: Judgement): ReadonlySet<Subject> {
  const ids = new Set(routeRequirements(catalogue).map((r) => r.id));
  return new Set(judgement.requirements.filter((r) => ids.has(r.id)).flatMap((r) => r.counted));
}

/** A route that chooses subjects (one of its pools is not "all of these"): the one `extra` subjects are for. */
export const choosesSubjects = (option: Requirement['options'][number]) => option.leaves.some((leaf) => !leaf.all);

/**
 * Combinations of one option index per requirement, the first requirement varying slowest and first
 * options first, at most `cap` of them; `mustInclude` (the plan's own) replaces the last one when
 * it would otherwise be left out.
 */
export function routeCombinations(
  sizes: readonly number[],
  cap: number,
  mustInclude?: readonly number[],
): { combinations: number[][]; total: number } {
  const total = sizes.reduce((product, n) => product * n, 1);
  const at = (k: number) => {
    const combination = new Array<number>(sizes.length);
    for (let i = sizes.length - 1; i >= 0; i--) {
      combination[i] = k % sizes[i]!;
      k = Math.floor(k / sizes[i]!);
    }
    return combination;
  };
  const combinations = Array.from({ length: Math.min(cap, total) }, (_, k) => at(k));
  if (mustInclude && combinations.length > 0) {
    const key = mustInclude.join(',');
    if (!combinations.some((c) => c.join(',') === key)) combinations[combinations.length - 1] = [...mustInclude];
  }
  return { combinations, total };
}

/**
 * The plan once per choice of routes. For each choice, a subject counted for a requirement with
 * alternatives stays if a pool of the chosen routes counts it (not a pool whose subjects the student
 * gave with `extra`); the other
 * requirements' subjects are kept as planned; then each chosen route's pools are filled
 * (route-fill.ts). Undefined when the
 * catalogue offers no alternatives.
 */
export function routeVariants(
  catalogue: Catalogue,
  judgement: Judgement,
  extra?: readonly Subject[],
  cap = MAX_ROUTE_VARIANTS,
): RouteVariants | undefined {
  const requirements = routeRequirements(catalogue);
  if (requirements.length === 0) return undefined;
  const standings = requirements.map((r) => judgement.requirements.find((s) => s.id === r.id)!);
  const forRoutes = routeSubjects(catalogue, judgement);
  const ownIndexes = requirements.map((r, i) => r.options.findIndex((o) => o.id === standings[i]!.option?.id));
  const own = ownIndexes.every((i) => i >= 0) ? ownIndexes : undefined;
  const { combinations, total } = routeCombinations(
    requirements.map((r) => r.options.length),
    cap,
    own,
  );
  const free = (s: Subject) => forRoutes.has(s) || !judgement.counted.has(s);
  const variants = combinations.map((combination): RouteVariant => {
    const routes: ChosenRoute[] = combination.map((o, i) => {
      const option = requirements[i]!.options[o]!;
      return { option, own: extra !== undefined && choosesSubjects(option) };
    });
    // A subject counted for a route may stay if it can count for the route now taken in the same
    // requirement, or else for another chosen route; either way only if a pool counts it, so a
    // route that needs fewer subjects drops the rest. Pools count the first kind before the second.
    const staysFor = (s: Subject) => {
      const i = requirements.findIndex((_, j) => standings[j]!.counted.includes(s));
      return !routes[i]!.own && routes[i]!.option.eligible.has(s.id);
    };
    const canServe = (s: Subject) => routes.some((r) => !r.own && r.option.eligible.has(s.id));
    const routeKept = judgement.subjects.filter((s) => forRoutes.has(s) && staysFor(s));
    const spare = judgement.subjects.filter((s) => forRoutes.has(s) && !staysFor(s) && canServe(s));
    const others = judgement.subjects.filter((s) => !forRoutes.has(s));
    const { added, used } = fillRoutes(catalogue, { kept: [...routeKept, ...others, ...spare], routes, free, extra: extra ?? [] });
    const kept = judgement.subjects.filter((s) => !forRoutes.has(s) || used.has(s));
    const removed = judgement.subjects.filter((s) => !kept.includes(s));
    const isOwn = own !== undefined && combination.every((o, i) => o === own[i]);
    const asWritten = added.length === 0 && removed.length === 0 && (own === undefined || isOwn);
    // New routes' subjects have no terms yet: their schedule is proposed, not copied. The plan's
    // names are kept as written, a name of no subject and a subject named twice among them, so
    // that a variant is judged with the plan's own errors and never looks valid without them.
    const { schedule: _own, ...rest } = judgement.plan;
    const keptNames = judgement.plan.subjects.filter((name) => {
      const subject = findSubject(catalogue, name);
      return subject === undefined || kept.includes(subject);
    });
    const plan: PlanFile = asWritten ? judgement.plan : { ...rest, subjects: [...keptNames, ...added.map((s) => s.id)] };
    const options = routes.map((r) => r.option);
    return {
      option: { id: options.map((o) => o.id).join('+'), label: options.map((o) => o.label).join(' + ') },
      choices: options.map((o, i) => ({
        requirement: { id: requirements[i]!.id, label: requirements[i]!.label },
        option: { id: o.id, label: o.label },
      })),
      plan,
      asWritten,
      added,
      removed,
    };
  });
  return { variants, leftOut: total - variants.length };
}
