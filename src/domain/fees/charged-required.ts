import type { Catalogue } from '../catalogue/model.js';
import { differenceExact, sumExact } from '../catalogue/credits.js';

const cache = new WeakMap<Catalogue, number>();

/**
 * The credits required for graduation that carry tuition: the credits required less those of the
 * tuition-free subjects every plan must take (a subject that each option of a requirement names in
 * an `all` pool). Read from the catalogue's data, so a programme's free subjects are never code.
 */
export function chargedCreditsRequired(catalogue: Catalogue): number {
  let known = cache.get(catalogue);
  if (known === undefined) {
    known = Math.max(0, differenceExact(catalogue.data.creditsRequired, freeRequiredCredits(catalogue)));
    cache.set(catalogue, known);
  }
  return known;
}

function freeRequiredCredits(catalogue: Catalogue): number {
  const taken = new Set<string>();
  for (const requirement of catalogue.requirements) {
    const [first, ...others] = requirement.options.map((o) => new Set(o.leaves.filter((l) => l.all).flatMap((l) => [...l.eligible])));
    for (const id of first!) if (others.every((o) => o.has(id))) taken.add(id);
  }
  const free = [...taken].map((id) => catalogue.subjectById.get(id)).filter((s) => s?.tuitionFree === true);
  return sumExact(free.map((s) => s!.credits));
}
