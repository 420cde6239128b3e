import { choiceCount } from '../rules/choices.js';
import { STATE_BUDGET } from '../rules/search/state-search.js';
import { searchStates } from './check-cost.js';
import type { Catalogue } from './model.js';

/** What `catalogue check` says of a catalogue that loads. */
export interface CatalogueSummary {
  formatVersion: number;
  id: string;
  programme: string;
  requirements: { id: string; label: string; routes: number }[];
  /** Ways through all the requirements at once: the product of each one's routes. */
  routes: number;
  subjects: number;
  categories: number;
  /** The min-cost flow judges version 1-shaped catalogues exactly; the bounded search judges the rest. */
  judgedBy: 'flow' | 'search';
  /** States the search visits for the plan with every subject (the most any plan needs); null when the flow judges. */
  searchStates: number | null;
  stateBudget: number;
}

export function catalogueSummary(catalogue: Catalogue): CatalogueSummary {
  const requirements = catalogue.requirements.map((r) => ({ id: r.id, label: r.label, routes: r.options.length }));
  return {
    formatVersion: catalogue.data.schemaVersion,
    id: catalogue.id,
    programme: catalogue.data.programme.name,
    requirements,
    routes: choiceCount(catalogue),
    subjects: catalogue.subjects.length,
    categories: catalogue.data.categories.length,
    judgedBy: catalogue.v1Shaped ? 'flow' : 'search',
    // Counted when the catalogue loaded (checkCost), not searched again.
    searchStates: catalogue.v1Shaped ? null : searchStates(catalogue),
    stateBudget: STATE_BUDGET,
  };
}
