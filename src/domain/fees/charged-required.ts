import type { Catalogue } from '../catalogue/model.js';

const cache = new WeakMap<Catalogue, number>();

/**
 * The credits required for graduation that carry tuition: the credits required less those of the
 * tuition-free subjects every plan must take (a subject that each option of a requirement names in
 * an `all` rule). Read from the catalogue's data, so a programme's free subjects are never code.
 */
export function chargedCreditsRequired(catalogue: Catalogue): number {
  let known = cache.get(catalogue);
  if (known === undefined) {
    known = Math.max(0, catalogue.data.creditsRequired - freeRequiredCredits(catalogue));
    cache.set(catalogue, known);
  }
  return known;
}

function freeRequiredCredits(catalogue: Catalogue): number {
  const taken = new Set<string>();
  for (const requirement of catalogue.requirements) {
    const [first, ...others] = requirement.options.map((o) => (o.rule.type === 'all' ? o.eligible : new Set<string>()));
    for (const id of first!) if (others.every((o) => o.has(id))) taken.add(id);
  }
  let credits = 0;
  for (const id of taken) {
    const subject = catalogue.subjectById.get(id);
    if (subject?.tuitionFree) credits += subject.credits;
  }
  return credits;
}
