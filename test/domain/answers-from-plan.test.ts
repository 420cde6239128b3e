import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { moveSubject, proposedSchedule } from '../../src/domain/plan/draft-schedule.js';
import { pickPool, planFromAnswers, type AnswersWithResidency } from '../../src/domain/plan/draft.js';
import { answersFromPlan } from '../../src/domain/plan/from-plan.js';
import { plannerSteps, type Answers } from '../../src/domain/plan/steps.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { INVENTED } from '../prompts/harness.js';

const catalogues: [string, Catalogue][] = [
  ['the bundled catalogue', loadCatalogue(undefined)],
  ['the invented programme', loadCatalogue(INVENTED)],
];

/**
 * Answers a student could give: a residency and mode, a route at each choice, at each pick some of
 * what it offers, maybe a schedule of their own (the proposal with one subject moved), the
 * fellowship, and a record of study over some of the planned subjects.
 */
function answersArbitrary(catalogue: Catalogue): fc.Arbitrary<AnswersWithResidency> {
  return fc.gen().map((g) => {
    const any = <T>(items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
    let answers: AnswersWithResidency = {
      residency: any(['local', 'non-local'] as const),
      mode: any(catalogue.data.modes.map((m) => m.id)),
      picks: {},
      routes: {},
    };
    for (let i = 0; i < 20; i++) {
      const step = plannerSteps(catalogue, answers).find(
        (s) =>
          (s.kind === 'route' && answers.routes[s.requirement.id] === undefined) ||
          (s.kind === 'pick' && answers.picks[s.key] === undefined),
      );
      if (!step) break;
      if (step.kind === 'route')
        answers = { ...answers, routes: { ...answers.routes, [step.requirement.id]: any(step.requirement.options).id } };
      else if (step.kind === 'pick') {
        const pool = pickPool(catalogue, step, answers).map((s) => s.id);
        const chosen = g(fc.subarray, pool, { maxLength: Math.min(5, pool.length) });
        answers = { ...answers, picks: { ...answers.picks, [step.key]: chosen } };
      }
    }
    if (g(fc.boolean)) answers = { ...answers, fellowship: g(fc.boolean) };
    const plan = planFromAnswers(catalogue, answers);
    if (g(fc.boolean)) {
      const proposal = proposedSchedule(catalogue, plan);
      const subject = plan.subjects.length > 0 ? any(plan.subjects) : undefined;
      const term = termAt(catalogue, g(fc.integer, { min: 0, max: 6 }));
      answers = { ...answers, schedule: subject && term ? moveSubject(catalogue, proposal, subject, term) : proposal };
    }
    if (g(fc.boolean) && plan.subjects.length > 0) {
      const [graded, rest] = split(g(fc.subarray, plan.subjects), plan.subjects);
      const transferred = g(fc.subarray, rest, { maxLength: Math.min(2, rest.length) });
      const grades = catalogue.data.record?.grades.map((x) => x.grade) ?? ['P'];
      answers = {
        ...answers,
        record: {
          grades: Object.fromEntries(graded.map((id) => [id, any(grades)])),
          ...(g(fc.boolean) ? { transferred } : {}),
          ...(g(fc.boolean) ? { exempted: rest.filter((id) => !transferred.includes(id)).slice(0, 1) } : {}),
        },
      };
    }
    return answers;
  });
}

const split = (some: readonly string[], all: readonly string[]): [string[], string[]] => [
  [...some],
  all.filter((id) => !some.includes(id)),
];

describe.each(catalogues)('answersFromPlan, in %s', (_label, catalogue) => {
  test('answers -> plan -> answers -> plan gives the same plan, and the same answers again', () => {
    fc.assert(
      fc.property(answersArbitrary(catalogue), (answers) => {
        const plan = planFromAnswers(catalogue, answers);
        const again = answersFromPlan(catalogue, plan, 'Mine') as AnswersWithResidency;
        const replanned = planFromAnswers(catalogue, again);
        // Neither the order of the subjects nor their order within a term means anything.
        const normal = (p: typeof plan) => ({
          ...p,
          subjects: [...p.subjects].sort(),
          ...(p.schedule ? { schedule: p.schedule.map((e) => ({ term: e.term, subjects: [...e.subjects].sort() })) } : {}),
        });
        expect(normal(replanned)).toEqual(normal(plan));
        const normalAnswers = (a: Answers) => ({
          ...a,
          ...(a.schedule ? { schedule: a.schedule.map((e) => ({ term: e.term, subjects: [...e.subjects].sort() })) } : {}),
        });
        expect(normalAnswers(answersFromPlan(catalogue, replanned, 'Mine'))).toEqual(normalAnswers(again));
      }),
      { numRuns: 150 },
    );
  });

  test('every step is answered, so the planner opens at its review', () => {
    fc.assert(
      fc.property(answersArbitrary(catalogue), (answers) => {
        const again: Answers = answersFromPlan(catalogue, planFromAnswers(catalogue, answers), 'Mine');
        const open = plannerSteps(catalogue, again).filter(
          (s) =>
            s.kind !== 'include' &&
            !(s.kind === 'pick'
              ? again.picks[s.key] !== undefined
              : s.kind === 'route'
                ? again.routes[s.requirement.id] !== undefined
                : s.kind === 'schedule'
                  ? again.schedule !== undefined
                  : s.kind === 'fellowship'
                    ? again.fellowship !== undefined
                    : true),
        );
        expect(open.map((s) => s.id)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('answersFromPlan of a plan file', () => {
  const catalogue = catalogues[0]![1];
  it('reads names, codes and titles as identifiers, the record included', () => {
    const answers = answersFromPlan(
      catalogue,
      {
        catalogue: catalogue.id,
        residency: 'local',
        mode: 'part-time',
        fellowship: true,
        subjects: ['SN5023', 'Epidemiology', 'dissertation'],
        grades: { sn5023: 'B+' },
        transferred: ['Epidemiology'],
      },
      'Second year',
    );
    expect(answers.name).toBe('Second year');
    expect(answers.fellowship).toBe(true);
    expect(answers.record).toEqual({
      grades: { [catalogue.subjects.find((s) => s.code === 'SN5023')!.id]: 'B+' },
      transferred: [catalogue.subjects.find((s) => s.title === 'Epidemiology')!.id],
    });
  });
});
