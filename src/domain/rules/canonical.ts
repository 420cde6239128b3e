import type { Catalogue, Requirement, Subject } from '../catalogue/model.js';

/** The catalogue with its requirements in canonical order, and where each came from. */
export interface CanonicalCatalogue {
  catalogue: Catalogue;
  /** `from[i]`: the catalogue's index of the canonical requirement i. */
  from: readonly number[];
}

const cache = new WeakMap<Catalogue, CanonicalCatalogue>();

// `all` rules first, then narrower pools before broader ones, alternatives last: the order in which
// a person fills requirements (the named subjects, then the specific, then the catch-all), and one
// that depends on what the requirements say, never on where the catalogue lists them.
function sortKey(requirement: Requirement): [number, number] {
  if (requirement.options.length > 1) return [2, Math.max(...requirement.options.map((o) => o.eligible.size))];
  const option = requirement.options[0]!;
  return [option.rule.type === 'all' ? 0 : 1, option.eligible.size];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The engine works on this form so that its verdict, what it counts and every fee figure are the
 * same whatever order the catalogue lists its requirements in (ties by identifier).
 */
export function canonicalCatalogue(catalogue: Catalogue): CanonicalCatalogue {
  let known = cache.get(catalogue);
  if (known) return known;
  const keyed = catalogue.requirements.map((requirement, index) => ({ requirement, index, key: sortKey(requirement) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || byCodeUnits(a.requirement.id, b.requirement.id) || a.index - b.index);
  const inOrder = keyed.every((k, i) => k.index === i);
  known = {
    catalogue: inOrder ? catalogue : { ...catalogue, requirements: keyed.map((k) => k.requirement) },
    from: keyed.map((k) => k.index),
  };
  cache.set(catalogue, known);
  return known;
}

/** The plan's subjects by identifier, so that nothing the engine decides follows the order given. */
export function canonicalPlan(plan: readonly Subject[]): Subject[] {
  return [...plan].sort((a, b) => byCodeUnits(a.id, b.id));
}
