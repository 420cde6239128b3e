import { hundredths } from '../catalogue/credits.js';
import type { Catalogue, Leaf, RequirementOption, Subject } from '../catalogue/model.js';

/** One route a variant takes; `own` when the student's `extra` subjects fill its pools that are not "all of these". */
export interface ChosenRoute {
  option: RequirementOption;
  own: boolean;
}

export interface FillInput {
  /** The plan's subjects the variant may keep, in the order pools should count them. */
  kept: readonly Subject[];
  /** The routes taken, one per requirement with alternatives, in catalogue order. */
  routes: readonly ChosenRoute[];
  /** Whether a kept subject is free to count for a route (no requirement without alternatives needs it). */
  free: (subject: Subject) => boolean;
  /** The student's own subjects for the `own` routes. */
  extra: readonly Subject[];
}

const chargedCredits = (s: Subject) => (s.tuitionFree ? 0 : hundredths(s.credits));

/** Tuition-free first, then fewest charged credits, ties in catalogue order. */
function cheapestFirst(catalogue: Catalogue, eligible: (s: Subject) => boolean): Subject[] {
  return catalogue.subjects
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => eligible(s))
    .sort((a, b) => Number(!a.s.tuitionFree) - Number(!b.s.tuitionFree) || chargedCredits(a.s) - chargedCredits(b.s) || a.order - b.order)
    .map(({ s }) => s);
}

/** What a pool counts so far, in subjects and hundredths of a credit. */
interface Tally {
  subjects: number;
  credits: number;
}

const short = (leaf: Leaf, t: Tally) => t.subjects < leaf.minSubjects || t.credits < leaf.minCredits;

/** Whether, after taking `s`, the pool's remaining places could still reach its minimum credits from `rest`. */
function canStillReach(leaf: Leaf, t: Tally, s: Subject, rest: readonly Subject[]): boolean {
  const credits = t.credits + hundredths(s.credits);
  if (credits >= leaf.minCredits || leaf.maxSubjects === Infinity) return true;
  const places = leaf.maxSubjects - t.subjects - 1;
  const largest = rest
    .filter((r) => r !== s)
    .map((r) => hundredths(r.credits))
    .sort((a, b) => b - a)
    .slice(0, places);
  return credits + largest.reduce((sum, c) => sum + c, 0) >= leaf.minCredits;
}
const fits = (leaf: Leaf, t: Tally, s: Subject) =>
  t.subjects + 1 <= leaf.maxSubjects && t.credits + hundredths(s.credits) <= leaf.maxCredits;

/**
 * The subjects to add so that every pool of the chosen routes is met: "all of these" pools get every
 * subject they name; the student's own routes get the `extra` subjects they can use; every other
 * pool first counts the kept subjects no other pool has taken, in the order given, then the cheapest eligible subjects
 * not yet planned, until its minimum subjects and credits are reached, never past its maxima.
 * Pools that name their subjects go first, so a pool that takes any subject cannot use up theirs.
 * `used` is every subject a pool counted: a caller drops the route subjects no pool needs.
 */
export function fillRoutes(catalogue: Catalogue, input: FillInput): { added: Subject[]; used: ReadonlySet<Subject> } {
  const planned = new Set(input.kept);
  const used = new Set<Subject>();
  const added: Subject[] = [];
  const taken = new Set<Subject>();
  const add = (s: Subject) => {
    planned.add(s);
    added.push(s);
  };
  const pools = input.routes.flatMap((route) => route.option.leaves.map((leaf) => ({ leaf, own: route.own })));
  const ordered = [...pools.filter((p) => p.leaf.all), ...pools.filter((p) => !p.leaf.all)];
  for (const { leaf, own } of ordered) {
    const eligible = (s: Subject) => leaf.eligible.has(s.id);
    if (leaf.all) {
      for (const s of catalogue.subjects) if (eligible(s) && !planned.has(s)) add(s);
      for (const s of planned) {
        if (!eligible(s)) continue;
        used.add(s);
        if (!leaf.shared) taken.add(s);
      }
      continue;
    }
    if (own) {
      for (const s of input.extra) {
        if (!eligible(s) || planned.has(s)) continue;
        add(s);
        if (!leaf.shared) taken.add(s);
      }
      continue;
    }
    const tally: Tally = { subjects: 0, credits: 0 };
    const count = (s: Subject) => {
      tally.subjects++;
      tally.credits += hundredths(s.credits);
      used.add(s);
      if (!leaf.shared) taken.add(s);
    };
    const usable = (s: Subject) => eligible(s) && (leaf.shared || !taken.has(s)) && (added.includes(s) || input.free(s));
    for (const s of planned) if (short(leaf, tally) && usable(s) && fits(leaf, tally, s)) count(s);
    const candidates = cheapestFirst(catalogue, (s) => eligible(s) && !planned.has(s));
    for (const [i, s] of candidates.entries()) {
      if (!short(leaf, tally)) break;
      // With a cap on subjects, the cheapest may use up a place that a larger subject must fill.
      if (!fits(leaf, tally, s) || !canStillReach(leaf, tally, s, candidates.slice(i + 1))) continue;
      add(s);
      count(s);
    }
  }
  return { added, used };
}
