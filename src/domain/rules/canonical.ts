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

/**
 * Sets of subjects to count before the rest, the first set before the second and so on; sets, so
 * they carry no order of their own.
 */
export type Tiers = readonly ReadonlySet<Subject>[];

/** Which of `tiers` holds the subject (0 for the first), or tiers.length for none. */
function tierOf(tiers: Tiers | undefined, subject: Subject): number {
  if (tiers === undefined) return 0;
  const at = tiers.findIndex((tier) => tier.has(subject));
  return at === -1 ? tiers.length : at;
}

/**
 * The plan's subjects by identifier, so that nothing the engine decides follows the order given;
 * those of earlier `tiers` before the rest.
 */
export function canonicalPlan(plan: readonly Subject[], tiers?: Tiers): Subject[] {
  return [...plan].sort((a, b) => tierOf(tiers, a) - tierOf(tiers, b) || byCodeUnits(a.id, b.id));
}

/** The catalogue's subjects in identifier order, and each one's place in it: built once per catalogue. */
interface SubjectOrder {
  inOrder: readonly Subject[];
  place: ReadonlyMap<Subject, number>;
}

// By the list of subjects, which a catalogue copied with other requirements (pick-need.ts) shares.
const orders = new WeakMap<readonly Subject[], SubjectOrder>();

function subjectOrder(subjects: readonly Subject[]): SubjectOrder {
  let known = orders.get(subjects);
  if (!known) {
    const inOrder = [...subjects].sort((a, b) => byCodeUnits(a.id, b.id));
    known = { inOrder, place: new Map(inOrder.map((subject, place) => [subject, place])) };
    orders.set(subjects, known);
  }
  return known;
}

/**
 * canonicalPlan for a plan of `catalogue`'s subjects, sorting small numbers instead of strings, with
 * a key that names the set (and the tier of each): the same subjects in any order give the same
 * key, and only they do. `key` is undefined when a subject is not one of the catalogue's own
 * objects (then the plan is sorted as canonicalPlan sorts it).
 */
export function canonicalPlanOf(
  catalogue: Catalogue,
  plan: readonly Subject[],
  tiers?: Tiers,
): { plan: Subject[]; key: string | undefined } {
  const { inOrder, place } = subjectOrder(catalogue.subjects);
  // Each earlier tier a catalogue's length lower: sorted, they come before the rest, and the key
  // tells them apart. Without tiers every number is its place.
  const size = inOrder.length;
  const last = tiers?.length ?? 0;
  const places: number[] = [];
  for (const subject of plan) {
    const at = place.get(subject);
    if (at === undefined) return { plan: canonicalPlan(plan, tiers), key: undefined };
    places.push(at - (last - tierOf(tiers, subject)) * size);
  }
  sortSmall(places);
  const inPlace: Subject[] = [];
  for (const at of places) inPlace.push(inOrder[((at % size) + size) % size]!);
  return { plan: inPlace, key: places.join(',') };
}

/** Sorts numbers ascending, in place: by insertion for a plan's few dozen (no comparator calls), else by sort. */
function sortSmall(numbers: number[]): void {
  if (numbers.length > 32) {
    numbers.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < numbers.length; i++) {
    const value = numbers[i]!;
    let j = i - 1;
    for (; j >= 0 && numbers[j]! > value; j--) numbers[j + 1] = numbers[j]!;
    numbers[j + 1] = value;
  }
}
