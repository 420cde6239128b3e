import type { Catalogue } from '../catalogue/model.js';
import type { ExitAwardData } from '../catalogue/schema.js';
import type { Finding } from '../finding.js';

/**
 * The best exit award a plan that does not complete the programme would still earn: the one
 * needing the most credits among those whose credits it counts and whose named requirements it
 * meets. Undefined when none, or when the catalogue has none.
 */
export function bestExitAward(catalogue: Catalogue, credits: number, met: ReadonlySet<string>): ExitAwardData | undefined {
  let best: ExitAwardData | undefined;
  for (const award of catalogue.exitAwards) {
    if (credits < award.credits || !(award.requires ?? []).every((id) => met.has(id))) continue;
    if (!best || award.credits > best.credits) best = award;
  }
  return best;
}

/** EXIT_AWARD: what the student would leave with, said beside the errors that keep the plan from the degree. */
export function exitAwardFinding(catalogue: Catalogue, credits: number, met: ReadonlySet<string>): Finding | undefined {
  const award = bestExitAward(catalogue, credits, met);
  if (!award) return undefined;
  return {
    code: 'EXIT_AWARD',
    message: `the plan does not complete ${catalogue.data.programme.name}, but its ${credits} credits would earn the exit award ${award.name} (${award.credits} credits${award.requires?.length ? ', with the requirements it names' : ''}).`,
  };
}
