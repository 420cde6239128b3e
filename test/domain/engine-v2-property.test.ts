import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue, Subject } from '../../src/domain/catalogue/model.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { evaluate, type Evaluation } from '../../src/domain/rules/engine.js';
import { propertyRuns } from '../support/property-runs.js';

// The engine on catalogue format version 2 (issue 13; the format is docs/catalogue-format.md's
// version 2) against brute force, on small random catalogues with every construct: pools with
// "all", at least and at most in subjects and credits, shared pools, allOf / anyOf / nOf nested up
// to three deep, limits across requirements, quarter and half credits.
//
// The oracle reads the catalogue's JSON, not what the loader built: it expands each requirement
// into its routes itself and tries every route through the requirements and every way of counting
// each planned subject (nowhere; in one pool that is not shared; in any set of shared pools, with
// or without such a pool). Pruning only drops branches that can no longer meet a pool's minimum
// or have already passed a maximum, so it decides exactly what trying everything would.

const RUNS = propertyRuns(800, 150);
const ORDER_RUNS = propertyRuns(300, 60);
const V1_RUNS = propertyRuns(400, 60);
// The deep tier's full runs take tens of seconds on a busy machine.
const DEEP_TIMEOUT = { timeout: 240_000 };

// ---------------------------------------------------------------------------------------------
// The catalogue files

interface SelectorJson {
  categories?: string[];
  subjects?: string[];
}
interface BoundsJson {
  subjects?: number;
  credits?: number;
}
interface LeafJson {
  id: string;
  label: string;
  from: SelectorJson;
  all?: true;
  atLeast?: BoundsJson;
  atMost?: BoundsJson;
  shared?: true;
}
type NodeJson =
  | LeafJson
  | { id: string; label: string; allOf: NodeJson[] }
  | { id: string; label: string; anyOf: NodeJson[] }
  | { id: string; label: string; nOf: number; of: NodeJson[] };
interface LimitJson {
  id: string;
  label: string;
  from: SelectorJson;
  atMost: BoundsJson;
}
interface CatalogueJson {
  schemaVersion: 2;
  categories: { id: string }[];
  subjects: { id: string; category: string; credits: number }[];
  requirements: NodeJson[];
  limits?: LimitJson[];
  [key: string]: unknown;
}

function frame(categoryCount: number, subjects: readonly number[][]) {
  return {
    id: 'random',
    programme: { name: 'Random', institution: 'Test', intake: '2030-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    categories: Array.from({ length: categoryCount }, (_, c) => ({ id: `c${c}`, label: `Category ${c}`, adjective: `c${c}` })),
    subjects: subjects.map(([category, credits], i) => ({
      id: `s${i}`,
      title: `Subject ${i}`,
      category: `c${category}`,
      credits: credits!,
    })),
    fees: { currency: 'HKD', perCredit: 1, initialRegistrationCredits: { local: 0, 'non-local': 0 } },
  };
}

// Shapes: what fast-check generates and shrinks. Indices are wrapped into range when the JSON is made.
interface SelectorShape {
  categories: number[];
  subjects: number[];
}
type LeafKind = 'all' | 'all+credits' | 'subjects' | 'credits' | 'both';
interface LeafShape {
  type: 'leaf';
  from: SelectorShape;
  kind: LeafKind;
  minSubjects: number;
  minCredits: number;
  /** Extra room above the minimum, or a plain maximum where the minimum is in the other unit; null: no maximum. */
  maxSubjects: number | null;
  maxCredits: number | null;
  shared: boolean;
}
type NodeShape = LeafShape | { type: 'allOf' | 'anyOf'; of: NodeShape[] } | { type: 'nOf'; n: number; of: NodeShape[] };
interface LimitShape {
  from: SelectorShape;
  maxSubjects: number | null;
  maxCredits: number | null;
}
interface Shape {
  categoryCount: number;
  wholeCredits: boolean;
  subjects: { category: number; credits: number }[];
  requirements: NodeShape[];
  limits: LimitShape[];
}

const selectorShape = fc.record({
  categories: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
  subjects: fc.uniqueArray(fc.nat(8), { maxLength: 3 }),
});
/** A value one time in three, else null. */
const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
const leafShape: fc.Arbitrary<LeafShape> = fc.record({
  type: fc.constant('leaf' as const),
  from: selectorShape,
  kind: fc.constantFrom<LeafKind>('all', 'all+credits', 'subjects', 'subjects', 'subjects', 'credits', 'credits', 'both'),
  minSubjects: fc.integer({ min: 1, max: 2 }),
  minCredits: fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 3),
  maxSubjects: sometimes(fc.integer({ min: 0, max: 3 })),
  maxCredits: sometimes(fc.constantFrom(0, 0.5, 1, 1.5, 3, 4.5)),
  shared: fc.constantFrom(false, false, true),
});
function nodeShape(depth: number): fc.Arbitrary<NodeShape> {
  if (depth <= 1) return leafShape;
  const child = nodeShape(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leafShape },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('allOf' as const), of: fc.array(child, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('anyOf' as const), of: fc.array(child, { minLength: 2, maxLength: 3 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('nOf' as const),
        n: fc.integer({ min: 1, max: 3 }),
        of: fc.array(child, { minLength: 1, maxLength: 3 }),
      }),
    },
  );
}
const limitShape: fc.Arbitrary<LimitShape> = fc
  .record({
    from: selectorShape,
    maxSubjects: fc.option(fc.integer({ min: 1, max: 4 })),
    maxCredits: fc.option(fc.constantFrom(1, 1.5, 2, 3, 4.5, 6)),
  })
  .filter((l) => l.maxSubjects !== null || l.maxCredits !== null);
const anyShape: fc.Arbitrary<Shape> = fc.record({
  categoryCount: fc.integer({ min: 2, max: 4 }),
  wholeCredits: fc.boolean(),
  subjects: fc.array(fc.record({ category: fc.nat(3), credits: fc.constantFrom(0.25, 0.5, 1, 1.5, 3, 0, 2) }), {
    minLength: 4,
    maxLength: 9,
  }),
  requirements: fc.array(nodeShape(3), { minLength: 1, maxLength: 3 }),
  limits: fc.array(limitShape, { maxLength: 2 }),
});

/**
 * Catalogues the loader judges in milliseconds. Each shared pool doubles the ways a subject can
 * count, each maximum is tracked exactly, and every route is searched apart, so loading a random
 * catalogue of 9 subjects with 8 shared pools, or 4 maxima, can take seconds (bench/engine-cost.mjs
 * shows such catalogues); the fast tier could run few of them. Every construct still appears.
 */
function tractable(shape: Shape): boolean {
  const json = catalogueJson(shape);
  const text = JSON.stringify(json);
  const shared = (text.match(/"shared":true/g) ?? []).length;
  // Each maximum (of a pool or a limit) is a count the search tracks exactly, not clipped.
  const maxima = (text.match(/"atMost":\{"(subjects|credits)":[\d.]+,"credits"/g) ?? []).length + (text.match(/"atMost"/g) ?? []).length;
  const routes = json.requirements.reduce((product, r) => product * routesOfNode(r).length, 1);
  return shared <= 2 && maxima <= 3 && routes <= 12;
}
const shapeArb = anyShape.filter(tractable);

function selectorJson(selector: SelectorShape, shape: Shape): SelectorJson {
  const categories = [...new Set(selector.categories.map((c) => c % shape.categoryCount))];
  const subjects = [...new Set(selector.subjects.map((s) => s % shape.subjects.length))];
  if (categories.length === 0 && subjects.length === 0) categories.push(0);
  return {
    ...(categories.length ? { categories: categories.map((c) => `c${c}`) } : {}),
    ...(subjects.length ? { subjects: subjects.map((s) => `s${s}`) } : {}),
  };
}

function boundsJson(subjects: number | null | undefined, credits: number | null | undefined): BoundsJson | undefined {
  if ((subjects ?? null) === null && (credits ?? null) === null) return undefined;
  return { ...(subjects == null ? {} : { subjects }), ...(credits == null ? {} : { credits }) };
}

function leafJson(leaf: LeafShape, id: string, shape: Shape): LeafJson {
  const countsSubjects = leaf.kind === 'subjects' || leaf.kind === 'both';
  const countsCredits = leaf.kind === 'credits' || leaf.kind === 'both' || leaf.kind === 'all+credits';
  const atLeast = boundsJson(countsSubjects ? leaf.minSubjects : null, countsCredits ? leaf.minCredits : null);
  // A maximum in the unit of a minimum sits above it (else the loader rightly refuses the file).
  const maxSubjects = leaf.maxSubjects === null ? null : countsSubjects ? leaf.minSubjects + leaf.maxSubjects : leaf.maxSubjects + 1;
  const maxCredits = leaf.maxCredits === null ? null : countsCredits ? leaf.minCredits + leaf.maxCredits : leaf.maxCredits + 1;
  const atMost = boundsJson(maxSubjects, maxCredits);
  return {
    id,
    label: `Pool ${id}`,
    from: selectorJson(leaf.from, shape),
    ...(leaf.kind.startsWith('all') ? { all: true as const } : {}),
    ...(atLeast ? { atLeast } : {}),
    ...(atMost ? { atMost } : {}),
    ...(leaf.shared ? { shared: true as const } : {}),
  };
}

function catalogueJson(shape: Shape): CatalogueJson {
  let next = 0;
  const node = (n: NodeShape, id: string): NodeJson => {
    if (n.type === 'leaf') return leafJson(n, id, shape);
    const children = n.of.map((c) => node(c, `n${next++}`));
    const label = `Group ${id}`;
    if (n.type === 'allOf') return { id, label, allOf: children };
    if (n.type === 'anyOf') return { id, label, anyOf: children };
    return { id, label, nOf: Math.min((n as Extract<NodeShape, { type: 'nOf' }>).n, children.length), of: children };
  };
  const credits = (c: number) => (shape.wholeCredits ? Math.ceil(c) : c);
  const limits = shape.limits.map(
    (l, k): LimitJson => ({
      id: `l${k}`,
      label: `Limit ${k}`,
      from: selectorJson(l.from, shape),
      atMost: boundsJson(l.maxSubjects, l.maxCredits)!,
    }),
  );
  return {
    schemaVersion: 2,
    ...frame(
      shape.categoryCount,
      shape.subjects.map((s) => [s.category % shape.categoryCount, credits(s.credits)]),
    ),
    creditsRequired: 0.25,
    requirements: shape.requirements.map((r, i) => node(r, `r${i}`)),
    ...(limits.length ? { limits } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The oracle: from the JSON alone

interface Pool {
  requirement: number;
  id: string;
  members: Set<number>;
  all: boolean;
  minSubjects: number;
  minCredits: number;
  maxSubjects: number;
  maxCredits: number;
  shared: boolean;
}
interface Cap {
  members: Set<number>;
  maxSubjects: number;
  maxCredits: number;
}
/** One route through one requirement: the branches chosen (what the engine's option id names) and the pools to meet. */
interface OracleRoute {
  chosen: Set<string>;
  leaves: LeafJson[];
}
interface Oracle {
  /** Credits in hundredths: whole numbers, so no sum is rounded. */
  credits: number[];
  routes: OracleRoute[][];
  caps: Cap[];
  json: CatalogueJson;
}

const cents = (credits: number) => Math.round(credits * 100);
const subjectIndex = (id: string) => Number(id.slice(1));

function members(json: CatalogueJson, from: SelectorJson): Set<number> {
  const out = new Set((from.subjects ?? []).map(subjectIndex));
  json.subjects.forEach((s, i) => {
    if (from.categories?.includes(s.category)) out.add(i);
  });
  return out;
}

function combinationsOf<T>(items: readonly T[], n: number): T[][] {
  if (n === 0) return [[]];
  if (items.length < n) return [];
  const [head, ...rest] = items;
  return [...combinationsOf(rest, n - 1).map((c) => [head!, ...c]), ...combinationsOf(rest, n)];
}

function crossProduct(parts: OracleRoute[][]): OracleRoute[] {
  let out: OracleRoute[] = [{ chosen: new Set(), leaves: [] }];
  for (const options of parts)
    out = out.flatMap((a) => options.map((o) => ({ chosen: new Set([...a.chosen, ...o.chosen]), leaves: [...a.leaves, ...o.leaves] })));
  return out;
}

/** Every route of a node: one child of anyOf (named by it), every child of allOf, every n children of nOf (named by them when there is a choice). */
function routesOfNode(node: NodeJson): OracleRoute[] {
  if ('from' in node) return [{ chosen: new Set(), leaves: [node] }];
  if ('allOf' in node) return crossProduct(node.allOf.map(routesOfNode));
  if ('anyOf' in node)
    return node.anyOf.flatMap((child) => routesOfNode(child).map((r) => ({ chosen: new Set([child.id, ...r.chosen]), leaves: r.leaves })));
  return combinationsOf(node.of, node.nOf).flatMap((picked) =>
    crossProduct(picked.map(routesOfNode)).map((r) => ({
      chosen: node.of.length > node.nOf ? new Set([...picked.map((p) => p.id), ...r.chosen]) : r.chosen,
      leaves: r.leaves,
    })),
  );
}

function oracleOf(json: CatalogueJson): Oracle {
  return {
    credits: json.subjects.map((s) => cents(s.credits)),
    routes: json.requirements.map(routesOfNode),
    caps: (json.limits ?? []).map((l) => ({
      members: members(json, l.from),
      maxSubjects: l.atMost.subjects ?? Infinity,
      maxCredits: l.atMost.credits === undefined ? Infinity : cents(l.atMost.credits),
    })),
    json,
  };
}

function poolsOf(oracle: Oracle, routes: readonly OracleRoute[]): Pool[] {
  return routes.flatMap((route, requirement) =>
    route.leaves.map((leaf) => {
      const m = members(oracle.json, leaf.from);
      return {
        requirement,
        id: leaf.id,
        members: m,
        all: leaf.all === true,
        minSubjects: leaf.atLeast?.subjects ?? 0,
        minCredits: leaf.atLeast?.credits === undefined ? 0 : cents(leaf.atLeast.credits),
        maxSubjects: leaf.atMost?.subjects ?? Infinity,
        maxCredits: leaf.atMost?.credits === undefined ? Infinity : cents(leaf.atMost.credits),
        shared: leaf.shared === true,
      };
    }),
  );
}

function subsetsOf<T>(items: readonly T[]): T[][] {
  let out: T[][] = [[]];
  for (const item of items) out = [...out, ...out.map((s) => [...s, item])];
  return out;
}

interface Search {
  /** Pools that must end met; the others only keep their maxima. */
  mustMeet: (pool: number) => boolean;
  /** If given: the requirements subject `s` must be counted in, exactly (from what the engine reported). */
  countedIn?: (subject: number) => ReadonlySet<number>;
}

/** Whether some way of counting the plan's subjects in `pools` meets every pool `mustMeet` names, within every maximum and limit. */
function assignable(oracle: Oracle, plan: readonly number[], pools: readonly Pool[], search: Search): boolean {
  const n = plan.length;
  const inPlan = new Set(plan);
  for (const [j, pool] of pools.entries())
    if (search.mustMeet(j) && pool.all && [...pool.members].some((s) => !inPlan.has(s))) return false;
  const moves = plan.map((s) => {
    const exclusive = pools.flatMap((p, j) => (!p.shared && p.members.has(s) ? [j] : []));
    const shared = pools.flatMap((p, j) => (p.shared && p.members.has(s) ? [j] : []));
    const out: number[][] = [];
    for (const e of [...exclusive, undefined]) for (const sub of subsetsOf(shared)) out.push(e === undefined ? sub : [e, ...sub]);
    // Most counted first, nowhere last: a plan that can meet everything is found sooner.
    out.sort((a, b) => b.length - a.length);
    if (!search.countedIn) return out;
    const wanted = search.countedIn(s);
    return out.filter((m) => {
      const requirements = new Set(m.map((j) => pools[j]!.requirement));
      return requirements.size === wanted.size && [...wanted].every((r) => requirements.has(r));
    });
  });
  // What the rest of the plan could still add to each pool: a pool short even with all of it fails.
  const restSubjects = pools.map((p) => {
    const rest = new Array<number>(n + 1).fill(0);
    for (let k = n - 1; k >= 0; k--) rest[k] = rest[k + 1]! + (p.members.has(plan[k]!) ? 1 : 0);
    return rest;
  });
  const restCredits = pools.map((p) => {
    const rest = new Array<number>(n + 1).fill(0);
    for (let k = n - 1; k >= 0; k--) rest[k] = rest[k + 1]! + (p.members.has(plan[k]!) ? oracle.credits[plan[k]!]! : 0);
    return rest;
  });
  const subjects = pools.map(() => 0);
  const credits = pools.map(() => 0);
  const capSubjects = oracle.caps.map(() => 0);
  const capCredits = oracle.caps.map(() => 0);
  const canStillMeet = (k: number) =>
    pools.every((p, j) => {
      if (!search.mustMeet(j)) return true;
      const most = subjects[j]! + restSubjects[j]![k]!;
      return most >= p.minSubjects && (!p.all || most >= p.members.size) && credits[j]! + restCredits[j]![k]! >= p.minCredits;
    });
  const go = (k: number): boolean => {
    if (!canStillMeet(k)) return false;
    if (k === n) return true;
    const s = plan[k]!;
    const c = oracle.credits[s]!;
    for (const move of moves[k]!) {
      for (const j of move) {
        subjects[j]!++;
        credits[j]! += c;
      }
      const counted = move.length > 0;
      if (counted)
        oracle.caps.forEach((cap, l) => {
          if (cap.members.has(s)) {
            capSubjects[l]!++;
            capCredits[l]! += c;
          }
        });
      const within =
        move.every((j) => subjects[j]! <= pools[j]!.maxSubjects && credits[j]! <= pools[j]!.maxCredits) &&
        oracle.caps.every((cap, l) => capSubjects[l]! <= cap.maxSubjects && capCredits[l]! <= cap.maxCredits);
      const found = within && go(k + 1);
      for (const j of move) {
        subjects[j]!--;
        credits[j]! -= c;
      }
      if (counted)
        oracle.caps.forEach((cap, l) => {
          if (cap.members.has(s)) {
            capSubjects[l]!--;
            capCredits[l]! -= c;
          }
        });
      if (found) return true;
    }
    return false;
  };
  return go(0);
}

/** Whether some route through the requirements, and some way of counting the plan in it, meets every requirement. */
function oracleVerdict(oracle: Oracle, plan: readonly number[]): boolean {
  const search = (i: number, chosen: OracleRoute[]): boolean => {
    if (i === oracle.routes.length) return assignable(oracle, plan, poolsOf(oracle, chosen), { mustMeet: () => true });
    return oracle.routes[i]!.some((route) => search(i + 1, [...chosen, route]));
  };
  return search(0, []);
}

// ---------------------------------------------------------------------------------------------
// What the engine reports, checked against the oracle

/** The oracle's route that the engine reports for requirement i: by its option's id, or the only one. */
function reportedRoute(oracle: Oracle, evaluation: Evaluation, i: number): OracleRoute {
  const routes = oracle.routes[i]!;
  const option = evaluation.requirements[i]!.option;
  if (option === null) {
    expect(routes, `requirement r${i} reports no option but has ${routes.length} routes`).toHaveLength(1);
    return routes[0]!;
  }
  const named = new Set(option.id.split('+'));
  const matches = routes.filter((r) => r.chosen.size === named.size && [...named].every((id) => r.chosen.has(id)));
  expect(matches, `requirement r${i} reports option "${option.id}", which names no route`).toHaveLength(1);
  return matches[0]!;
}

const planOf = (catalogue: Catalogue, plan: readonly number[]): Subject[] => plan.map((i) => catalogue.subjectById.get(`s${i}`)!);

/**
 * Judges the plan and checks the result: the verdict is the oracle's; what each requirement counts
 * is one consistent way of counting (no subject in two pools that are not shared, within every
 * maximum and limit) under the routes reported, and meets every requirement reported as met.
 */
function checkPlan(oracle: Oracle, catalogue: Catalogue, plan: readonly number[]): boolean {
  const evaluation = evaluate(catalogue, planOf(catalogue, plan));
  const expected = oracleVerdict(oracle, plan);
  expect(evaluation.satisfied, 'verdict').toBe(expected);
  expect(evaluation.satisfied).toBe(evaluation.requirements.every((r) => r.satisfied));
  expect(evaluation.requirements.map((r) => r.id)).toEqual(oracle.json.requirements.map((r) => r.id));
  for (const r of evaluation.requirements) expect(r.missing === null, `${r.id}: missing is "${r.missing}"`).toBe(r.satisfied);

  const routes = oracle.routes.map((_, i) => reportedRoute(oracle, evaluation, i));
  const countedIn = new Map<number, Set<number>>();
  evaluation.requirements.forEach((r, i) => {
    for (const subject of r.counted) {
      const s = subjectIndex(subject.id);
      expect(plan, `${subject.id} counted by ${r.id} but not planned`).toContain(s);
      if (!countedIn.has(s)) countedIn.set(s, new Set());
      countedIn.get(s)!.add(i);
    }
  });
  expect(new Set([...evaluation.counted].map((s) => subjectIndex(s.id)))).toEqual(new Set(countedIn.keys()));
  const pools = poolsOf(oracle, routes);
  const consistent = assignable(oracle, plan, pools, {
    mustMeet: (j) => evaluation.requirements[pools[j]!.requirement]!.satisfied,
    countedIn: (s) => countedIn.get(s) ?? new Set(),
  });
  expect(consistent, 'the counted subjects are no consistent way of meeting the requirements reported as met').toBe(true);
  return expected;
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)]! * 31 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

const plansArb = (shape: Shape) =>
  fc.array(
    fc.shuffledSubarray(
      shape.subjects.map((_, i) => i),
      { minLength: 1 },
    ),
    { minLength: 1, maxLength: 4 },
  );

/** A summary to compare two evaluations by: per requirement id, everything but the subject objects. */
function summary(evaluation: Evaluation) {
  return Object.fromEntries(evaluation.requirements.map((r) => [r.id, { ...r, counted: r.counted.map((s) => s.id).sort() }]));
}

// ---------------------------------------------------------------------------------------------

describe('the rules engine on version 2 catalogues, against brute force', () => {
  it('agrees with the oracle on random catalogues and plans, and reports a consistent counting', DEEP_TIMEOUT, () => {
    const tally = { accepted: 0, refused: 0, valid: 0, invalid: 0, search: 0, shared: 0, limits: 0, choice: 0 };
    const refusals = new Map<string, number>();
    const input = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), plansArb(shape)));
    fc.assert(
      fc.property(input, ([shape, plans]) => {
        const json = catalogueJson(shape);
        const oracle = oracleOf(json);
        const result = parseCatalogue(json);
        if (!result.ok) {
          tally.refused++;
          const first = result.issues[0]!;
          const why = first.message.includes('cannot be met by any plan') ? 'unreachable' : first.message.slice(0, 60);
          refusals.set(why, (refusals.get(why) ?? 0) + 1);
          // Refused as unreachable only when it is: not even every subject meets the rules.
          if (why === 'unreachable')
            expect(
              oracleVerdict(
                oracle,
                json.subjects.map((_, i) => i),
              ),
            ).toBe(false);
          return;
        }
        tally.accepted++;
        const catalogue = result.catalogue;
        // Version 1's shapes (the flow judges them) are the next describe's.
        if (!catalogue.v1Shaped) tally.search++;
        if (JSON.stringify(json.requirements).includes('"shared":true')) tally.shared++;
        if (json.limits) tally.limits++;
        if (catalogue.requirements.some((r) => r.options.length > 1)) tally.choice++;
        for (const plan of plans) {
          if (checkPlan(oracle, catalogue, plan)) tally.valid++;
          else tally.invalid++;
        }
      }),
      { numRuns: RUNS },
    );
    // Most random catalogues load, and the run exercised both engines, both verdicts and every construct.
    const context = JSON.stringify({ tally, refusals: Object.fromEntries(refusals) });
    if (process.env.SHOW_TALLY) console.log(context);
    expect(tally.accepted, context).toBeGreaterThan(RUNS * 0.5);
    expect(tally.search, context).toBeGreaterThan(RUNS * 0.3);
    expect(tally.shared, context).toBeGreaterThan(RUNS * 0.15);
    expect(tally.limits, context).toBeGreaterThan(RUNS * 0.15);
    expect(tally.choice, context).toBeGreaterThan(RUNS * 0.15);
    expect(tally.valid, context).toBeGreaterThan(RUNS * 0.15);
    expect(tally.invalid, context).toBeGreaterThan(RUNS * 0.15);
  });

  it('judges a plan the same whatever the order of its subjects and of the requirements and limits in the file', DEEP_TIMEOUT, () => {
    const input = shapeArb.chain((shape) =>
      fc.tuple(fc.constant(shape), plansArb(shape), fc.array(fc.nat(1000), { minLength: 3, maxLength: 9 })),
    );
    fc.assert(
      fc.property(input, ([shape, plans, keys]) => {
        const json = catalogueJson(shape);
        const result = parseCatalogue(json);
        if (!result.ok) return;
        const reordered = { ...json, requirements: shuffled(json.requirements, keys), limits: json.limits && shuffled(json.limits, keys) };
        const other = parseCatalogue(reordered);
        expect(other.ok).toBe(true);
        if (!other.ok) return;
        for (const plan of plans) {
          const before = evaluate(result.catalogue, planOf(result.catalogue, plan));
          const after = evaluate(other.catalogue, planOf(other.catalogue, shuffled(plan, [...keys].reverse())));
          expect(after.satisfied).toBe(before.satisfied);
          expect(summary(after)).toEqual(summary(before));
        }
      }),
      { numRuns: ORDER_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Version 1 files: unchanged in meaning

type V1Rule = { type: 'all'; from: SelectorJson } | { type: 'subjects' | 'credits'; min: number; from: SelectorJson };
type V1Requirement =
  | { id: string; label: string; rule: V1Rule }
  | { id: string; label: string; anyOf: { id: string; label: string; rule: V1Rule }[] };

const v1RuleShape = fc.record({
  type: fc.constantFrom('all', 'subjects', 'subjects', 'credits', 'credits'),
  min: fc.integer({ min: 1, max: 6 }),
  from: selectorShape,
});
const v1Shape = fc.record({
  categoryCount: fc.integer({ min: 2, max: 4 }),
  subjects: fc.array(fc.record({ category: fc.nat(3), credits: fc.integer({ min: 0, max: 4 }) }), { minLength: 4, maxLength: 9 }),
  requirements: fc.array(fc.array(v1RuleShape, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
});

function v1Files(shape: typeof v1Shape extends fc.Arbitrary<infer T> ? T : never, seq: number) {
  const asShape = { categoryCount: shape.categoryCount, subjects: shape.subjects } as unknown as Shape;
  const rule = (r: (typeof shape.requirements)[number][number]): V1Rule => {
    const from = selectorJson(r.from, asShape);
    if (r.type === 'all') return { type: 'all', from };
    return { type: r.type as 'subjects' | 'credits', min: r.type === 'subjects' ? Math.min(r.min, 3) : r.min, from };
  };
  const requirements: V1Requirement[] = shape.requirements.map((options, i) =>
    options.length === 1
      ? { id: `r${i}`, label: `Requirement ${i}`, rule: rule(options[0]!) }
      : {
          id: `r${i}`,
          label: `Requirement ${i}`,
          anyOf: options.map((o, j) => ({ id: `r${i}-o${j}`, label: `Option ${j}`, rule: rule(o) })),
        },
  );
  // The same requirements written as version 2 pools, by hand: a rule is a pool, a choice of rules anyOf.
  const pool = (id: string, label: string, r: V1Rule): LeafJson =>
    r.type === 'all'
      ? { id, label, from: r.from, all: true }
      : { id, label, from: r.from, atLeast: r.type === 'credits' ? { credits: r.min } : { subjects: r.min } };
  const v2Requirements: NodeJson[] = requirements.map((r) =>
    'rule' in r ? pool(r.id, r.label, r.rule) : { id: r.id, label: r.label, anyOf: r.anyOf.map((o) => pool(o.id, o.label, o.rule)) },
  );
  const base = {
    ...frame(
      shape.categoryCount,
      shape.subjects.map((s) => [s.category % shape.categoryCount, s.credits]),
    ),
    id: `random-${seq}`,
    creditsRequired: 1,
  };
  return {
    v1: { schemaVersion: 1, ...base, requirements },
    v2: { schemaVersion: 2, ...base, requirements: v2Requirements } as CatalogueJson,
  };
}

describe('version 1 catalogues', () => {
  it('judge every plan exactly as the same rules written in version 2, and as brute force does', DEEP_TIMEOUT, () => {
    const tally = { accepted: 0, flow: 0, search: 0, flowAgrees: 0 };
    const input = v1Shape.chain((shape) => fc.tuple(fc.constant(shape), plansArb(shape as unknown as Shape)));
    let seq = 0;
    fc.assert(
      fc.property(input, ([shape, plans]) => {
        const files = v1Files(shape, seq++);
        const one = parseCatalogue(files.v1);
        const two = parseCatalogue(files.v2);
        expect(two.ok, 'the version 2 translation loads exactly when the version 1 file does').toBe(one.ok);
        if (!one.ok || !two.ok) {
          if (!one.ok && !two.ok) expect(two.issues.map((i) => i.path)).toEqual(one.issues.map((i) => i.path));
          return;
        }
        tally.accepted++;
        expect(two.catalogue.v1Shaped).toBe(one.catalogue.v1Shaped);
        if (one.catalogue.v1Shaped) tally.flow++;
        else tally.search++;
        const oracle = oracleOf(files.v2);
        for (const plan of plans) {
          const a = evaluate(one.catalogue, planOf(one.catalogue, plan));
          const b = evaluate(two.catalogue, planOf(two.catalogue, plan));
          expect(summary(b)).toEqual(summary(a));
          expect(b.satisfied).toBe(a.satisfied);
          checkPlan(oracle, one.catalogue, plan);
          // Where the flow judges, the general search must reach the same verdict.
          if (one.catalogue.v1Shaped) {
            const searched = evaluate({ ...one.catalogue, v1Shaped: false }, planOf(one.catalogue, plan));
            expect(searched.satisfied, 'search and flow disagree').toBe(a.satisfied);
            tally.flowAgrees++;
          }
        }
      }),
      { numRuns: V1_RUNS },
    );
    if (process.env.SHOW_TALLY) console.log(JSON.stringify(tally));
    expect(tally.accepted, JSON.stringify(tally)).toBeGreaterThan(V1_RUNS / 4);
    expect(tally.flow, JSON.stringify(tally)).toBeGreaterThan(V1_RUNS / 10);
    expect(tally.search, JSON.stringify(tally)).toBeGreaterThan(V1_RUNS / 20);
  });
});

// ---------------------------------------------------------------------------------------------
// Cases found by the properties above, kept by name (none so far that the engine gets wrong).

describe('named cases', () => {
  // A shared pool, an nOf with a choice, a maximum and a limit at once: s0 must count in both the
  // shared pool and the core; the limit leaves room for only two of c1's subjects.
  const json: CatalogueJson = {
    schemaVersion: 2,
    ...frame(2, [
      [0, 3],
      [0, 1.5],
      [1, 0.5],
      [1, 0.25],
      [1, 1],
    ]),
    creditsRequired: 0.25,
    requirements: [
      { id: 'core', label: 'Core', from: { categories: ['c0'] }, atLeast: { credits: 4.5 } },
      { id: 'research', label: 'Research', from: { subjects: ['s0'] }, all: true, shared: true },
      {
        id: 'options',
        label: 'Options',
        nOf: 1,
        of: [
          { id: 'small', label: 'Small', from: { categories: ['c1'] }, atLeast: { subjects: 2 }, atMost: { credits: 0.75 } },
          { id: 'big', label: 'Big', from: { categories: ['c1'] }, atLeast: { credits: 1.5 } },
        ],
      },
    ],
    limits: [{ id: 'cap', label: 'Cap', from: { categories: ['c1'] }, atMost: { subjects: 2 } }],
  };
  const cases: [string, number[], boolean][] = [
    ['every subject: the small option, within the cap', [0, 1, 2, 3, 4], true],
    ['the big option needs s2 and s4, two subjects under the cap', [0, 1, 2, 4], true],
    ['without s1 the core is short', [0, 2, 3, 4], false],
    ['s3 alone meets neither option', [0, 1, 3], false],
  ];
  it.each(cases)('%s', (_, plan, expected) => {
    const result = parseCatalogue(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(checkPlan(oracleOf(json), result.catalogue, plan)).toBe(expected);
  });
});
