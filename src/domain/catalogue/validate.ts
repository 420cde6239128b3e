import { issuesFromValibot, type Issue } from '../issue.js';
import { nameKey } from '../text/normalize.js';
import { evaluate, choiceCount, choices } from '../rules/engine.js';
import { buildCatalogue, type Catalogue } from './model.js';
import { catalogueSchema, type CatalogueData, type LoadGuidance, type SelectorData } from './schema.js';
import { valibot } from '../valibot.js';

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; issues: Issue[] };

const MAX_CHOICES = 4096;

/** Validates parsed JSON as a catalogue: its shape, then how its parts refer to each other, then that some plan can meet it. */
export function parseCatalogue(json: unknown): CatalogueResult {
  // Valibot takes an array for an object (arrays are objects); a catalogue is never one.
  if (Array.isArray(json)) return { ok: false, issues: [{ path: '', message: 'must be a JSON object, not an array' }] };
  const parsed = valibot().safeParse(catalogueSchema(), json);
  if (!parsed.success) return { ok: false, issues: issuesFromValibot(parsed.issues) };
  const data = parsed.output;
  const issues = checkReferences(data);
  if (issues.length > 0) return { ok: false, issues };
  const catalogue = buildCatalogue(data);
  const shapeIssues = checkChoices(catalogue);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
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
    else out.push({ path: where(index), message: `${what} "${k}" is already used by ${where(first)}; each must be unique` });
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
      });
  });
  const checkSelector = (selector: SelectorData, path: string) => {
    selector.categories?.forEach((c, i) => {
      if (!categories.has(c))
        issues.push({
          path: `${path}.categories[${i}]`,
          message: `names category "${c}", which is not in "categories" (${[...categories].join(', ')})`,
        });
    });
    selector.subjects?.forEach((s, i) => {
      if (!subjects.has(s)) issues.push({ path: `${path}.subjects[${i}]`, message: `names subject "${s}", which is not in "subjects"` });
    });
  };
  data.requirements.forEach((r, i) => {
    if (r.rule) checkSelector(r.rule.from, `requirements[${i}].rule.from`);
    r.anyOf?.forEach((o, j) => checkSelector(o.rule.from, `requirements[${i}].anyOf[${j}].rule.from`));
    if (r.anyOf)
      issues.push(
        ...duplicates(
          r.anyOf,
          (o) => o.id,
          (j) => `requirements[${i}].anyOf[${j}].id`,
          'option identifier',
        ),
      );
  });
  const topLevel = new Set(Object.keys(data));
  data.provenance?.forEach((p, i) => {
    const head = p.path.split('/')[1] ?? '';
    if (!topLevel.has(head)) issues.push({ path: `provenance[${i}].path`, message: `"${p.path}" does not point into this catalogue` });
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
      if (!termKinds.has(t)) issues.push({ path: `subjects[${i}].offeredIn[${j}]`, message: `names term "${t}", which is not in "terms"` });
    });
  });
  data.modes.forEach((m, i) => {
    for (const [kind, load] of Object.entries(m.load ?? {})) {
      if (!termKinds.has(kind)) issues.push({ path: `modes[${i}].load.${kind}`, message: `names term "${kind}", which is not in "terms"` });
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
    issues.push({ path: 'fees.fellowship.eligibleResidencies', message: 'names no residency; remove "fellowship" if none is eligible' });
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
      });
    else if (min > max) issues.push({ path, message: `has ${minKey} above ${maxKey}` });
  }
  if (given === 0)
    issues.push({
      path,
      message: 'gives no load; give minSubjects and maxSubjects, or minCredits and maxCredits (or leave this term out for no guidance)',
    });
  return issues;
}

function checkChoices(catalogue: Catalogue): Issue[] {
  const count = choiceCount(catalogue);
  if (count > MAX_CHOICES) {
    return [
      { path: 'requirements', message: `the "anyOf" options combine into ${count} alternatives; at most ${MAX_CHOICES} are supported` },
    ];
  }
  for (const choice of choices(catalogue)) {
    const creditRules = catalogue.requirements.filter((r, i) => r.options[choice[i]!]!.rule.type === 'credits');
    if (creditRules.length > 1) {
      return [
        {
          path: 'requirements',
          message: `requirements ${creditRules.map((r) => `"${r.id}"`).join(' and ')} can both be credit-based at once; at most one credit-based rule may apply together (count subjects instead)`,
        },
      ];
    }
  }
  return [];
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
    }));
  const total = catalogue.subjects.reduce((sum, s) => sum + s.credits, 0);
  if (issues.length === 0 && total < catalogue.data.creditsRequired) {
    issues.push({
      path: 'creditsRequired',
      message: `is ${catalogue.data.creditsRequired}, but all the subjects together carry only ${total} credits`,
    });
  }
  return issues;
}
