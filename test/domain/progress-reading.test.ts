import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chosenSubjects } from '../../src/domain/plan/draft.js';
import { progressReading } from '../../src/domain/plan/progress-reading.js';
import type { Answers } from '../../src/domain/plan/steps.js';
import { evaluate } from '../../src/domain/rules/engine.js';
import { propertyRuns } from '../support/property-runs.js';
import { catalogueFrom, readJson, real } from './catalogues.js';

// The planner's progress line reads a plan still being made by the routes the student chose
// (src/domain/plan/progress-reading.ts), not by whatever reading meets the most.

const POLYU_IT = catalogueFrom(readJson('test/fixtures/programmes/polyu-msc-information-technology-2024.json'));

const subjectsOf = (answers: Answers, catalogue = POLYU_IT) =>
  chosenSubjects(catalogue, answers).map((id) => catalogue.subjectById.get(id)!);

describe('progress while planning', () => {
  it("counts a chosen stream's four subjects for the stream, before the capstone is chosen", () => {
    const answers: Answers = { residency: 'local', picks: {}, routes: { stream: 'nlp-stream' } };
    const subjects = subjectsOf(answers);
    const reading = new Map(progressReading(POLYU_IT, answers, subjects).map((r) => [r.id, r]));
    expect(reading.get('stream')).toMatchObject({ satisfied: true, have: 4, need: 4 });
    expect(reading.get('capstone')).toMatchObject({ satisfied: false, have: 0 });
    // What the engine alone makes of the same subjects: three of the stream's as "3 electives".
    const free = new Map(evaluate(POLYU_IT, subjects).requirements.map((r) => [r.id, r]));
    expect(free.get('stream')).toMatchObject({ satisfied: false, have: 1 });
    expect(free.get('capstone')).toMatchObject({ satisfied: true, option: { id: 'without-dissertation-or-project' } });
  });

  it('reads a requirement whose route is still open by what the others leave', () => {
    const answers: Answers = { residency: 'local', picks: {}, routes: {} };
    const core = real.subjects.filter((s) => s.category === 'core').slice(0, 4);
    const elective = real.subjects.filter((s) => s.category === 'elective').slice(0, 2);
    const compulsory = subjectsOf(answers, real);
    const reading = new Map(progressReading(real, answers, [...compulsory, ...core, ...elective]).map((r) => [r.id, r]));
    expect(reading.get('core')).toMatchObject({ satisfied: true, have: 2 });
    expect(reading.get('elective')).toMatchObject({ satisfied: true, have: 2 });
    // Two cores beyond the two required: 2 of the "3 more" the coursework route asks.
    expect(reading.get('dissertation-or-coursework')).toMatchObject({ satisfied: false, have: 2, need: 3 });
  });

  it('never counts a subject twice, lists every requirement once in the catalogue order, and agrees with the engine once every route is chosen', () => {
    const routeChoices = (catalogue: typeof POLYU_IT) =>
      fc.record(
        Object.fromEntries(
          catalogue.requirements
            .filter((r) => r.options.length > 1)
            .map((r) => [r.id, fc.option(fc.constantFrom(...r.options.map((o) => o.id)), { nil: undefined })]),
        ),
      );
    for (const catalogue of [real, POLYU_IT]) {
      fc.assert(
        fc.property(routeChoices(catalogue), fc.subarray([...catalogue.subjects]), (chosen, subjects) => {
          const routes = Object.fromEntries(Object.entries(chosen).filter(([, id]) => id !== undefined)) as Record<string, string>;
          const reading = progressReading(catalogue, { picks: {}, routes }, subjects);
          expect(reading.map((r) => r.id)).toEqual(catalogue.requirements.map((r) => r.id));
          const counted = reading.flatMap((r) => r.counted);
          expect(new Set(counted).size).toBe(counted.length);
          if (Object.keys(routes).length === catalogue.requirements.filter((r) => r.options.length > 1).length) {
            const shaped = {
              ...catalogue,
              requirements: catalogue.requirements.map((r) =>
                r.options.length > 1 ? { ...r, options: r.options.filter((o) => o.id === routes[r.id]) } : r,
              ),
            };
            expect(reading).toEqual(evaluate(shaped, subjects).requirements);
          }
        }),
        { numRuns: propertyRuns(300, 60) },
      );
    }
  });
});
