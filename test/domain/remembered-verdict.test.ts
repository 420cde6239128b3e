import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue, Subject } from '../../src/domain/catalogue/model.js';
import { canonicalPlan, canonicalPlanOf } from '../../src/domain/rules/canonical.js';
import { evaluate } from '../../src/domain/rules/engine.js';
import { Remembered } from '../../src/domain/rules/remembered.js';
import { propertyRuns } from '../support/property-runs.js';
import { catalogueFrom, invented, readJson, real } from './catalogues.js';

// evaluate remembers each catalogue's verdict per set of subjects (src/domain/rules/remembered.ts).
// A copy of a catalogue (`{ ...catalogue }`) is another catalogue to it, with nothing remembered,
// so it decides afresh: what comes from memory must be exactly that.

/** Some of the catalogue's subjects, and the same ones in another order. */
const twoOrders = (catalogue: Catalogue) =>
  fc
    .subarray([...catalogue.subjects])
    .chain((subjects) => fc.tuple(fc.constant(subjects), fc.shuffledSubarray(subjects, { minLength: subjects.length })));

// Judged by the state search (a version 2 catalogue with shared pools and limits), not the flow.
const searched = catalogueFrom(readJson('test/fixtures/programmes/usyd-master-of-computer-science-2025.json'));

describe.each([
  ['the real programme', real],
  ['the invented programme', invented],
  ['a programme the search judges', searched],
])('remembered verdicts, %s', (_, base) => {
  it('equal a fresh evaluation, whatever order the same subjects come in', () => {
    // A copy of its own, whose memory other tests have not filled up to its bound.
    const catalogue = { ...base };
    fc.assert(
      fc.property(twoOrders(catalogue), ([first, second]) => {
        const once = evaluate(catalogue, first);
        // The same set again, in another order: its verdict comes from memory.
        const again = evaluate(catalogue, second);
        expect(once).toEqual(evaluate({ ...catalogue }, first));
        expect(again).toEqual(evaluate({ ...catalogue }, second));
        // Each requirement lists its subjects in the order of the plan it was asked for.
        for (const requirement of again.requirements) {
          const places = requirement.counted.map((s) => second.indexOf(s));
          expect(places).toEqual([...places].sort((a, b) => a - b));
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('are never changed by what a caller does with an evaluation', () => {
    const catalogue = { ...base };
    const subjects = [...catalogue.subjects].slice(0, 12);
    const first = evaluate(catalogue, subjects);
    for (const requirement of first.requirements) requirement.counted.reverse();
    expect(evaluate(catalogue, subjects)).toEqual(evaluate({ ...catalogue }, subjects));
  });
});

describe('canonicalPlanOf', () => {
  it('orders a plan as canonicalPlan does, with a key shared exactly by plans of the same subjects', () => {
    fc.assert(
      fc.property(twoOrders(real), fc.subarray([...real.subjects]), ([first, second], other) => {
        const a = canonicalPlanOf(real, first);
        expect(a.plan).toEqual(canonicalPlan(first));
        expect(canonicalPlanOf(real, second).key).toBe(a.key);
        const sameSet = other.length === first.length && other.every((s) => first.includes(s));
        expect(canonicalPlanOf(real, other).key === a.key).toBe(sameSet);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('has no key for a subject that is not one of the catalogue objects, and still sorts by identifier', () => {
    const stranger: Subject = { ...real.subjects[0]! };
    const plan = [real.subjects[3]!, stranger, real.subjects[1]!];
    expect(canonicalPlanOf(real, plan)).toEqual({ plan: canonicalPlan(plan), key: undefined });
  });
});

describe('Remembered', () => {
  it('works a key out once, and past its bound remembers nothing more', () => {
    const memory = new Remembered<number>(2);
    let worked = 0;
    const work = (value: number) => () => {
      worked++;
      return value;
    };
    expect([memory.get(real, 'a', work(1)), memory.get(real, 'a', work(9))]).toEqual([1, 1]);
    expect(memory.get(invented, 'a', work(2))).toBe(2);
    expect(memory.get(real, 'b', work(3))).toBe(3);
    // Full for this catalogue: "c" is worked out every time it is asked for.
    expect([memory.get(real, 'c', work(4)), memory.get(real, 'c', work(5))]).toEqual([4, 5]);
    expect(memory.get(real, 'b', work(9))).toBe(3);
    expect(worked).toBe(5);
  });
});
