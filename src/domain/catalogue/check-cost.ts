import type { Issue } from '../issue.js';
import type { Catalogue } from './model.js';
import { choices } from '../rules/choices.js';
import { activeLeaves, searchRoute, STATE_BUDGET, TooHardError } from '../rules/search/state-search.js';
import { canonicalPlan } from '../rules/canonical.js';

/**
 * Whether every plan can be judged within the search's budget. A plan's search states are always
 * a subset of those of the plan with every subject (an assignment of fewer subjects is one of more
 * subjects with the rest left out), so searching every route for that plan once bounds them all.
 */
export function checkCost(catalogue: Catalogue): Issue[] {
  if (catalogue.v1Shaped) return [];
  try {
    searchStates(catalogue);
  } catch (error) {
    if (!(error instanceof TooHardError)) throw error;
    return [
      {
        path: 'requirements',
        message: `the rules are too hard to judge: ${error.message} (the limit); narrow the pools, lower the maxima, or use fewer shared pools and limits`,
        code: 'TOO_HARD',
      },
    ];
  }
  return [];
}

// Loading a catalogue counts its states (checkCost) and `catalogue check` reports the count: one
// search, of up to STATE_BUDGET states, serves both. Keyed by the object, whose parts are read-only
// (model.ts), so a catalogue built again is counted again.
const counted = new WeakMap<Catalogue, number>();

/**
 * The search states that judging the plan with every subject visits over every route: the most
 * any plan can need (see checkCost), and what `catalogue check` reports as the cost. Throws
 * TooHardError past STATE_BUDGET.
 */
export function searchStates(catalogue: Catalogue): number {
  const known = counted.get(catalogue);
  if (known !== undefined) return known;
  const budget = { left: STATE_BUDGET };
  const plan = canonicalPlan(catalogue.subjects);
  for (const choice of choices(catalogue)) searchRoute(catalogue, plan, activeLeaves(catalogue, choice), () => [], budget);
  const states = STATE_BUDGET - budget.left;
  counted.set(catalogue, states);
  return states;
}
