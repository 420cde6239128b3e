import type { Catalogue, Leaf, Subject } from '../../catalogue/model.js';
import { hundredths } from '../../catalogue/credits.js';

/** A catalogue whose plans cannot be judged within the search's budget: loading refuses it (validate.ts). */
export class TooHardError extends Error {
  constructor(readonly states: number) {
    super(`judging one plan would take more than ${states.toLocaleString('en')} search states`);
    this.name = 'TooHardError';
  }
}

/** States one evaluation may visit, over every route tried; the loader checks that no plan can need more. */
export const STATE_BUDGET = 300_000;

export interface Budget {
  left: number;
}

/** A pool taking part in one route through the requirements, with the requirement it belongs to. */
export interface ActiveLeaf {
  leaf: Leaf;
  requirement: number;
}

/** The pools of one choice of routes (one option per requirement), each with its requirement. */
export function activeLeaves(catalogue: Catalogue, choice: readonly number[]): ActiveLeaf[] {
  return catalogue.requirements.flatMap((r, i) => r.options[choice[i]!]!.leaves.map((leaf) => ({ leaf, requirement: i })));
}

/** How far one pool got: subjects and credits (hundredths) counted there, and which. */
export interface LeafOutcome {
  subjects: number;
  credits: number;
  counted: Subject[];
}

/** Orders final states: higher tuples first; ties go to fewer counted credits, then to the first found. */
export type Score = (outcomes: readonly LeafOutcome[]) => readonly number[];

interface Move {
  /** Pools the subject counts in (at most one not shared). */
  leaves: number[];
  credits: number;
}

interface Node {
  state: number[];
  /** The state's numeric key (see searchRoute). */
  key: number;
  cost: number;
  parent: Node | undefined;
  subject: Subject | undefined;
  move: Move | undefined;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

/**
 * Every way one subject can count: nowhere, in one pool that is not shared, in any set of shared
 * pools, or both. (Only pools that name the subject.) Each shared pool doubles the ways, so more
 * ways than the budget has left is refused before any is made: from the first state, nearly every
 * one would be a new state.
 */
function movesOf(subject: Subject, active: readonly ActiveLeaf[], budget: Budget): Move[] {
  const credits = hundredths(subject.credits);
  const exclusive: (number | undefined)[] = [undefined];
  const shared: number[] = [];
  active.forEach((a, j) => {
    if (!a.leaf.eligible.has(subject.id)) return;
    if (a.leaf.shared) shared.push(j);
    else exclusive.push(j);
  });
  if (exclusive.length * 2 ** shared.length > budget.left) throw new TooHardError(STATE_BUDGET);
  const moves: Move[] = [];
  for (const e of exclusive) for (const s of subsets(shared)) moves.push({ leaves: e === undefined ? s : [e, ...s], credits });
  return moves;
}

/**
 * The exact assignment of a plan's subjects to one route's pools: a shortest-path search over
 * states (per pool, subjects and credits counted so far; per limit, what has counted towards the
 * degree), subject by subject. Counts a pool cannot use beyond its need are clipped, so states
 * merge (the memoisation); a pool with a maximum is tracked exactly up to it. Among the best final
 * states (by `score`) it keeps the one counting the fewest credits: extra subjects stay extra.
 */
export function searchRoute(
  catalogue: Catalogue,
  plan: readonly Subject[],
  active: readonly ActiveLeaf[],
  score: Score,
  budget: Budget,
): LeafOutcome[] {
  const limits = catalogue.limits;
  const caps: number[] = [];
  for (const { leaf } of active) {
    caps.push(Number.isFinite(leaf.maxSubjects) ? leaf.maxSubjects : leaf.minSubjects);
    caps.push(Number.isFinite(leaf.maxCredits) ? leaf.maxCredits : leaf.minCredits);
  }
  const leafDims = caps.length;
  for (const limit of limits)
    caps.push(Number.isFinite(limit.maxSubjects) ? limit.maxSubjects : 0, Number.isFinite(limit.maxCredits) ? limit.maxCredits : 0);
  // A dimension with a maximum is tracked exactly up to it and refuses more; the others are clipped.
  const hardMax = (d: number): boolean => {
    const bounds = d < leafDims ? active[d >> 1]!.leaf : limits[(d - leafDims) >> 1]!;
    return Number.isFinite(d % 2 === 0 ? bounds.maxSubjects : bounds.maxCredits);
  };
  const bounded = caps.map((_, d) => hardMax(d));

  // States are keyed by one number (mixed radix over the dimensions) when the caps allow it, else
  // by their text: no array is made for a transition that leads to a state already known more cheaply.
  const radix: number[] = [];
  let span = 1;
  for (const cap of caps) {
    radix.push(span);
    span *= cap + 1;
  }
  const numeric = span <= Number.MAX_SAFE_INTEGER;
  if (!numeric) radix.fill(0);
  const touched: number[] = [];
  const values: number[] = [];
  const changed = (from: readonly number[]): number[] => {
    const state = [...from];
    touched.forEach((d, i) => (state[d] = values[i]!));
    return state;
  };

  const start: Node = { state: caps.map(() => 0), key: 0, cost: 0, parent: undefined, subject: undefined, move: undefined };
  let layer = new Map<number | string, Node>([[numeric ? 0 : start.state.join(','), start]]);
  for (const subject of plan) {
    const moves = movesOf(subject, active, budget);
    if (moves.length === 1) continue;
    const limitHits = limits.flatMap((l, k) => (l.eligible.has(subject.id) ? [k] : []));
    const next = new Map<number | string, Node>();
    for (const node of layer.values()) {
      for (const move of moves) {
        const moved = stepKey(node, move, limitHits, leafDims, caps, bounded, radix, touched, values);
        if (moved === undefined) continue;
        if (--budget.left < 0) throw new TooHardError(STATE_BUDGET);
        let state = numeric ? undefined : changed(node.state);
        const key = state?.join(',') ?? moved;
        const cost = node.cost + (move.leaves.length > 0 ? move.credits : 0);
        const known = next.get(key);
        if (known && cost >= known.cost) continue;
        state ??= changed(node.state);
        next.set(key, { state, key: moved, cost, parent: node, subject, move });
      }
    }
    layer = next;
  }

  // The score depends only on a state (counts clipped at a need still tell met and progress), so
  // only the best final state's subjects are gathered.
  let best: { node: Node; score: readonly number[] } | undefined;
  for (const node of layer.values()) {
    const s = score(active.map((_, j) => ({ subjects: node.state[2 * j]!, credits: node.state[2 * j + 1]!, counted: [] })));
    if (!best || better(s, best.score) || (sameScore(s, best.score) && node.cost < best.node.cost)) best = { node, score: s };
  }
  return outcomesOf(best!.node, active.length);
}

/**
 * The numeric key of the state a move leads to (meaningful only where the caps allow one), or
 * undefined when it would pass a maximum; the dimensions it changes and their new values are left
 * in `touched` and `values`.
 */
function stepKey(
  node: Node,
  move: Move,
  limitHits: readonly number[],
  leafDims: number,
  caps: readonly number[],
  bounded: readonly boolean[],
  radix: readonly number[],
  touched: number[],
  values: number[],
): number | undefined {
  touched.length = 0;
  values.length = 0;
  let key = node.key;
  if (move.leaves.length === 0) return key;
  const add = (d: number, amount: number): boolean => {
    const before = node.state[d]!;
    let after = before + amount;
    if (bounded[d]) {
      if (after > caps[d]!) return false;
    } else after = Math.min(caps[d]!, after);
    if (after !== before) {
      key += (after - before) * radix[d]!;
      touched.push(d);
      values.push(after);
    }
    return true;
  };
  for (const j of move.leaves) if (!add(2 * j, 1) || !add(2 * j + 1, move.credits)) return undefined;
  for (const k of limitHits) {
    const d = leafDims + 2 * k;
    if (!add(d, 1) || !add(d + 1, move.credits)) return undefined;
  }
  return key;
}

function outcomesOf(node: Node, count: number): LeafOutcome[] {
  const outcomes: LeafOutcome[] = Array.from({ length: count }, () => ({ subjects: 0, credits: 0, counted: [] }));
  for (let at: Node | undefined = node; at?.move; at = at.parent) {
    for (const j of at.move.leaves) {
      const o = outcomes[j]!;
      o.subjects++;
      o.credits += at.move.credits;
      o.counted.unshift(at.subject!);
    }
  }
  return outcomes;
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

function sameScore(a: readonly number[], b: readonly number[]): boolean {
  return a.every((v, i) => v === b[i]);
}
