import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue, Subject } from '../../src/domain/catalogue/model.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { evaluate } from '../../src/domain/rules/engine.js';
import { propertyRuns } from '../support/property-runs.js';

const RUNS = propertyRuns(600, 240);

// The engine (a minimum-cost flow per choice of alternatives) against brute force: every way of
// giving each planned subject to one requirement or none, on small random catalogues.

type RuleType = 'all' | 'subjects' | 'credits';
interface RuleShape {
  type: RuleType;
  min: number;
  categories: number[];
  subjects: number[];
}
type RequirementShape = { rule: RuleShape } | { anyOf: [RuleShape, RuleShape] };
interface Shape {
  categoryCount: number;
  subjects: { category: number; credits: number }[];
  requirements: RequirementShape[];
  /** The one requirement whose rules may count credits (-1: none), so no choice has two credit rules. */
  creditRequirement: number;
}

const ruleShape = fc.record({
  type: fc.constantFrom<RuleType>('all', 'subjects', 'subjects', 'credits', 'credits'),
  min: fc.integer({ min: 1, max: 6 }),
  categories: fc.uniqueArray(fc.nat(3), { maxLength: 3 }),
  subjects: fc.uniqueArray(fc.nat(7), { maxLength: 3 }),
});
const requirementShape: fc.Arbitrary<RequirementShape> = fc.oneof(
  ruleShape.map((rule) => ({ rule })),
  fc.tuple(ruleShape, ruleShape).map((anyOf) => ({ anyOf })),
);
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  categoryCount: fc.integer({ min: 2, max: 4 }),
  subjects: fc.array(fc.record({ category: fc.nat(3), credits: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 8 }),
  requirements: fc.array(requirementShape, { minLength: 1, maxLength: 3 }),
  creditRequirement: fc.integer({ min: -1, max: 2 }),
});

/** The rule as the catalogue will hold it: indices wrapped into range, never selecting nothing. */
function normaliseRule(rule: RuleShape, shape: Shape, requirement: number): RuleShape {
  const categories = [...new Set(rule.categories.map((c) => c % shape.categoryCount))];
  const subjects = [...new Set(rule.subjects.map((s) => s % shape.subjects.length))];
  if (categories.length === 0 && subjects.length === 0) categories.push(0);
  const type = rule.type === 'credits' && requirement !== shape.creditRequirement ? 'subjects' : rule.type;
  const min = type === 'subjects' ? Math.min(rule.min, 3) : rule.min;
  return { type, min, categories, subjects };
}

function rulesOf(shape: Shape): RuleShape[][] {
  return shape.requirements.map((r, i) => ('rule' in r ? [r.rule] : r.anyOf).map((rule) => normaliseRule(rule, shape, i)));
}

function catalogueJson(shape: Shape) {
  const ruleJson = (r: RuleShape) => ({
    type: r.type,
    ...(r.type === 'all' ? {} : { min: r.min }),
    from: {
      ...(r.categories.length ? { categories: r.categories.map((c) => `c${c}`) } : {}),
      ...(r.subjects.length ? { subjects: r.subjects.map((s) => `s${s}`) } : {}),
    },
  });
  return {
    schemaVersion: 1,
    id: 'random',
    programme: { name: 'Random', institution: 'Test', intake: '2030-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    creditsRequired: 1,
    categories: Array.from({ length: shape.categoryCount }, (_, c) => ({ id: `c${c}`, label: `Category ${c}`, adjective: `c${c}` })),
    subjects: shape.subjects.map((s, i) => ({
      id: `s${i}`,
      title: `Subject ${i}`,
      category: `c${s.category % shape.categoryCount}`,
      credits: s.credits,
    })),
    fees: { currency: 'HKD', perCredit: 1, initialRegistrationCredits: { local: 0, 'non-local': 0 } },
    requirements: rulesOf(shape).map((options, i) =>
      options.length === 1
        ? { id: `r${i}`, label: `Requirement ${i}`, rule: ruleJson(options[0]!) }
        : {
            id: `r${i}`,
            label: `Requirement ${i}`,
            anyOf: options.map((o, j) => ({ id: `o${j}`, label: `Option ${j}`, rule: ruleJson(o) })),
          },
    ),
  };
}

// The oracle works from the shape alone, not from anything the code under test built.
function eligible(shape: Shape, rule: RuleShape): Set<number> {
  const out = new Set(rule.subjects);
  shape.subjects.forEach((s, i) => {
    if (rule.categories.includes(s.category % shape.categoryCount)) out.add(i);
  });
  return out;
}

function ruleMet(shape: Shape, rule: RuleShape, assigned: readonly number[]): boolean {
  const pool = eligible(shape, rule);
  const inPool = assigned.filter((s) => pool.has(s));
  if (rule.type === 'all') return [...pool].every((s) => assigned.includes(s));
  if (rule.type === 'subjects') return inPool.length >= rule.min;
  return inPool.reduce((sum, s) => sum + shape.subjects[s]!.credits, 0) >= rule.min;
}

/** Whether some assignment of each planned subject to one requirement (or none) meets every requirement. */
function oracle(shape: Shape, plan: readonly number[]): boolean {
  const rules = rulesOf(shape);
  const groups: number[][] = rules.map(() => []);
  const search = (k: number): boolean => {
    if (k === plan.length) return rules.every((options, r) => options.some((rule) => ruleMet(shape, rule, groups[r]!)));
    if (search(k + 1)) return true; // counted nowhere
    for (let r = 0; r < rules.length; r++) {
      groups[r]!.push(plan[k]!);
      const found = search(k + 1);
      groups[r]!.pop();
      if (found) return true;
    }
    return false;
  };
  return search(0);
}

const indexOf = (subject: Subject) => Number(subject.id.slice(1));

function checkPlan(shape: Shape, catalogue: Catalogue, plan: readonly number[]): boolean {
  const evaluation = evaluate(
    catalogue,
    plan.map((i) => catalogue.subjectById.get(`s${i}`)!),
  );
  const expected = oracle(shape, plan);
  expect(evaluation.satisfied).toBe(expected);
  expect(evaluation.satisfied).toBe(evaluation.requirements.every((r) => r.satisfied));
  const rules = rulesOf(shape);
  const seen = new Set<number>();
  evaluation.requirements.forEach((result, r) => {
    const optionIndex = result.option ? Number(result.option.id.slice(1)) : 0;
    const rule = rules[r]![optionIndex]!;
    const pool = eligible(shape, rule);
    const counted = result.counted.map(indexOf);
    for (const s of counted) {
      expect(seen.has(s), `s${s} counted twice`).toBe(false);
      seen.add(s);
      expect(plan).toContain(s);
      expect(pool.has(s), `s${s} is not in the pool of r${r}`).toBe(true);
    }
    // What is reported as satisfied really is, by the counted subjects alone.
    if (result.satisfied) expect(ruleMet(shape, rule, counted)).toBe(true);
    expect(result.missing === null).toBe(result.satisfied);
  });
  return expected;
}

describe('the rules engine against brute force', () => {
  it('agrees with the oracle on random small catalogues and plans', () => {
    const tally = { accepted: 0, unreachable: 0, tooFewCredits: 0, valid: 0, invalid: 0 };
    const input = shapeArb.chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.array(
          fc.shuffledSubarray(
            shape.subjects.map((_, i) => i),
            { maxLength: Math.min(7, shape.subjects.length) },
          ),
          { minLength: 1, maxLength: 4 },
        ),
      ),
    );
    fc.assert(
      fc.property(input, ([shape, plans]) => {
        const all = shape.subjects.map((_, i) => i);
        const result = parseCatalogue(catalogueJson(shape));
        if (!result.ok) {
          // Rejected only because no plan can meet it (at most one credit rule applies by construction).
          const first = result.issues[0]!;
          if (first.path === 'creditsRequired') {
            tally.tooFewCredits++;
            expect(shape.subjects.every((s) => s.credits === 0)).toBe(true);
            return;
          }
          expect(first.path).toMatch(/^requirements\[\d\]$/);
          expect(first.message).toContain('cannot be met by any plan');
          expect(oracle(shape, all)).toBe(false);
          tally.unreachable++;
          return;
        }
        tally.accepted++;
        expect(oracle(shape, all)).toBe(true);
        for (const plan of plans) {
          if (checkPlan(shape, result.catalogue, plan)) tally.valid++;
          else tally.invalid++;
        }
      }),
      { numRuns: RUNS },
    );
    // The run must have exercised both verdicts and both kinds of catalogue.
    // The same shares of the runs as the full 600 had: a quarter accepted, a twentieth unreachable, ...
    expect(tally.accepted).toBeGreaterThan(RUNS / 4);
    expect(tally.unreachable).toBeGreaterThan(RUNS / 20);
    expect(tally.valid).toBeGreaterThan(RUNS / 6);
    expect(tally.invalid).toBeGreaterThan(RUNS / 6);
  });

  it('a credit rule competing with a count rule for the same subjects', () => {
    // r0: 2 subjects of c0; r1: 5 credits of c0. Plan order puts the big subjects first, so a
    // greedy engine would give them to r0 and leave r1 short.
    const shape: Shape = {
      categoryCount: 2,
      subjects: [
        { category: 0, credits: 3 },
        { category: 0, credits: 3 },
        { category: 0, credits: 1 },
        { category: 0, credits: 0 },
      ],
      requirements: [
        { rule: { type: 'subjects', min: 2, categories: [0], subjects: [] } },
        { rule: { type: 'credits', min: 5, categories: [0], subjects: [] } },
      ],
      creditRequirement: 1,
    };
    const result = parseCatalogue(catalogueJson(shape));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(checkPlan(shape, result.catalogue, [0, 1, 2, 3])).toBe(true);
    expect(checkPlan(shape, result.catalogue, [0, 1, 2])).toBe(false);
  });
});
