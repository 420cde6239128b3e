import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answersFromDraft, draftFromAnswers } from '../../src/cli/commands/plan/draft.js';
import { flagSlots, routeOption, routeWords } from '../../src/cli/commands/plan/flag-slots.js';
import { chosenSubjects, pickPool, planFromAnswers } from '../../src/domain/plan/draft.js';
import { pickFits, pickNeed } from '../../src/domain/plan/pick-need.js';
import { isAnswered, NO_ANSWERS, plannerSteps, type Answers, type Step } from '../../src/domain/plan/steps.js';
import { invented, polyu } from './harness.js';

// The planner's steps are read off the catalogue's requirements; these tests pin how.

const firstUnanswered = (c: ReturnType<typeof polyu>, answers: Answers) => plannerSteps(c, answers).find((s) => !isAnswered(s, answers));
const describeStep = (s: Step) =>
  s.kind === 'include' || s.kind === 'pick' ? `${s.kind}:${s.key}` : s.kind === 'route' ? `route:${s.requirement.id}` : s.kind;

describe('steps from the catalogue', () => {
  test.each([
    [
      'PolyU, no route yet',
      polyu,
      { residency: 'local' as const },
      [
        'residency',
        'mode',
        'include:compulsory',
        'pick:core',
        'pick:elective',
        'route:dissertation-or-coursework',
        'schedule',
        'fellowship',
        'name',
      ],
    ],
    [
      'PolyU, dissertation',
      polyu,
      { residency: 'local' as const, routes: { 'dissertation-or-coursework': 'dissertation' } },
      [
        'residency',
        'mode',
        'include:compulsory',
        'pick:core',
        'pick:elective',
        'route:dissertation-or-coursework',
        'include:dissertation-or-coursework/dissertation',
        'schedule',
        'fellowship',
        'name',
      ],
    ],
    [
      'PolyU, coursework, non-local',
      polyu,
      { residency: 'non-local' as const, routes: { 'dissertation-or-coursework': 'coursework' } },
      [
        'residency',
        'mode',
        'include:compulsory',
        'pick:core',
        'pick:elective',
        'route:dissertation-or-coursework',
        'pick:dissertation-or-coursework/coursework',
        'schedule',
        'name',
      ],
    ],
    [
      'invented, placement, non-local',
      invented,
      { residency: 'non-local' as const, routes: { finale: 'placement' } },
      [
        'residency',
        'mode',
        'include:foundation',
        'pick:methods',
        'pick:options',
        'route:finale',
        'include:finale/placement',
        'schedule',
        'fellowship',
        'name',
      ],
    ],
  ])('%s', (_, catalogue, answers, expected) => {
    expect(plannerSteps(catalogue(), { ...NO_ANSWERS, ...answers }).map(describeStep)).toEqual(expected);
  });

  test('the first unanswered step: an included requirement never needs an answer', () => {
    const c = polyu();
    expect(firstUnanswered(c, NO_ANSWERS)?.kind).toBe('residency');
    expect(describeStep(firstUnanswered(c, { ...NO_ANSWERS, residency: 'local', mode: 'full-time' })!)).toBe('pick:core');
    // A route naming an option the catalogue does not have is no answer.
    const unknownRoute = {
      residency: 'local' as const,
      mode: 'full-time',
      picks: { core: [], elective: [] },
      routes: { 'dissertation-or-coursework': 'gap-year' },
    };
    expect(describeStep(firstUnanswered(c, unknownRoute)!)).toBe('route:dissertation-or-coursework');
  });
});

describe('picks', () => {
  const c = polyu();
  const answers = {
    residency: 'local' as const,
    picks: { core: ['epidemiology', 'project-management'], elective: ['big-data-computing', 'health-care-ethics'] },
    routes: { 'dissertation-or-coursework': 'coursework' },
  } satisfies Answers;
  const extra = plannerSteps(c, answers).find((s) => s.kind === 'pick' && s.exact) as Extract<Step, { kind: 'pick' }>;

  test('an alternative offers only what no other step has chosen, and asks exactly its count', () => {
    const pool = pickPool(c, extra, answers).map((s) => s.id);
    expect(pool).toHaveLength(12 + 22 - 4);
    expect(pool).not.toContain('epidemiology');
    expect(pool).not.toContain('dissertation');
    expect(pickNeed(c, extra, answers)).toEqual({ unit: 'subject', min: 3, max: 3, required: 3 });
  });

  test('a plain requirement asks at least its count; a credit rule counts credits', () => {
    const core = plannerSteps(c, answers).find((s) => s.kind === 'pick') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(c, core, answers)).toEqual({ unit: 'subject', min: 2, max: undefined, required: 2 });
    const i = invented();
    const options = plannerSteps(i, NO_ANSWERS).find((s) => s.kind === 'pick' && s.key === 'options') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(i, options, NO_ANSWERS)).toEqual({ unit: 'credit', min: 8, max: undefined, required: 8 });
  });

  test('a pool smaller than the rule asks for all it has, so the step can always be answered', () => {
    const i = invented();
    // Three of the four methods subjects are taken by the alternative: the methods step can offer one.
    const taken: Answers = {
      ...NO_ANSWERS,
      picks: { 'finale/broad': ['survey-methods', 'causal-inference', 'qualitative-research'] },
      routes: { finale: 'broad' },
    };
    const methods = plannerSteps(i, taken).find((s) => s.kind === 'pick' && s.key === 'methods') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(i, methods, taken)).toEqual({ unit: 'subject', min: 1, max: undefined, required: 3 });
  });

  test('the plan holds what applies: a route no longer taken keeps its picks in the answers, not in the plan', () => {
    const switched = {
      ...answers,
      picks: { ...answers.picks, [extra.key]: ['business-analytics'] },
      routes: { 'dissertation-or-coursework': 'dissertation' },
    };
    expect(chosenSubjects(c, switched)).toContain('dissertation');
    expect(chosenSubjects(c, switched)).not.toContain('business-analytics');
  });

  test('the fellowship is in the plan only where the residency may hold it', () => {
    expect(planFromAnswers(c, { ...answers, fellowship: true }).fellowship).toBe(true);
    expect(planFromAnswers(c, { ...answers, residency: 'non-local', fellowship: true }).fellowship).toBe(false);
  });
});

describe('a pick asks for what its requirement still misses, given every other answer', () => {
  const c = polyu();
  const CORES = [
    'artificial-intelligence-concepts',
    'business-analytics',
    'computer-programming-for-healthcare',
    'digital-imaging-and-pacs',
    'epidemiology',
  ];
  const ELECTIVES = ['advanced-statistics-in-health-care-research', 'big-data-computing', 'health-care-ethics', 'healthcare-innovation'];
  const EXTRA = 'dissertation-or-coursework/coursework';
  const coursework = { 'dissertation-or-coursework': 'coursework' };
  const pickAt = (catalogue: ReturnType<typeof polyu>, answers: Answers, key: string) =>
    plannerSteps(catalogue, answers).find((s): s is Extract<Step, { kind: 'pick' }> => s.kind === 'pick' && s.key === key)!;

  test.each([
    // [what, core picks, elective picks, extra picks, route, step, min, max]
    ['2 cores, 2 electives: 3 more', 2, 2, 0, coursework, EXTRA, 3, 3],
    ['4 cores, 2 electives: 1 more', 4, 2, 0, coursework, EXTRA, 1, 1],
    ['3 cores, 3 electives: 1 more', 3, 3, 0, coursework, EXTRA, 1, 1],
    ['5 cores, 2 electives: none more', 5, 2, 0, coursework, EXTRA, 0, 0],
    ['4 cores, 4 electives: none more', 4, 4, 0, coursework, EXTRA, 0, 0],
    ['the core step, nothing else chosen: at least 2', 0, 0, 0, {}, 'core', 2, undefined],
    ['the core step when two extra electives and a core make up the 3 more: still at least 2', 0, 4, 1, coursework, 'core', 2, undefined],
    // The replacement subject is a core (Epidemiology), but the 3 more keep it: the core step still asks 2.
    ['the core step with a core among the 3 more: still at least 2', 0, 2, 3, coursework, 'core', 2, undefined],
    ['the elective step after 4 cores: at least 2 (cores are not electives)', 4, 0, 0, {}, 'elective', 2, undefined],
  ] as const)('%s', (_, cores, electives, extras, routes, key, min, max) => {
    // Extra picks come from what the core and elective picks leave: the fifth core, then the last electives.
    const extraIds = [CORES[4]!, ...ELECTIVES.slice(2)].slice(0, extras);
    const answers: Answers = {
      ...NO_ANSWERS,
      residency: 'local',
      picks: { core: CORES.slice(0, cores), elective: ELECTIVES.slice(0, electives), [EXTRA]: extraIds },
      routes,
    };
    const need = pickNeed(c, pickAt(c, answers, key), answers);
    expect({ min: need.min, max: need.max }).toEqual({ min, max });
  });

  test('a credit rule counts what the other answers leave of its pool in credits', () => {
    const i = invented();
    const answers: Answers = {
      ...NO_ANSWERS,
      picks: { 'finale/broad': ['archival-science', 'data-curation-lab'] },
      routes: { finale: 'broad' },
    };
    // "2 more" keeps what it needs (the two it was given), so the optional credits still need all 8.
    expect(pickNeed(i, pickAt(i, answers, 'options'), answers)).toMatchObject({ unit: 'credit', min: 8 });
    // A fourth methods subject (3 are required) counts towards "2 more": it needs 1 more; the optional subject stays with its credits.
    const methods: Answers = {
      ...NO_ANSWERS,
      picks: { methods: ['survey-methods', 'causal-inference', 'qualitative-research', 'record-linkage'], options: ['archival-science'] },
      routes: { finale: 'broad' },
    };
    expect(pickNeed(i, pickAt(i, methods, 'finale/broad'), methods)).toMatchObject({ min: 1, max: 1 });
  });

  test('a pick no longer fits after a change: too few, or more than an alternative needs', () => {
    const answers: Answers = {
      ...NO_ANSWERS,
      residency: 'local',
      picks: { core: CORES.slice(0, 4), elective: ELECTIVES.slice(0, 2), [EXTRA]: ['epidemiology'] },
      routes: coursework,
    };
    const extra = pickAt(c, answers, EXTRA);
    expect(pickFits(c, extra, answers)).toBe(true);
    // The student removes two cores at the review: one replacement subject is now too few.
    const fewer = { ...answers, picks: { ...answers.picks, core: CORES.slice(0, 2) } };
    expect(pickFits(c, extra, fewer)).toBe(false);
    // ... or adds an elective: the replacement subject now only adds credits.
    const more = { ...answers, picks: { ...answers.picks, elective: ELECTIVES.slice(0, 3) } };
    expect(pickFits(c, extra, more)).toBe(false);
    // A core step with more than its minimum is never too much.
    expect(pickFits(c, pickAt(c, more, 'core'), more)).toBe(true);
  });
});

describe('flags and draft fields name steps by their pool', () => {
  test('PolyU: --core, --elective, --route, --extra', () => {
    const slots = flagSlots(polyu());
    expect({ core: slots.core, elective: slots.elective, route: slots.route?.id, extra: slots.extra }).toEqual({
      core: 'core',
      elective: 'elective',
      route: 'dissertation-or-coursework',
      extra: 'dissertation-or-coursework/coursework',
    });
    expect(routeOption(slots, 'Dissertation')?.id).toBe('dissertation');
    expect(routeOption(slots, 'coursework')?.id).toBe('coursework');
  });

  test('invented: no core or elective step; the aliases find the single-subject and the counted alternative', () => {
    const slots = flagSlots(invented());
    expect(slots.core).toBeUndefined();
    expect(slots.elective).toBeUndefined();
    expect(routeOption(slots, 'dissertation')?.id).toBe('capstone');
    expect(routeOption(slots, 'coursework')?.id).toBe('broad');
    expect(routeOption(slots, 'placement')?.id).toBe('placement');
    expect(routeOption(slots, 'gap-year')).toBeUndefined();
    expect(routeWords(slots)).toEqual(['dissertation', 'coursework', 'placement']);
    expect(routeWords(flagSlots(polyu()))).toEqual(['dissertation', 'coursework']);
  });

  const ids = (catalogue: ReturnType<typeof polyu>) =>
    fc.subarray(
      catalogue.subjects.map((s) => s.id),
      { maxLength: 6 },
    );

  test.each([
    ['PolyU', polyu],
    ['invented', invented],
  ])('%s: a draft gives back exactly the answers it was made from', (_, load) => {
    const catalogue = load();
    const keys = catalogue.requirements.flatMap((r) =>
      r.options.filter((o) => o.rule.type !== 'all').map((o) => (r.options.length === 1 ? r.id : `${r.id}/${o.id}`)),
    );
    const routeIds = catalogue.requirements.filter((r) => r.options.length > 1);
    const answers = fc.record(
      {
        residency: fc.constantFrom('local' as const, 'non-local' as const),
        mode: fc.constantFrom(...catalogue.data.modes.map((m) => m.id)),
        picks: fc.dictionary(fc.constantFrom(...keys), ids(catalogue)),
        routes: fc.record(Object.fromEntries(routeIds.map((r) => [r.id, fc.constantFrom(...r.options.map((o) => o.id))])), {
          requiredKeys: [],
        }),
        fellowship: fc.boolean(),
        name: fc.string({ minLength: 1, maxLength: 10 }),
      },
      { requiredKeys: ['picks', 'routes'] },
    );
    fc.assert(
      fc.property(answers, (a) => {
        const draft = draftFromAnswers(catalogue, a as Answers, new Date(0));
        expect(draft.catalogue).toBe(catalogue.id);
        expect(answersFromDraft(catalogue, JSON.parse(JSON.stringify(draft)))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  test('the draft keeps the answers as the planner holds them, by step key', () => {
    const c = polyu();
    const answers = {
      residency: 'local' as const,
      picks: { core: ['epidemiology'], 'dissertation-or-coursework/coursework': ['big-data-computing'] },
      routes: { 'dissertation-or-coursework': 'coursework' },
    };
    expect(draftFromAnswers(c, { ...answers, name: undefined }, new Date(0))).toEqual({
      catalogue: c.id,
      answers,
      updatedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  test.each([
    [
      'PolyU',
      polyu,
      { core: 'core', elective: 'elective', route: 'dissertation-or-coursework', extra: 'dissertation-or-coursework/coursework' },
    ],
    ['invented', invented, { core: undefined, elective: undefined, route: 'finale', extra: 'finale/broad' }],
  ])('%s: answers a version-1 draft kept under flag names are placed on the steps those flags answer', (_, load, at) => {
    const c = load();
    const [one, two] = c.subjects.map((s) => s.id);
    const draft = {
      catalogue: c.id,
      answers: { picks: { other: [one!] }, routes: {} },
      byFlag: { core: [one!], elective: [two!], route: 'coursework', extra: [two!] },
      updatedAt: '',
    };
    const picks: Record<string, string[]> = { other: [one!] };
    if (at.core) picks[at.core] = [one!];
    if (at.elective) picks[at.elective] = [two!];
    picks[at.extra] = [two!];
    expect(answersFromDraft(c, draft)).toEqual({ picks, routes: { [at.route]: 'coursework' } });
  });
});
