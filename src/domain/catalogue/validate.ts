import { issuesFromValibot, type Issue } from '../issue.js';
import { nameKey } from '../text/normalize.js';
import { evaluate } from '../rules/engine.js';
import { buildCatalogue, type Catalogue } from './model.js';
import {
  catalogueSchema,
  SCHEMA_VERSIONS,
  type CatalogueData,
  type LoadGuidance,
  type RequirementNodeData,
  type RequirementV1Data,
  type SelectorData,
} from './schema.js';
import { requirementTree, routeCount } from './routes.js';
import { creditsOf } from './credits.js';
import { checkTrees, childPaths } from './check-trees.js';
import { checkCost } from './check-cost.js';
import { valibot } from '../valibot.js';

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; issues: Issue[] };

const MAX_CHOICES = 4096;

/** Validates parsed JSON as a catalogue: its shape, then how its parts refer to each other, then that some plan can meet it. */
export function parseCatalogue(json: unknown): CatalogueResult {
  // Valibot takes an array for an object (arrays are objects); a catalogue is never one.
  if (Array.isArray(json)) return { ok: false, issues: [{ path: '', message: 'must be a JSON object, not an array', code: 'INVALID' }] };
  if (typeof json !== 'object' || json === null)
    return { ok: false, issues: [{ path: '', message: 'must be a JSON object', code: 'INVALID' }] };
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (version !== 1 && version !== 2)
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `must be ${SCHEMA_VERSIONS.join(' or ')} (the catalogue formats this version understands)`,
          code: 'INVALID',
        },
      ],
    };
  const parsed = valibot().safeParse(catalogueSchema(version), json);
  if (!parsed.success) return { ok: false, issues: issuesFromValibot(parsed.issues) };
  const data = parsed.output;
  const issues = [...checkReferences(data), ...checkTrees(data)];
  if (issues.length > 0) return { ok: false, issues };
  const shapeIssues = checkRouteCount(data);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const catalogue = buildCatalogue(data);
  const hard = checkCost(catalogue);
  if (hard.length > 0) return { ok: false, issues: hard };
  const reach = checkReachable(catalogue);
  if (reach.length > 0) return { ok: false, issues: reach };
  return { ok: true, catalogue };
}

function duplicates<T>(items: readonly T[], key: (item: T) => string, where: (index: number) => string, what: string): Issue[] {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else
      out.push({
        path: where(index),
        message: `${what} "${k}" is already used by ${where(first)}; each must be unique`,
        code: 'DUPLICATE_ID',
      });
  });
  return out;
}

function checkReferences(data: CatalogueData): Issue[] {
  const issues: Issue[] = [
    ...duplicates(
      data.categories,
      (c) => c.id,
      (i) => `categories[${i}].id`,
      'category identifier',
    ),
    ...duplicates(
      data.modes,
      (m) => m.id,
      (i) => `modes[${i}].id`,
      'mode identifier',
    ),
    ...duplicates(
      data.subjects,
      (s) => s.id,
      (i) => `subjects[${i}].id`,
      'subject identifier',
    ),
    ...duplicates(
      data.requirements,
      (r) => r.id,
      (i) => `requirements[${i}].id`,
      'requirement identifier',
    ),
  ];
  // A name typed by a student must lead to one subject only.
  const owner = new Map<string, number>();
  data.subjects.forEach((s, i) => {
    const keys = new Set([nameKey(s.id), nameKey(s.title), ...(s.code ? [nameKey(s.code)] : [])]);
    for (const key of keys) {
      const other = owner.get(key);
      if (other !== undefined && other !== i && data.subjects[other]!.id !== s.id) {
        issues.push({
          path: `subjects[${i}]`,
          message: `the name "${key}" also names subjects[${other}] ("${data.subjects[other]!.title}"); identifiers, codes and titles must not clash`,
          code: 'NAME_CLASH',
        });
      } else owner.set(key, i);
    }
  });
  const categories = new Set(data.categories.map((c) => c.id));
  const subjects = new Set(data.subjects.map((s) => s.id));
  data.subjects.forEach((s, i) => {
    if (!categories.has(s.category))
      issues.push({
        path: `subjects[${i}].category`,
        message: `names category "${s.category}", which is not in "categories" (${[...categories].join(', ')})`,
        code: 'UNKNOWN_REFERENCE',
      });
  });
  const checkSelector = (selector: SelectorData, path: string) => {
    selector.categories?.forEach((c, i) => {
      if (!categories.has(c))
        issues.push({
          path: `${path}.categories[${i}]`,
          message: `names category "${c}", which is not in "categories" (${[...categories].join(', ')})`,
          code: 'UNKNOWN_REFERENCE',
        });
    });
    selector.subjects?.forEach((s, i) => {
      if (!subjects.has(s))
        issues.push({
          path: `${path}.subjects[${i}]`,
          message: `names subject "${s}", which is not in "subjects"`,
          code: 'UNKNOWN_REFERENCE',
        });
    });
  };
  const walkSelectors = (node: RequirementNodeData, path: string) => {
    if ('from' in node) checkSelector(node.from, `${path}.from`);
    for (const [child, at] of childPaths(node, path)) walkSelectors(child, at);
  };
  data.requirements.forEach((r, i) => {
    const v1 = r as RequirementV1Data;
    if ('rule' in r && v1.rule) checkSelector(v1.rule.from, `requirements[${i}].rule.from`);
    else if ('anyOf' in r && v1.anyOf?.some((o) => 'rule' in o)) {
      v1.anyOf.forEach((o, j) => checkSelector(o.rule.from, `requirements[${i}].anyOf[${j}].rule.from`));
      issues.push(
        ...duplicates(
          v1.anyOf,
          (o) => o.id,
          (j) => `requirements[${i}].anyOf[${j}].id`,
          'option identifier',
        ),
      );
    } else walkSelectors(r as RequirementNodeData, `requirements[${i}]`);
  });
  data.limits?.forEach((l, i) => checkSelector(l.from, `limits[${i}].from`));
  const topLevel = new Set(Object.keys(data));
  data.provenance?.forEach((p, i) => {
    const head = p.path.split('/')[1] ?? '';
    if (!topLevel.has(head))
      issues.push({ path: `provenance[${i}].path`, message: `"${p.path}" does not point into this catalogue`, code: 'PROVENANCE_PATH' });
  });
  const termKinds = new Set((data.terms ?? []).map((t) => t.id));
  issues.push(
    ...duplicates(
      data.terms ?? [],
      (t) => t.id,
      (i) => `terms[${i}].id`,
      'term identifier',
    ),
  );
  data.subjects.forEach((s, i) => {
    s.offeredIn?.forEach((t, j) => {
      if (!termKinds.has(t))
        issues.push({
          path: `subjects[${i}].offeredIn[${j}]`,
          message: `names term "${t}", which is not in "terms"`,
          code: 'UNKNOWN_REFERENCE',
        });
    });
  });
  data.modes.forEach((m, i) => {
    for (const [kind, load] of Object.entries(m.load ?? {})) {
      if (!termKinds.has(kind))
        issues.push({
          path: `modes[${i}].load.${kind}`,
          message: `names term "${kind}", which is not in "terms"`,
          code: 'UNKNOWN_REFERENCE',
        });
      issues.push(...loadIssues(load, `modes[${i}].load.${kind}`));
    }
  });
  if (data.record)
    issues.push(
      ...duplicates(
        data.record.grades,
        (g) => g.grade.toUpperCase(),
        (i) => `record.grades[${i}].grade`,
        'grade',
      ),
    );
  const fellowship = data.fees.fellowship;
  if (fellowship && fellowship.eligibleResidencies.length === 0)
    issues.push({
      path: 'fees.fellowship.eligibleResidencies',
      message: 'names no residency; remove "fellowship" if none is eligible',
      code: 'INVALID',
    });
  return issues;
}

/** A load entry gives whole pairs (minSubjects with maxSubjects, minCredits with maxCredits), at least one, each min at most its max. */
function loadIssues(load: LoadGuidance, path: string): Issue[] {
  const issues: Issue[] = [];
  const pairs = [
    ['minSubjects', 'maxSubjects'],
    ['minCredits', 'maxCredits'],
  ] as const;
  let given = 0;
  for (const [minKey, maxKey] of pairs) {
    const [min, max] = [load[minKey], load[maxKey]];
    if (min === undefined && max === undefined) continue;
    given++;
    if (min === undefined || max === undefined)
      issues.push({
        path,
        message: `gives ${min === undefined ? maxKey : minKey} without ${min === undefined ? minKey : maxKey}; give both, or neither`,
        code: 'INVALID',
      });
    else if (min > max) issues.push({ path, message: `has ${minKey} above ${maxKey}`, code: 'INVALID' });
  }
  if (given === 0)
    issues.push({
      path,
      message: 'gives no load; give minSubjects and maxSubjects, or minCredits and maxCredits (or leave this term out for no guidance)',
      code: 'INVALID',
    });
  return issues;
}

function checkRouteCount(data: CatalogueData): Issue[] {
  const count = data.requirements.reduce((product, r) => product * routeCount(requirementTree(r)), 1);
  if (count <= MAX_CHOICES) return [];
  return [
    {
      path: 'requirements',
      message: `the choices ("anyOf", "nOf") combine into ${count} routes through the requirements; at most ${MAX_CHOICES} are supported, so split the programme or merge alternatives into one pool`,
      code: 'TOO_MANY_ROUTES',
    },
  ];
}

/** Adding a subject never hurts a plan, so if the whole catalogue cannot meet the rules, nothing can. */
function checkReachable(catalogue: Catalogue): Issue[] {
  const everything = evaluate(catalogue, catalogue.subjects);
  const issues: Issue[] = everything.requirements
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !r.satisfied)
    .map(({ r, i }) => ({
      path: `requirements[${i}]`,
      message: `"${r.label}" cannot be met by any plan, even one with every subject in the catalogue (it would still need ${r.missing})`,
      code: 'UNMEETABLE',
    }));
  const total = creditsOf(catalogue.subjects);
  if (issues.length === 0 && total < catalogue.data.creditsRequired) {
    issues.push({
      path: 'creditsRequired',
      message: `is ${catalogue.data.creditsRequired}, but all the subjects together carry only ${total} credits`,
      code: 'UNMEETABLE',
    });
  }
  return issues;
}
