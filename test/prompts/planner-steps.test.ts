import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answersFromDraft, draftFromAnswers } from '../../src/cli/prompts/draft-answers.js';
import { flagSlots, routeOption, routeWords } from '../../src/cli/prompts/slots.js';
import { chosenSubjects, pickNeed, pickPool, planFromAnswers } from '../../src/domain/plan/draft.js';
import { firstUnanswered, NO_ANSWERS, plannerSteps, type Answers, type Step } from '../../src/domain/plan/steps.js';
import { invented, polyu } from './harness.js';

// The planner's steps are read off the catalogue's requirements; these tests pin how.

const describeStep = (s: Step) => (s.kind === 'include' || s.kind === 'pick' ? `${s.kind}:${s.key}` : s.kind === 'route' ? `route:${s.requirement.id}` : s.kind);

describe('steps from the catalogue', () => {
  test.each([
    ['PolyU, no route yet', polyu, { residency: 'local' as const }, ['residency', 'mode', 'include:compulsory', 'pick:core', 'pick:elective', 'route:dissertation-or-coursework', 'schedule', 'fellowship', 'name']],
    [
      'PolyU, dissertation',
      polyu,
      { residency: 'local' as const, routes: { 'dissertation-or-coursework': 'dissertation' } },
      ['residency', 'mode', 'include:compulsory', 'pick:core', 'pick:elective', 'route:dissertation-or-coursework', 'include:dissertation-or-coursework/dissertation', 'schedule', 'fellowship', 'name'],
    ],
    [
      'PolyU, coursework, non-local',
      polyu,
      { residency: 'non-local' as const, routes: { 'dissertation-or-coursework': 'coursework' } },
      ['residency', 'mode', 'include:compulsory', 'pick:core', 'pick:elective', 'route:dissertation-or-coursework', 'pick:dissertation-or-coursework/coursework', 'schedule', 'name'],
    ],
    [
      'invented, placement, non-local',
      invented,
      { residency: 'non-local' as const, routes: { finale: 'placement' } },
      ['residency', 'mode', 'include:foundation', 'pick:methods', 'pick:options', 'route:finale', 'include:finale/placement', 'schedule', 'fellowship', 'name'],
    ],
  ])('%s', (_, catalogue, answers, expected) => {
    expect(plannerSteps(catalogue(), { ...NO_ANSWERS, ...answers }).map(describeStep)).toEqual(expected);
  });

  test('the first unanswered step: an included requirement never needs an answer', () => {
    const c = polyu();
    expect(firstUnanswered(c, NO_ANSWERS)?.kind).toBe('residency');
    expect(describeStep(firstUnanswered(c, { ...NO_ANSWERS, residency: 'local', mode: 'full-time' })!)).toBe('pick:core');
    // A route naming an option the catalogue does not have is no answer.
    const unknownRoute = { residency: 'local' as const, mode: 'full-time', picks: { core: [], elective: [] }, routes: { 'dissertation-or-coursework': 'gap-year' } };
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
    expect(pickNeed(extra, pickPool(c, extra, answers))).toEqual({ unit: 'subject', min: 3, max: 3 });
  });

  test('a plain requirement asks at least its count; a credit rule counts credits', () => {
    const core = plannerSteps(c, answers).find((s) => s.kind === 'pick') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(core, pickPool(c, core, answers))).toEqual({ unit: 'subject', min: 2, max: undefined });
    const i = invented();
    const options = plannerSteps(i, NO_ANSWERS).find((s) => s.kind === 'pick' && s.key === 'options') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(options, pickPool(i, options, NO_ANSWERS))).toEqual({ unit: 'credit', min: 8, max: undefined });
  });

  test('a pool smaller than the rule asks for all it has, so the step can always be answered', () => {
    const i = invented();
    // Three of the four methods subjects are taken by the alternative: the methods step can offer one.
    const taken: Answers = { ...NO_ANSWERS, picks: { 'finale/broad': ['survey-methods', 'causal-inference', 'qualitative-research'] }, routes: { finale: 'broad' } };
    const methods = plannerSteps(i, taken).find((s) => s.kind === 'pick' && s.key === 'methods') as Extract<Step, { kind: 'pick' }>;
    expect(pickNeed(methods, pickPool(i, methods, taken))).toEqual({ unit: 'subject', min: 1, max: undefined });
  });

  test('the plan holds what applies: a route no longer taken keeps its picks in the answers, not in the plan', () => {
    const switched = { ...answers, picks: { ...answers.picks, [extra.key]: ['business-analytics'] }, routes: { 'dissertation-or-coursework': 'dissertation' } };
    expect(chosenSubjects(c, switched)).toContain('dissertation');
    expect(chosenSubjects(c, switched)).not.toContain('business-analytics');
  });

  test('the fellowship is in the plan only where the residency may hold it', () => {
    expect(planFromAnswers(c, { ...answers, fellowship: true }).fellowship).toBe(true);
    expect(planFromAnswers(c, { ...answers, residency: 'non-local', fellowship: true }).fellowship).toBe(false);
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

  const ids = (catalogue: ReturnType<typeof polyu>) => fc.subarray(catalogue.subjects.map((s) => s.id), { maxLength: 6 });

  test.each([
    ['PolyU', polyu],
    ['invented', invented],
  ])('%s: a draft gives back exactly the answers it was made from', (_, load) => {
    const catalogue = load();
    const keys = catalogue.requirements.flatMap((r) => r.options.filter((o) => o.rule.type !== 'all').map((o) => (r.options.length === 1 ? r.id : `${r.id}/${o.id}`)));
    const routeIds = catalogue.requirements.filter((r) => r.options.length > 1);
    const answers = fc.record(
      {
        residency: fc.constantFrom('local' as const, 'non-local' as const),
        mode: fc.constantFrom(...catalogue.data.modes.map((m) => m.id)),
        picks: fc.dictionary(fc.constantFrom(...keys), ids(catalogue)),
        routes: fc.record(Object.fromEntries(routeIds.map((r) => [r.id, fc.constantFrom(...r.options.map((o) => o.id))])), { requiredKeys: [] }),
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

  test('PolyU answers go to the named fields of the draft, which the store and issue 4 know', () => {
    const c = polyu();
    const draft = draftFromAnswers(
      c,
      { residency: 'local', picks: { core: ['epidemiology'], 'dissertation-or-coursework/coursework': ['big-data-computing'] }, routes: { 'dissertation-or-coursework': 'coursework' } },
      new Date(0),
    );
    expect(draft).toEqual({ catalogue: c.id, residency: 'local', core: ['epidemiology'], route: 'coursework', extra: ['big-data-computing'], updatedAt: '1970-01-01T00:00:00.000Z' });
  });
});
