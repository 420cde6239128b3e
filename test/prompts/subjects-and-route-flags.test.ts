import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyFlags } from '../../src/cli/commands/plan/flags.js';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { distributeSubjects, type Distributed } from '../../src/domain/plan/distribute.js';
import { chosenSubjects } from '../../src/domain/plan/draft.js';
import { meetsNeed, pickAmount, pickNeed, withinCap } from '../../src/domain/plan/pick-need.js';
import { NO_ANSWERS, plannerSteps, type Answers, type Step } from '../../src/domain/plan/steps.js';
import { catalogueFrom } from '../domain/catalogues.js';
import { propertyRuns } from '../support/property-runs.js';
import { runInProcess } from '../support/run-in-process.js';
import { polyu } from './harness.js';

// `plan --subjects` takes a subject the routes taken already include as in its place (naming a
// compulsory subject is not an error), and `--route` refuses two words for one choice instead of
// keeping the last. src/domain/plan/distribute.ts places the subjects; src/cli/commands/plan/flags.ts
// reads the flags.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/programmes/${name}.json`, import.meta.url));
const IT = fixture('polyu-msc-information-technology-2024');
const DANCE = fixture('stolaf-ba-dance-2014');

type PickStep = Extract<Step, { kind: 'pick' }>;

describe('--subjects: a subject the plan includes already is in its place', () => {
  const bundled = polyu();
  const it = loadCatalogue(IT);

  test.each([
    ['bundled', 'a compulsory subject', bundled, {}, ['Academic Integrity and Ethics']],
    [
      'bundled',
      'every compulsory subject and the dissertation its route includes',
      bundled,
      { route: 'dissertation' },
      [
        'Academic Integrity and Ethics',
        'Electronic Patient Records',
        'Information Technology in Healthcare',
        'Professional Development in Health Informatics',
        'Dissertation',
      ],
    ],
    [
      'MSc IT',
      'a programme core subject and the ethics subject',
      it,
      {},
      ['Software Engineering and Development', 'Engineering Ethics and Academic Integrity'],
    ],
    [
      'MSc IT',
      'a core subject of the stream taken, and the project',
      it,
      { route: 'nlp-stream,with-project' },
      ['Natural Language Processing', 'Project'],
    ],
  ])('%s: %s is taken, and no pick holds it', (_name, _what, catalogue, flags, subjects) => {
    const answers = applyFlags(catalogue, NO_ANSWERS, { ...flags, subjects });
    expect(Object.values(answers.picks).flat()).toEqual([]);
  });

  test('MSc IT: the stream core it includes is not put in the pick of "Project and 1 elective" beside the elective named', () => {
    const answers = applyFlags(it, NO_ANSWERS, {
      route: 'nlp-stream,with-project',
      subjects: ['Natural Language Processing', 'Information Security'],
    });
    expect(answers.picks).toEqual({ 'capstone/with-project/project-elective': ['information-security'] });
  });

  test.each([
    [
      'bundled: the dissertation under the coursework route',
      bundled,
      'coursework',
      'Dissertation',
      '--subjects "Dissertation" is in no pool',
    ],
    [
      'MSc IT: a core subject of the stream not taken',
      it,
      'vc-stream,with-dissertation',
      'Natural Language Processing',
      '--subjects "Natural Language Processing" is in no pool',
    ],
  ])('%s is refused still', (_what, catalogue, route, subject, message) => {
    expect(() => applyFlags(catalogue, NO_ANSWERS, { route, subjects: [subject] })).toThrow(message);
  });

  test('bundled: plan --json naming the compulsory subjects makes the plan naming only the choices makes; exit 0', async () => {
    const common = [
      'plan',
      '--json',
      '--residency',
      'local',
      '--mode',
      'part-time',
      '--route',
      'dissertation',
      '--no-fellowship',
      '--name',
      'x',
    ];
    const choices = ['Epidemiology', 'Project Management', 'Big Data Computing', 'Health Care Ethics'];
    const named = await runInProcess([...common, '--subjects', 'Academic Integrity and Ethics', ...choices, 'Electronic Patient Records']);
    const plain = await runInProcess([...common, '--subjects', ...choices]);
    expect(named.code, named.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(named.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(named.stdout).verdict.valid).toBe(true);
  });

  test('MSc IT: plan --json names a compulsory subject and the stream core its route includes; exit 0', async () => {
    const result = await runInProcess([
      '--catalogue',
      IT,
      'plan',
      '--json',
      '--residency',
      'local',
      '--mode',
      'full-time',
      '--route',
      'nlp-stream,with-dissertation',
      '--subjects',
      'Engineering Ethics and Academic Integrity',
      'Big Data Computing',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).plan.subjects).toContain('big-data-computing');
  });
});

describe('--route: one word for each choice', () => {
  const it = loadCatalogue(IT);
  const STREAM = "A stream's 4 core subjects, or 4 electives";
  const CAPSTONE = 'Dissertation, Project and 1 elective, or 3 electives';

  test.each([
    ['nlp-stream,vc-stream,with-dissertation', STREAM, 'nlp-stream', 'vc-stream'],
    ['with-project,nlp-stream,with-dissertation', CAPSTONE, 'with-project', 'with-dissertation'],
    ['nlp-stream,with-project,nlp-stream', STREAM, 'nlp-stream', 'nlp-stream'],
    ['no-stream, with-project ,vc-stream', STREAM, 'no-stream', 'vc-stream'],
  ])('%s is refused, naming the choice and both words', (route, choice, first, second) => {
    expect(() => applyFlags(it, NO_ANSWERS, { route })).toThrow(
      `--route answers "${choice}" twice ("${first}" and "${second}"); keep one word for each choice.`,
    );
  });

  test('a word for each choice, in any order, answers both', () => {
    expect(applyFlags(it, NO_ANSWERS, { route: 'with-dissertation,vc-stream' }).routes).toEqual({
      stream: 'vc-stream',
      capstone: 'with-dissertation',
    });
  });

  test('MSc IT: plan exits 2 with the refusal on stderr', async () => {
    const result = await runInProcess([
      '--catalogue',
      IT,
      'plan',
      '--residency',
      'local',
      '--mode',
      'full-time',
      '--route',
      'nlp-stream,vc-stream,with-dissertation',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--route answers "${STREAM}" twice ("nlp-stream" and "vc-stream")`);
    expect(result.stdout).toBe('');
  });

  test('bundled (one choice): two routes are refused too, and exit 2', async () => {
    const result = await runInProcess(['plan', '--residency', 'local', '--mode', 'full-time', '--route', 'dissertation,coursework']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--route "dissertation,coursework" is not a route of this programme; use dissertation or coursework.');
  });
});

/**
 * The distribution read straight off its description (distribute.ts): every leftover subject
 * goes to the first open pick whose pool has it and whose need, worked out afresh, leaves room.
 */
function reference(catalogue: Catalogue, answers: Answers, ids: readonly string[]): Distributed {
  const steps = plannerSteps(catalogue, answers).filter((s): s is PickStep => s.kind === 'pick');
  const cleared = { ...answers.picks } as Record<string, readonly string[]>;
  for (const step of steps) delete cleared[step.key];
  let next: Answers = { ...answers, picks: cleared };
  const placed = new Set(chosenSubjects(catalogue, next));
  let left = ids.filter((id) => !placed.has(id));
  const subjectsOf = (list: readonly string[]) => list.map((id) => catalogue.subjectById.get(id)!);
  for (const step of steps) {
    const need = pickNeed(catalogue, step, next);
    const taken: string[] = [];
    for (const id of left) {
      if (!step.leaf.eligible.has(id) || meetsNeed({ ...need, max: undefined }, pickAmount(need, subjectsOf(taken)))) continue;
      if (withinCap(need, subjectsOf([...taken, id]))) taken.push(id);
    }
    next = { ...next, picks: { ...next.picks, [step.key]: taken } };
    left = left.filter((id) => !taken.includes(id));
  }
  const unplaced: string[] = [];
  for (const id of left) {
    const step = steps.find(
      (s) => s.leaf.eligible.has(id) && withinCap(pickNeed(catalogue, s, next), subjectsOf([...(next.picks[s.key] ?? []), id])),
    );
    if (step === undefined) unplaced.push(id);
    else next = { ...next, picks: { ...next.picks, [step.key]: [...(next.picks[step.key] ?? []), id] } };
  }
  return { answers: next, unplaced };
}

/**
 * Two pools with a maximum below what is left over (at most 2 subjects; at most 5 credits) before
 * one without: a subject placed in one changes what the others' needs count.
 */
const overlapping = catalogueFrom({
  schemaVersion: 2,
  id: 'overlapping-pools',
  programme: { name: 'Test programme', institution: 'Test university', faculty: 'Test faculty', intake: '2025-09' },
  modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
  creditsRequired: 4,
  categories: ['x', 'y'].map((id) => ({ id, label: id, adjective: id })),
  subjects: [
    ...[1, 2, 3, 4, 5].map((i) => ({ id: `x${i}`, title: `Subject x${i}`, category: 'x', credits: 1 })),
    ...[1, 2, 3].map((i) => ({ id: `y${i}`, title: `Subject y${i}`, category: 'y', credits: 2 })),
  ],
  fees: { currency: 'HKD', perCredit: 1000, initialRegistrationCredits: { local: 1, 'non-local': 1 } },
  requirements: [
    { id: 'a', label: 'A', from: { categories: ['x'] }, atLeast: { subjects: 1 }, atMost: { subjects: 2 } },
    { id: 'b', label: 'B', from: { categories: ['x', 'y'] }, atLeast: { subjects: 1 }, atMost: { credits: 5 } },
    { id: 'c', label: 'C', from: { categories: ['x', 'y'] }, atLeast: { subjects: 1 } },
  ],
});

describe('distributeSubjects, for any routes and any list of subjects', () => {
  /** Routes for some of the choices, and some of the subjects in any order. */
  const cases = (catalogue: Catalogue) =>
    fc.record({
      routes: fc.record(
        Object.fromEntries(
          catalogue.requirements.filter((r) => r.options.length > 1).map((r) => [r.id, fc.constantFrom(...r.options.map((o) => o.id))]),
        ),
        { requiredKeys: [] },
      ),
      ids: fc.shuffledSubarray(catalogue.subjects.map((s) => s.id)),
    });

  test.each([
    ['bundled', polyu(), 100],
    ['overlapping pools with a maximum', overlapping, 100],
    ['MSc IT', loadCatalogue(IT), 100],
    // A pool of at least 40 and at most 60 credits: what is left over fills it up to its maximum.
    ['Edinburgh', loadCatalogue(fixture('edinburgh-msc-comparative-public-policy-2025')), 100],
    // The reference works out a need for every leftover subject: a fraction of a second a case here.
    ['St. Olaf dance', loadCatalogue(DANCE), 12],
  ])('%s: the same answers as the reference, and never an included subject left unplaced', (_name, catalogue, runs) => {
    fc.assert(
      fc.property(cases(catalogue), ({ routes, ids }) => {
        const answers: Answers = { ...NO_ANSWERS, routes: routes as Record<string, string> };
        const got = distributeSubjects(catalogue, answers, ids, new Set());
        expect(got).toEqual(reference(catalogue, answers, ids));
        const included = new Set(chosenSubjects(catalogue, answers));
        expect(got.unplaced.filter((id) => included.has(id))).toEqual([]);
      }),
      { numRuns: propertyRuns(runs * 4, runs) },
    );
  });
});
