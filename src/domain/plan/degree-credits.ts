import type { Catalogue, Subject } from '../catalogue/model.js';
import { fromHundredths, hundredths } from '../catalogue/credits.js';

export interface OverLimit {
  label: string;
  /** Credits of the pool's subjects that do not count towards the degree. */
  credits: number;
}

/**
 * What the catalogue's limits keep from counting towards the degree ("at most 30 credit points of
 * foundation units"): per limit, the credits planned from its pool beyond its maximum, and for a
 * maximum in subjects the smallest subjects beyond it (the student keeps the most credits). A
 * subject beyond two limits is kept from counting once.
 */
export function creditsOverLimits(catalogue: Catalogue, subjects: readonly Subject[]): OverLimit[] {
  const excluded = new Set<Subject>();
  const out: OverLimit[] = [];
  for (const limit of catalogue.limits) {
    const pool = subjects.filter((s) => limit.eligible.has(s.id) && !excluded.has(s));
    // Largest first (then by identifier), so a cap in subjects leaves out the smallest.
    pool.sort((a, b) => b.credits - a.credits || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let over = 0;
    pool.slice(Number.isFinite(limit.maxSubjects) ? limit.maxSubjects : pool.length).forEach((s) => {
      excluded.add(s);
      over += hundredths(s.credits);
    });
    const kept = pool.filter((s) => !excluded.has(s)).reduce((sum, s) => sum + hundredths(s.credits), 0);
    if (kept > limit.maxCredits) over += kept - limit.maxCredits;
    if (over > 0) out.push({ label: limit.label, credits: fromHundredths(over) });
  }
  return out;
}
