import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { findTerm, termAt } from '../../src/domain/schedule/terms.js';
import { bundledCatalogue } from './load-catalogue.js';

const catalogue = bundledCatalogue();
const COMPULSORY = ['SN5023', 'SN6006', 'SN5303B'];
const DISSERTATION_ROUTE = [...COMPULSORY, 'Epidemiology', 'Project Management', 'Big Data Computing', 'Health Care Ethics', 'Dissertation'];
const COURSEWORK_ROUTE = [...COMPULSORY, 'Epidemiology', 'Project Management', 'Business Analytics', 'COMP5511', 'COMP5541', 'Big Data Computing', 'Health Care Ethics'];

function plan(overrides: Partial<PlanFile>): PlanFile {
  return { residency: 'local', mode: 'full-time', fellowship: false, subjects: DISSERTATION_ROUTE, ...overrides };
}

function proposed(p: PlanFile) {
  const judgement = judgePlan(catalogue, p);
  return { judgement, schedule: planSchedule(catalogue, p, { ...judgement, satisfied: judgement.valid }) };
}

describe('terms', () => {
  it.each([
    [0, '2024/25-semester-one', 'Semester One 2024/25', '2024-09'],
    [1, '2024/25-semester-two', 'Semester Two 2024/25', '2025-01'],
    [2, '2024/25-summer', 'Summer Term 2024/25', '2025-06'],
    [3, '2025/26-semester-one', 'Semester One 2025/26', '2025-09'],
    [-1, '2023/24-summer', 'Summer Term 2023/24', '2024-06'],
  ])('term %i after the intake is %s', (index, id, label, starts) => {
    const term = termAt(catalogue, index);
    expect({ id: term.id, label: term.label, starts: term.starts, index: term.index }).toEqual({ id, label, starts, index });
  });

  it.each([
    ['Semester One 2024/25', '2024/25-semester-one'],
    ['semester two 2024-25', '2024/25-semester-two'],
    ['2025/26-SUMMER', '2025/26-summer'],
    ['Summer Term 2025/26', '2025/26-summer'],
  ])('reads "%s"', (name, id) => expect(findTerm(catalogue, name)?.id).toBe(id));

  it.each(['Semester Three 2024/25', 'Semester One 2024/26', 'Semester One', ''])('refuses "%s"', (name) => {
    expect(findTerm(catalogue, name)).toBeUndefined();
  });
});

describe('proposed schedules', () => {
  it.each([
    ['full-time, dissertation', plan({}), ['Semester One 2024/25', 'Semester Two 2024/25'], 'Semester Two 2024/25'],
    ['full-time, coursework', plan({ subjects: COURSEWORK_ROUTE }), ['Semester One 2024/25', 'Semester Two 2024/25'], 'Semester Two 2024/25'],
    ['part-time, dissertation', plan({ mode: 'part-time' }), ['Semester One 2024/25', 'Semester Two 2024/25', 'Summer Term 2024/25', 'Semester One 2025/26', 'Semester Two 2025/26', 'Summer Term 2025/26', 'Semester One 2026/27'], 'Semester One 2026/27'],
  ])('%s', (_name, p, terms, graduation) => {
    const { schedule } = proposed(p);
    expect(schedule.proposed).toBe(true);
    expect(schedule.terms.map((t) => t.term.label)).toEqual(terms);
    expect(schedule.graduation?.label).toBe(graduation);
    expect(schedule.unscheduled).toEqual([]);
  });

  it('puts compulsory subjects first and the dissertation last', () => {
    const { schedule } = proposed(plan({ subjects: [...DISSERTATION_ROUTE].reverse() }));
    expect(schedule.terms[0]!.subjects.slice(0, 3).map((s) => s.code)).toEqual(['SN5303B', 'SN6006', 'SN5023']);
    const last = schedule.terms[schedule.terms.length - 1]!.subjects;
    expect(last[last.length - 1]!.id).toBe('dissertation');
  });

  it('keeps each term within the mode\'s normal load, but for a single large subject', () => {
    for (const mode of ['full-time', 'part-time']) {
      const { schedule } = proposed(plan({ mode }));
      const max = mode === 'full-time' ? 15 : 6;
      for (const t of schedule.terms) {
        const credits = t.subjects.reduce((sum, s) => sum + s.credits, 0);
        if (t.subjects.length > 1) expect(credits).toBeLessThanOrEqual(max);
      }
    }
  });

  it('has no graduation term for a plan that does not meet the rules', () => {
    const { schedule } = proposed(plan({ subjects: COMPULSORY }));
    expect(schedule.graduation).toBeNull();
  });
});

describe('a plan\'s own schedule', () => {
  const full = [
    { term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology', 'Project Management'] },
    { term: 'Semester Two 2024/25', subjects: ['Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
  ];

  it.each([
    ['a valid schedule', full, [], []],
    ['an empty term is fine', [...full, { term: 'Summer Term 2024/25', subjects: [] }], [], []],
    ['an overloaded term is a warning', [{ term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology', 'Project Management', 'Big Data Computing'] }, { term: 'Semester Two 2024/25', subjects: ['Health Care Ethics', 'Dissertation'] }], [], ['SCHEDULE_OVERLOAD']],
    ['a subject left out', full.map((t, i) => (i === 1 ? { ...t, subjects: ['Big Data Computing', 'Health Care Ethics'] } : t)), ['SCHEDULE_MISSING_SUBJECT'], []],
    ['a subject twice', [...full, { term: 'Semester One 2025/26', subjects: ['Epidemiology'] }], ['SCHEDULE_DUPLICATE'], []],
    ['a subject outside the plan', [...full, { term: 'Semester One 2025/26', subjects: ['Business Analytics'] }], ['SCHEDULE_UNPLANNED_SUBJECT'], []],
    ['a term before the intake', [...full, { term: 'Semester Two 2023/24', subjects: [] }], ['SCHEDULE_BEFORE_INTAKE'], []],
    ['a term that does not exist', [...full, { term: 'Winter 2024/25', subjects: [] }], ['SCHEDULE_UNKNOWN_TERM'], []],
  ])('%s', (_name, schedule, errors, warnings) => {
    const judgement = judgePlan(catalogue, plan({ schedule }));
    expect(judgement.errors.map((e) => e.code)).toEqual(errors);
    expect(judgement.warnings.map((w) => w.code)).toEqual(warnings);
    expect(judgement.valid).toBe(errors.length === 0);
  });

  it('names the graduation term of its last subject', () => {
    const judgement = judgePlan(catalogue, plan({ schedule: full }));
    expect(judgement.schedule?.graduation?.label).toBe('Semester Two 2024/25');
    expect(judgement.schedule?.proposed).toBe(false);
  });
});

describe('bills', () => {
  it.each([
    ['full-time local with fellowship', plan({ fellowship: true }), [9000, 26250], 17250, 52500],
    ['full-time non-local', plan({ residency: 'non-local', subjects: COURSEWORK_ROUTE }), [51750, 86250], 34500, 172500],
    ['full-time local without fellowship', plan({}), [69000, 86250], 17250, 172500],
    ['part-time local with fellowship', plan({ mode: 'part-time', fellowship: true }), [0, 3750, 0, 10500, 5250, 0, 15750], 17250, 52500],
    ['part-time non-local', plan({ mode: 'part-time', residency: 'non-local' }), [0, 34500, 0, 34500, 17250, 0, 51750], 34500, 172500],
  ])('%s', (_name, p, bills, initialPayment, payable) => {
    const { judgement, schedule } = proposed(p);
    expect(schedule.bills.map((b) => b.bill)).toEqual(bills);
    expect(judgement.fees.initialPayment).toBe(initialPayment);
    expect(judgement.fees.payable).toBe(payable);
    expect(bills.reduce((a, b) => a + b, 0) + initialPayment).toBe(payable);
  });

  it('never lets the fellowship cover credits beyond those required', () => {
    const extra = plan({ fellowship: true, subjects: [...DISSERTATION_ROUTE, 'Business Analytics'] });
    const judgement = judgePlan(catalogue, { ...extra, schedule: [
      { term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology', 'Project Management'] },
      { term: 'Semester Two 2024/25', subjects: ['Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
      { term: 'Semester One 2025/26', subjects: ['Business Analytics'] },
    ] });
    const last = judgement.schedule!.bills[2]!;
    expect(last.fellowship).toBe(0);
    expect(last.bill).toBe(5750 * 3);
    expect(judgement.warnings.map((w) => w.code)).toContain('EXTRA_CREDITS');
  });

  it('bills what the schedule leaves out in a row of its own, so the total still adds up', () => {
    const judgement = judgePlan(catalogue, plan({ schedule: [{ term: 'Semester One 2024/25', subjects: COMPULSORY }] }));
    const bills = judgement.schedule!.bills;
    expect(bills[bills.length - 1]!.term).toBeUndefined();
    expect(bills.reduce((sum, b) => sum + b.bill, 0) + judgement.fees.initialPayment).toBe(judgement.fees.payable);
  });
});
