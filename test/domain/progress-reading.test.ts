import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { chosenSubjects } from '../../src/domain/plan/draft.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { progressReading } from '../../src/domain/plan/progress-reading.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import type { Answers } from '../../src/domain/plan/steps.js';
import { evaluate } from '../../src/domain/rules/engine.js';
import { propertyRuns } from '../support/property-runs.js';
import { catalogueFrom, invented, readJson, real } from './catalogues.js';

// The planner's progress line reads a plan still being made by the routes the student chose
// (src/domain/plan/progress-reading.ts), not by whatever reading meets the most.

const fixture = (name: string) => catalogueFrom(readJson(`test/fixtures/programmes/${name}.json`));
const POLYU_IT = fixture('polyu-msc-information-technology-2024');
const EDINBURGH = fixture('edinburgh-msc-comparative-public-policy-2025');

const subjectsOf = (answers: Answers, catalogue = POLYU_IT) =>
  chosenSubjects(catalogue, answers).map((id) => catalogue.subjectById.get(id)!);

/** The catalogue with each chosen route as its requirement's only one. */
function pinned(catalogue: Catalogue, routes: Readonly<Record<string, string>>): Catalogue {
  return {
    ...catalogue,
    requirements: catalogue.requirements.map((r) => (routes[r.id] ? { ...r, options: r.options.filter((o) => o.id === routes[r.id]) } : r)),
  };
}

describe('progress while planning', () => {
  it("counts a chosen stream's four subjects for the stream, before the capstone is chosen", () => {
    const answers: Answers = { residency: 'local', picks: {}, routes: { stream: 'nlp-stream' } };
    const subjects = subjectsOf(answers);
    const reading = new Map(progressReading(POLYU_IT, answers, subjects).map((r) => [r.id, r]));
    expect(reading.get('stream')).toMatchObject({ satisfied: true, have: 4, need: 4, option: { id: 'nlp-stream' } });
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

  it('reads the whole plan by the chosen routes when reading the chosen ones first would meet fewer', () => {
    // Edinburgh, the semi-core route not chosen yet: read first, the options pool takes "Political
    // Issues" (it may count there), which the semi-core needs; read as a whole, every requirement is met.
    const subjects = [
      'comparative-analysis-of-social-and-public-policy',
      'european-social-policy',
      'political-issues-in-public-policy',
      ...['a', 'b', 'c', 'd', 'g', 'h'].map((x) => `optional-course-${x}`),
      'dissertation',
    ].map((id) => EDINBURGH.subjectById.get(id)!);
    const reading = progressReading(EDINBURGH, { picks: {}, routes: {} }, subjects);
    expect(reading.every((r) => r.satisfied)).toBe(true);
    expect(evaluate(EDINBURGH, subjects).satisfied).toBe(true);
  });

  it('leaves out an exemption the judge leaves out: one no requirement names counts for nothing', () => {
    const plan = JSON.parse(fs.readFileSync('examples/dissertation.json', 'utf8')) as PlanFile;
    const judgement = judgePlan(real, { ...plan, exempted: ['Big Data Computing'] });
    expect(judgement.warnings.map((w) => w.code)).toContain('EXEMPTION_UNUSED');
    const reading = new Map(progressReading(real, { picks: {}, routes: {} }, judgement.judged).map((r) => [r.id, r]));
    expect(reading.get('elective')).toMatchObject({ satisfied: false, have: 1 });
    expect(reading.get('elective')).toEqual(judgement.requirements.find((r) => r.id === 'elective'));
  });

  describe.each([
    ['the bundled catalogue', real],
    ['the invented programme', invented],
    ['PolyU IT', POLYU_IT],
    ['Edinburgh', EDINBURGH],
    ['Sydney', fixture('usyd-master-of-computer-science-2025')],
    ['St. Olaf', fixture('stolaf-ba-dance-2014')],
  ])('%s', (_, catalogue) => {
    const withChoices = catalogue.requirements.filter((r) => r.options.length > 1);
    const routes = fc
      .tuple(...withChoices.map((r) => fc.option(fc.constantFrom(...r.options.map((o) => o.id)), { nil: undefined })))
      .map(
        (ids) =>
          Object.fromEntries(withChoices.flatMap((r, i) => (ids[i] === undefined ? [] : [[r.id, ids[i]!]]))) as Record<string, string>,
      );

    it('lists every requirement once, in the catalogue order; meets all that the chosen routes can meet together; and is the engine by those routes once all are chosen', () => {
      fc.assert(
        fc.property(routes, fc.subarray([...catalogue.subjects]), (chosen, subjects) => {
          const reading = progressReading(catalogue, { picks: {}, routes: chosen }, subjects);
          expect(reading.map((r) => r.id)).toEqual(catalogue.requirements.map((r) => r.id));
          const byRoutes = evaluate(pinned(catalogue, chosen), subjects);
          if (byRoutes.satisfied) expect(reading.every((r) => r.satisfied)).toBe(true);
          if (Object.keys(chosen).length === withChoices.length) {
            expect(reading.map((r) => ({ ...r, option: null }))).toEqual(byRoutes.requirements.map((r) => ({ ...r, option: null })));
          }
          for (const r of reading) if (chosen[r.id]) expect(r.option?.id).toBe(chosen[r.id]);
        }),
        { numRuns: propertyRuns(200, 40) },
      );
    });
  });
});
