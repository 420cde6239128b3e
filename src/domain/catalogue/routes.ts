import type { LeafData, RequirementData, RequirementNodeData } from './schema.js';

/** One way to meet a requirement: the pools that must all be met, named after the branches chosen. */
export interface Route {
  id: string;
  label: string;
  leaves: LeafData[];
}

/** A requirement in version 2's form; a version 1 rule or choice of rules means the same as a pool or anyOf of pools. */
export function requirementTree(requirement: RequirementData): RequirementNodeData {
  if (!('rule' in requirement) && !('anyOf' in requirement && requirement.anyOf?.some((o) => 'rule' in o))) {
    return requirement as RequirementNodeData;
  }
  const v1 = requirement as Extract<RequirementData, { rule?: unknown }>;
  const leaf = (id: string, label: string, rule: NonNullable<typeof v1.rule>): LeafData =>
    rule.type === 'all'
      ? { id, label, from: rule.from, all: true }
      : { id, label, from: rule.from, atLeast: rule.type === 'credits' ? { credits: rule.min } : { subjects: rule.min } };
  if (v1.rule) return leaf(v1.id, v1.label, v1.rule);
  return { id: v1.id, label: v1.label, anyOf: v1.anyOf!.map((o) => leaf(o.id, o.label, o.rule)) };
}

function isLeaf(node: RequirementNodeData): node is LeafData {
  return 'from' in node;
}

/** A node's children and the field of the file that lists them; none for a pool. */
export function childList(node: RequirementNodeData): { field: 'allOf' | 'anyOf' | 'of'; children: RequirementNodeData[] } | undefined {
  if ('allOf' in node) return { field: 'allOf', children: node.allOf };
  if ('anyOf' in node) return { field: 'anyOf', children: node.anyOf };
  if ('of' in node) return { field: 'of', children: node.of };
  return undefined;
}

function childrenOf(node: RequirementNodeData): RequirementNodeData[] {
  return childList(node)?.children ?? [];
}

/** Every way of choosing `n` of `items`, in order. */
function* combinations<T>(items: readonly T[], n: number, start = 0): Generator<T[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - n; i++) for (const rest of combinations(items, n - 1, i + 1)) yield [items[i]!, ...rest];
}

/**
 * How many routes a node has, without listing them (so a file with millions is refused quickly).
 * For nOf: the sum, over every choice of n children, of the product of their routes, counted as
 * elementary symmetric sums (ways[j]: the routes of choosing j of the children seen so far).
 */
export function routeCount(node: RequirementNodeData): number {
  if (isLeaf(node)) return 1;
  const counts = childrenOf(node).map(routeCount);
  if ('allOf' in node) return counts.reduce((a, b) => a * b, 1);
  if ('anyOf' in node) return counts.reduce((a, b) => a + b, 0);
  const ways = [1, ...new Array<number>(node.nOf).fill(0)];
  for (const c of counts) for (let j = node.nOf; j >= 1; j--) ways[j]! += ways[j - 1]! * c;
  return ways[node.nOf]!;
}

/** The deepest nesting under a node: 1 for a pool. */
export function depthOf(node: RequirementNodeData): number {
  return 1 + Math.max(0, ...childrenOf(node).map(depthOf));
}

interface Partial {
  chosen: RequirementNodeData[];
  leaves: LeafData[];
}

function expand(node: RequirementNodeData): Partial[] {
  if (isLeaf(node)) return [{ chosen: [], leaves: [node] }];
  if ('anyOf' in node) return node.anyOf.flatMap((child) => expand(child).map((p) => ({ chosen: [child, ...p.chosen], leaves: p.leaves })));
  const product = (parts: Partial[][]): Partial[] =>
    parts.reduce<Partial[]>(
      (acc, options) =>
        acc.flatMap((a) => options.map((o) => ({ chosen: [...a.chosen, ...o.chosen], leaves: [...a.leaves, ...o.leaves] }))),
      [{ chosen: [], leaves: [] }],
    );
  if ('allOf' in node) return product(node.allOf.map(expand));
  const out: Partial[] = [];
  for (const picked of combinations(node.of, node.nOf)) {
    // The children picked are choices too, so the route says which.
    for (const p of product(picked.map(expand)))
      out.push({ chosen: node.of.length > node.nOf ? [...picked, ...p.chosen] : p.chosen, leaves: p.leaves });
  }
  return out;
}

/**
 * Every route of a requirement, in the file's order. A route with no choice in it is named after
 * the requirement; otherwise after the branches chosen ("Project and 1 elective"), most specific last.
 */
export function routesOf(node: RequirementNodeData): Route[] {
  return expand(node).map(({ chosen, leaves }) => {
    if (chosen.length === 0) return { id: node.id, label: node.label, leaves };
    return { id: chosen.map((c) => c.id).join('+'), label: chosen.map((c) => c.label).join(' and '), leaves };
  });
}
