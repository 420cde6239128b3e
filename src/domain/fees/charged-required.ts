import type { Catalogue } from '../catalogue/model.js';

/**
 * The credits required for graduation that carry tuition: the credits required less those of the
 * tuition-free subjects every plan must take. Worked out once, as the catalogue is built
 * (catalogue/tuition-free.ts), so the fees of a programme fee never lack it.
 */
export function chargedCreditsRequired(catalogue: Catalogue): number {
  return catalogue.fees.chargedCreditsRequired;
}
