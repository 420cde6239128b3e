import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heavyNote, loadText, normalLoadSentence } from '../../src/cli/prompts/schedule-load.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { proposeSchedule } from '../../src/domain/schedule/propose.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { catalogueFrom, realJson } from '../domain/catalogues.js';

// The catalogue's load guidance: in subjects (the bundled catalogue, as PolyU gives it) or in
// credits (other catalogues), and every place that reads it.

/** The bundled catalogue with each mode's load replaced. */
function withLoad(load: Record<string, Record<string, unknown>>) {
  const data = realJson();
  for (const mode of data.modes) mode.load = load[mode.id];
  return data;
}

const semesters = (entry: Record<string, number>) => ({ 'semester-one': entry, 'semester-two': entry });

describe('the catalogue format', () => {
  it.each([
    ['subjects', semesters({ minSubjects: 2, maxSubjects: 2 })],
    ['credits', semesters({ minCredits: 6, maxCredits: 6 })],
    ['both', semesters({ minSubjects: 2, maxSubjects: 2, minCredits: 6, maxCredits: 9 })],
  ])('accepts a load in %s', (_name, load) => {
    expect(parseCatalogue(withLoad({ 'part-time': load })).ok).toBe(true);
  });

  it.each([
    ['minSubjects above maxSubjects', { minSubjects: 3, maxSubjects: 2 }, 'has minSubjects above maxSubjects'],
    ['minCredits above maxCredits', { minCredits: 9, maxCredits: 6 }, 'has minCredits above maxCredits'],
    ['a half pair', { maxSubjects: 2 }, 'gives maxSubjects without minSubjects; give both, or neither'],
    ['no pair at all', {}, 'gives no load; give minSubjects and maxSubjects, or minCredits and maxCredits'],
  ])('refuses %s, saying where and what to do', (_name, entry, message) => {
    const result = parseCatalogue(withLoad({ 'part-time': { 'semester-one': entry } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: 'modes[1].load.semester-one',
      message: expect.stringContaining(message),
      code: 'INVALID',
    });
  });

  it('the bundled catalogue gives the guidance in subjects: full-time 4 to 5 a semester, part-time 2, nothing for the Summer Term', () => {
    const data = realJson();
    expect(Object.fromEntries(data.modes.map((m: { id: string; load: unknown }) => [m.id, m.load]))).toEqual({
      'full-time': semesters({ minSubjects: 4, maxSubjects: 5 }),
      'part-time': semesters({ minSubjects: 2, maxSubjects: 2 }),
    });
    const provenance = data.provenance.find((p: { path: string }) => p.path === '/modes/*/load');
    expect(provenance.source).toContain('in subjects, not credits');
    expect(provenance.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a catalogue whose guidance is in credits keeps working in credits', () => {
  const catalogue = catalogueFrom(
    withLoad({ 'full-time': semesters({ minCredits: 12, maxCredits: 15 }), 'part-time': semesters({ minCredits: 6, maxCredits: 6 }) }),
  );
  const subjects = (ids: string[]) => ids.map((id) => catalogue.subjectById.get(id)!);
  const dissertationRoute = subjects([
    'electronic-patient-records',
    'information-technology-in-healthcare',
    'professional-development-in-health-informatics',
    'academic-integrity-and-ethics',
    'epidemiology',
    'project-management',
    'big-data-computing',
    'health-care-ethics',
    'dissertation',
  ]);

  it('the proposal fills each part-time semester to 6 credits; the Dissertation, larger than that, alone', () => {
    const { terms, unplaced } = proposeSchedule(catalogue, 'part-time', dissertationRoute);
    expect(unplaced).toEqual([]);
    const used = terms.filter((t) => t.subjects.length > 0);
    for (const t of used) if (t.subjects.length > 1) expect(t.subjects.reduce((sum, s) => sum + s.credits, 0)).toBeLessThanOrEqual(6);
    expect(used.at(-1)!.subjects.map((s) => s.id)).toEqual(['dissertation']);
  });

  it("the overload warning and the planner's markers count credits", () => {
    const plan = {
      residency: 'local' as const,
      mode: 'part-time',
      fellowship: false,
      subjects: dissertationRoute.map((s) => s.id),
      schedule: [
        { term: 'Semester One 2024/25', subjects: dissertationRoute.slice(0, 4).map((s) => s.id) },
        { term: 'Semester Two 2024/25', subjects: dissertationRoute.slice(4).map((s) => s.id) },
      ],
    };
    const warnings = judgePlan(catalogue, plan)
      .warnings.filter((w) => w.code === 'SCHEDULE_OVERLOAD')
      .map((w) => w.message);
    expect(warnings).toEqual([
      'Semester One 2024/25 has 10 credits, above the normal 6 credits a term for part-time study; expect a heavy term, or move a subject to a lighter one.',
      'Semester Two 2024/25 has 21 credits, above the normal 6 credits a term for part-time study; expect a heavy term, or move a subject to a lighter one.',
    ]);
    const semesterOne = termAt(catalogue, 0);
    expect(heavyNote(catalogue, 'part-time', semesterOne, { subjects: 4, credits: 10 })).toBe('! over 6 cr');
    expect(loadText(catalogue, 'part-time', semesterOne, { subjects: 2, credits: 6 })).toBe('6 of 6 cr');
    expect(loadText(catalogue, 'part-time', termAt(catalogue, 2), { subjects: 1, credits: 3 })).toBe('3 cr, no normal load');
    expect(normalLoadSentence(catalogue, 'full-time')).toBe(
      'Normal load for full-time study: 12 to 15 credits a term in Semester One and Semester Two. Other terms are used only for what those cannot hold in the normal 1 year.',
    );
  });
});

describe("the planner's words for a load in subjects", () => {
  const catalogue = catalogueFrom(realJson());
  const [semesterOne, , summer] = [0, 1, 2].map((i) => termAt(catalogue, i));

  it.each([
    ['part-time', { subjects: 2, credits: 12 }, '2 of 2 subjects'],
    ['part-time', { subjects: 0, credits: 0 }, '0 of 2 subjects'],
    ['full-time', { subjects: 5, credits: 13 }, '5 of 4 to 5 subjects'],
  ])('%s, %o: "%s"', (mode, load, text) => {
    expect(loadText(catalogue, mode, semesterOne!, load)).toBe(text);
  });

  it('a term without guidance is told in the unit of the rest', () => {
    expect(loadText(catalogue, 'part-time', summer!, { subjects: 1, credits: 9 })).toBe('1 subject, no normal load');
    expect(loadText(catalogue, 'part-time', summer!, { subjects: 0, credits: 0 })).toBe('0 subjects, no normal load');
  });

  it('a heavy term is marked by the subjects it may hold', () => {
    expect(heavyNote(catalogue, 'part-time', semesterOne!, { subjects: 3, credits: 9 })).toBe('! over 2 subjects');
    expect(heavyNote(catalogue, 'full-time', semesterOne!, { subjects: 6, credits: 16 })).toBe('! over 5 subjects');
  });

  it('the sentence above the timeline', () => {
    expect(normalLoadSentence(catalogue, 'full-time')).toBe(
      'Normal load for full-time study: 4 to 5 subjects a term in Semester One and Semester Two. Other terms are used only for what those cannot hold in the normal 1 year.',
    );
  });
});

describe('property: the proposal under the bundled guidance', () => {
  const catalogue = catalogueFrom(realJson());
  const compulsory = catalogue.subjects.filter((s) => s.category === 'compulsory');
  const others = catalogue.subjects.filter((s) => s.category !== 'compulsory');
  // Per mode: the most a semester holds, the semesters and the summers within the normal duration.
  const MODES = {
    'full-time': { max: 5, semesters: 2, summers: 1, duration: 3 },
    'part-time': { max: 2, semesters: 6, summers: 3, duration: 9 },
  } as const;

  it('keeps every semester within its subjects, uses a summer only inside the normal duration and only for what the semesters there cannot hold, and finishes within it when it can', () => {
    fc.assert(
      fc.property(fc.constantFrom('full-time', 'part-time'), fc.subarray(others, { minLength: 0, maxLength: 16 }), (mode, chosen) => {
        const { max, semesters, summers, duration } = MODES[mode];
        const subjects = [...compulsory, ...chosen];
        const { terms, unplaced } = proposeSchedule(catalogue, mode, subjects);
        expect(unplaced).toEqual([]);
        expect(terms.flatMap((t) => t.subjects)).toHaveLength(subjects.length);
        const summerTerms = terms.filter((t) => t.term.kind.id === 'summer' && t.subjects.length > 0);
        for (const t of terms) if (t.term.kind.id !== 'summer') expect(t.subjects.length).toBeLessThanOrEqual(max);
        for (const t of summerTerms) expect(t.term.index).toBeLessThan(duration);
        const inSummers = summerTerms.reduce((n, t) => n + t.subjects.length, 0);
        expect(inSummers).toBeLessThanOrEqual(Math.max(0, subjects.length - max * semesters));
        // A plan the normal duration can hold (semesters, then summers of at most a semester's load) ends within it.
        if (subjects.length <= max * (semesters + summers)) expect(terms.at(-1)!.term.index).toBeLessThan(duration);
      }),
      { numRuns: 150 },
    );
  });
});
