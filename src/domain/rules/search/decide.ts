import type { Catalogue, RequirementOption, Subject } from '../../catalogue/model.js';
import { fromHundredths, hundredths } from '../../catalogue/credits.js';
import { choiceList } from '../choices.js';
import { canonicalPlan } from '../canonical.js';
import type { RequirementResult } from '../result.js';
import { leafMet, leafProgress, leafShortfall } from './leaf-wording.js';
import { activeLeaves, searchRoute, STATE_BUDGET, type ActiveLeaf, type Budget, type LeafOutcome, type Score } from './state-search.js';

interface RouteOutcome {
  choice: readonly number[];
  active: ActiveLeaf[];
  outcomes: LeafOutcome[];
  met: boolean[];
  progress: number[];
}

/** Per requirement: met (every pool of its route met) and progress (mean of its pools'). */
function standings(catalogue: Catalogue, active: readonly ActiveLeaf[], outcomes: readonly LeafOutcome[]) {
  const met = catalogue.requirements.map(() => true);
  const sums = catalogue.requirements.map(() => 0);
  const counts = catalogue.requirements.map(() => 0);
  active.forEach((a, j) => {
    if (!leafMet(a.leaf, outcomes[j]!)) met[a.requirement] = false;
    sums[a.requirement]! += leafProgress(a.leaf, outcomes[j]!);
    counts[a.requirement]!++;
  });
  return { met, progress: sums.map((s, i) => (counts[i] === 0 ? 1 : s / counts[i]!)) };
}

function routeOutcome(
  catalogue: Catalogue,
  plan: readonly Subject[],
  choice: readonly number[],
  score: (s: ReturnType<typeof standings>) => number[],
  budget: Budget,
  active = activeLeaves(catalogue, choice),
): RouteOutcome {
  const scoreOutcomes: Score = (outcomes) => score(standings(catalogue, active, outcomes));
  const outcomes = searchRoute(catalogue, plan, active, scoreOutcomes, budget);
  return { choice, active, outcomes, ...standings(catalogue, active, outcomes) };
}

const closest = (s: { met: boolean[]; progress: number[] }) => [s.met.filter(Boolean).length, s.progress.reduce((a, b) => a + b, 0)];

/** True when some pool of the route has fewer subjects or credits in the whole plan than it needs. */
function plainlyShort(active: readonly ActiveLeaf[], plan: readonly Subject[]): boolean {
  return active.some(({ leaf }) => {
    let subjects = 0;
    let credits = 0;
    for (const s of plan)
      if (leaf.eligible.has(s.id)) {
        subjects++;
        credits += hundredths(s.credits);
      }
    return subjects < leaf.minSubjects || credits < leaf.minCredits;
  });
}

/** The route through the requirements to report: the first that meets them all, else the closest. */
function bestRoute(catalogue: Catalogue, plan: readonly Subject[], budget: Budget): RouteOutcome {
  let best: { route: RouteOutcome; score: number[] } | undefined;
  const deferred: { choice: readonly number[]; active: ActiveLeaf[] }[] = [];
  const consider = (choice: readonly number[], active: ActiveLeaf[]) => {
    const route = routeOutcome(catalogue, plan, choice, closest, budget, active);
    const score = closest(route);
    if (!best || score[0]! > best.score[0]! || (score[0] === best.score[0] && score[1]! > best.score[1]!)) best = { route, score };
    return route.met.every(Boolean);
  };
  for (const choice of choiceList(catalogue)) {
    const active = activeLeaves(catalogue, choice);
    if (plainlyShort(active, plan)) deferred.push({ choice, active });
    else if (consider(choice, active)) return best!.route;
  }
  for (const { choice, active } of deferred) consider(choice, active);
  return best!.route;
}

function reportedAmounts(option: RequirementOption, outcomes: readonly LeafOutcome[]): Pick<RequirementResult, 'have' | 'need' | 'unit'> {
  const leaves = option.leaves;
  if (leaves.every((l) => l.minCredits === 0))
    return {
      unit: 'subject',
      need: sum(leaves.map((l) => l.minSubjects)),
      have: sum(leaves.map((l, j) => Math.min(outcomes[j]!.subjects, l.minSubjects))),
    };
  if (leaves.every((l) => l.minSubjects === 0))
    return {
      unit: 'credit',
      need: fromHundredths(sum(leaves.map((l) => l.minCredits))),
      have: fromHundredths(sum(leaves.map((l, j) => Math.min(outcomes[j]!.credits, l.minCredits)))),
    };
  // Pools counted in different units: say how many pools are met.
  return { unit: 'subject', need: leaves.length, have: leaves.filter((l, j) => leafMet(l, outcomes[j]!)).length };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Judges a plan (canonical: subjects by identifier) against a catalogue the flow cannot judge
 * exactly (nested routes, maxima, shared pools, limits, several credit rules): every route is
 * searched exactly, within `STATE_BUDGET` states in all (the loader refuses catalogues that could
 * need more). Requirements are reported like the flow engine's.
 */
export function decideBySearch(catalogue: Catalogue, plan: readonly Subject[]): RequirementResult[] {
  // The loader checked that every route of every plan fits STATE_BUDGET (check-cost.ts); the
  // alternatives described for each unmet requirement search some routes again.
  const budget: Budget = { left: STATE_BUDGET * (1 + catalogue.requirements.length) };
  const route = bestRoute(catalogue, plan, budget);
  return catalogue.requirements.map((requirement, i): RequirementResult => {
    const option = requirement.options[route.choice[i]!]!;
    const mine = route.active.flatMap((a, j) => (a.requirement === i ? [j] : []));
    const outcomes = mine.map((j) => route.outcomes[j]!);
    const counted = canonicalPlan([...new Set(outcomes.flatMap((o) => o.counted))]);
    let missing: string | null = null;
    if (!route.met[i]) {
      missing = requirement.options
        .map((o, k) => {
          if (k === route.choice[i]) return describeRoute(catalogue, o, outcomes);
          // What this route would need, without taking from the requirements met now.
          const alternative = [...route.choice];
          alternative[i] = k;
          const keepOthers = (s: { met: boolean[]; progress: number[] }) => [
            s.met.filter((m, j) => j !== i && m && route.met[j]).length,
            s.progress[i]!,
          ];
          const other = routeOutcome(catalogue, plan, alternative, keepOthers, budget);
          return describeRoute(
            catalogue,
            o,
            other.active.flatMap((a, j) => (a.requirement === i ? [other.outcomes[j]!] : [])),
          );
        })
        // Two routes can need the same subjects ("2 of 3" whose other pools are met): say it once.
        .filter((words, k, all) => all.indexOf(words) === k)
        .join(', or ');
    }
    return {
      id: requirement.id,
      label: requirement.label,
      satisfied: route.met[i]!,
      counted,
      missing,
      option: requirement.options.length > 1 ? { id: option.id, label: option.label } : null,
      ...reportedAmounts(option, outcomes),
    };
  });
}

function describeRoute(catalogue: Catalogue, option: RequirementOption, outcomes: readonly LeafOutcome[]): string {
  const parts = option.leaves.map((leaf, j) => leafShortfall(catalogue, leaf, outcomes[j]!)).filter((p) => p !== '');
  return parts.length === 0 ? 'nothing more' : parts.join(' and ');
}
