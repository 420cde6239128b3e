import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { judgePlan, type Judgement } from '../../src/domain/plan/judge.js';
import { plan as planFile, real, realJson } from './catalogues.js';

// Order never matters: the verdict, every fee figure and every warning of a plan are the same
// whatever order the plan lists its subjects in and whatever order the catalogue lists its
// requirements and subjects in. Random catalogues with subjects of different credits (some of
// none), tuition-free subjects, credit rules and alternatives.

type RuleType = 'all' | 'subjects' | 'credits';
interface RuleShape {
  type: RuleType;
  min: number;
  categories: number[];
  subjects: number[];
}
interface Shape {
  categoryCount: number;
  subjects: { category: number; credits: number; tuitionFree: boolean }[];
  requirements: RuleShape[][];
  /** The one requirement whose rules may count credits (-1: none): the loader allows one at a time. */
  creditRequirement: number;
  creditsRequired: number;
  fees: { initialLocal: number; cap: number; share: number };
}

const ruleShape = fc.record({
  type: fc.constantFrom<RuleType>('all', 'subjects', 'credits', 'credits'),
  min: fc.integer({ min: 1, max: 8 }),
  categories: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
  subjects: fc.uniqueArray(fc.nat(9), { maxLength: 3 }),
});
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  categoryCount: fc.integer({ min: 2, max: 4 }),
  subjects: fc.array(
    fc.record({
      category: fc.nat(3),
      credits: fc.constantFrom(0, 1, 2, 3, 3, 4, 6, 9),
      tuitionFree: fc.constantFrom(false, false, false, true),
    }),
    { minLength: 2, maxLength: 10 },
  ),
  requirements: fc.array(
    fc.oneof(
      ruleShape.map((r) => [r]),
      fc.tuple(ruleShape, ruleShape).map((rs) => [...rs]),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  creditRequirement: fc.integer({ min: -1, max: 3 }),
  creditsRequired: fc.integer({ min: 1, max: 30 }),
  fees: fc.record({
    initialLocal: fc.integer({ min: 0, max: 8 }),
    cap: fc.integer({ min: 0, max: 3000 }),
    share: fc.integer({ min: 0, max: 1500 }),
  }),
});

function rulesOf(shape: Shape): RuleShape[][] {
  return shape.requirements.map((options, r) =>
    options.map((rule) => {
      const categories = [...new Set(rule.categories.map((c) => c % shape.categoryCount))];
      const subjects = [...new Set(rule.subjects.map((s) => s % shape.subjects.length))];
      if (categories.length === 0 && subjects.length === 0) categories.push(0);
      const type = rule.type === 'credits' && r !== shape.creditRequirement ? 'subjects' : rule.type;
      return { type, min: type === 'subjects' ? Math.min(rule.min, 3) : rule.min, categories, subjects };
    }),
  );
}

/** The catalogue's JSON with its requirements and subjects in the order `requirementOrder`, `subjectOrder`. */
function catalogueJson(shape: Shape, requirementOrder: readonly number[], subjectOrder: readonly number[]) {
  const ruleJson = (r: RuleShape) => ({
    type: r.type,
    ...(r.type === 'all' ? {} : { min: r.min }),
    from: {
      ...(r.categories.length ? { categories: r.categories.map((c) => `c${c}`) } : {}),
      ...(r.subjects.length ? { subjects: r.subjects.map((s) => `s${s}`) } : {}),
    },
  });
  const requirements = rulesOf(shape).map((options, i) =>
    options.length === 1
      ? { id: `r${i}`, label: `Requirement ${i}`, rule: ruleJson(options[0]!) }
      : {
          id: `r${i}`,
          label: `Requirement ${i}`,
          anyOf: options.map((o, j) => ({ id: `r${i}o${j}`, label: `Option ${j}`, rule: ruleJson(o) })),
        },
  );
  const subjects = shape.subjects.map((s, i) => ({
    id: `s${i}`,
    title: `Subject ${i}`,
    category: `c${s.category % shape.categoryCount}`,
    credits: s.credits,
    ...(s.tuitionFree ? { tuitionFree: true } : {}),
  }));
  return {
    schemaVersion: 1,
    id: 'random',
    programme: { name: 'Random', institution: 'Test', intake: '2030-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    creditsRequired: shape.creditsRequired,
    categories: Array.from({ length: shape.categoryCount }, (_, c) => ({ id: `c${c}`, label: `Category ${c}`, adjective: `c${c}` })),
    subjects: subjectOrder.map((i) => subjects[i]!),
    fees: {
      currency: 'HKD',
      perCredit: 100,
      initialRegistrationCredits: { local: shape.fees.initialLocal, 'non-local': shape.fees.initialLocal + 2 },
      fellowship: { name: 'Random Fellowship', cap: shape.fees.cap, minimumStudentShare: shape.fees.share, eligibleResidencies: ['local'] },
    },
    requirements: requirementOrder.map((i) => requirements[i]!),
  };
}

/** A permutation of 0..n-1 from random sort keys. */
const permutationOf = (keys: readonly number[], n: number) =>
  Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
const keysArb = fc.array(fc.integer(), { minLength: 12, maxLength: 12 });

/** What must not depend on order: the verdict, every figure, every warning, what counts where. */
function essence(j: Judgement, withErrorText: boolean) {
  return {
    valid: j.valid,
    credits: j.credits,
    fees: j.fees,
    warnings: j.warnings,
    errors: withErrorText ? [...j.errors].sort((a, b) => (a.message < b.message ? -1 : 1)) : j.errors.map((e) => e.code).sort(),
    requirements: Object.fromEntries(
      j.requirements.map((r) => [
        r.id,
        { satisfied: r.satisfied, option: r.option?.id ?? null, counted: r.counted.map((s) => s.id).sort(), have: r.have },
      ]),
    ),
  };
}

describe('order never matters', () => {
  it('random catalogues: the same judgement whatever the order of plan subjects, requirements and catalogue subjects', () => {
    const tally = { judged: 0, valid: 0, extraCredits: 0, creditRules: 0, fellowship: 0, tuitionFree: 0, floor: 0 };
    const input = fc.record({
      shape: shapeArb,
      chosen: fc.uniqueArray(fc.nat(9), { minLength: 0, maxLength: 10 }),
      fellowship: fc.boolean(),
      planKeys: keysArb,
      requirementKeys: keysArb,
      subjectKeys: keysArb,
    });
    fc.assert(
      fc.property(input, ({ shape, chosen, fellowship, planKeys, requirementKeys, subjectKeys }) => {
        const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
        const base = parseCatalogue(catalogueJson(shape, identity(shape.requirements.length), identity(shape.subjects.length)));
        const shuffled = parseCatalogue(
          catalogueJson(
            shape,
            permutationOf(requirementKeys, shape.requirements.length),
            permutationOf(subjectKeys, shape.subjects.length),
          ),
        );
        expect(shuffled.ok).toBe(base.ok);
        if (!base.ok || !shuffled.ok) return;
        const subjects = [...new Set(chosen.map((s) => `s${s % shape.subjects.length}`))];
        const reordered = permutationOf(planKeys, subjects.length).map((i) => subjects[i]!);
        const judge = (catalogue: Catalogue, names: string[]) => judgePlan(catalogue, planFile(names, { fellowship }));
        const original = judge(base.catalogue, subjects);
        // The same catalogue, the plan in another order: even the errors' words are the same.
        expect(essence(judge(base.catalogue, reordered), true)).toEqual(essence(original, true));
        // The catalogue in another order too: errors may list missing subjects in its order.
        expect(essence(judge(shuffled.catalogue, reordered), false)).toEqual(essence(original, false));

        tally.judged++;
        if (original.valid) tally.valid++;
        if (original.warnings.some((w) => w.code === 'EXTRA_CREDITS')) tally.extraCredits++;
        if (base.catalogue.requirements.some((r) => r.options.some((o) => o.rule.type === 'credits'))) tally.creditRules++;
        if (original.fees.fellowship > 0) tally.fellowship++;
        if (original.fees.chargedCredits < original.fees.credits) tally.tuitionFree++;
        if (original.fees.payable > original.fees.tuition - original.fees.fellowship) tally.floor++;
      }),
      { numRuns: 800 },
    );
    // The run must have tried what the property is about.
    expect(tally.judged).toBeGreaterThan(100);
    for (const key of ['valid', 'extraCredits', 'creditRules', 'fellowship', 'tuitionFree', 'floor'] as const)
      expect(tally[key], key).toBeGreaterThan(10);
  });

  it('the real programme: every rotation of a plan with extras, and the requirements reversed', () => {
    const subjects = [
      'SN5023',
      'SN6006',
      'SN5303B',
      'HTI5T04',
      'Epidemiology',
      'Project Management',
      'Business Analytics',
      'Big Data Computing',
      'Health Care Ethics',
      'Virtual Reality in Healthcare',
      'Dissertation',
    ];
    const json = realJson();
    json.requirements.reverse();
    json.subjects.reverse();
    const reversed = parseCatalogue(json);
    expect(reversed.ok).toBe(true);
    if (!reversed.ok) return;
    const original = judgePlan(real, planFile(subjects, { fellowship: true }));
    expect(original.warnings.map((w) => w.code)).toEqual(['EXTRA_CREDITS']);
    for (let shift = 0; shift < subjects.length; shift++) {
      const rotated = [...subjects.slice(shift), ...subjects.slice(0, shift)];
      expect(essence(judgePlan(real, planFile(rotated, { fellowship: true })), true)).toEqual(essence(original, true));
      expect(essence(judgePlan(reversed.catalogue, planFile(rotated, { fellowship: true })), false)).toEqual(essence(original, false));
    }
  });
});
