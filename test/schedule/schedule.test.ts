import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { findTerm, termAt } from '../../src/domain/schedule/terms.js';
import { bundledCatalogue } from './load-catalogue.js';

const catalogue = bundledCatalogue();
const COMPULSORY = ['SN5023', 'SN6006', 'SN5303B', 'HTI5T04'];
const DISSERTATION_ROUTE = [
  ...COMPULSORY,
  'Epidemiology',
  'Project Management',
  'Big Data Computing',
  'Health Care Ethics',
  'Dissertation',
];
const COURSEWORK_ROUTE = [
  ...COMPULSORY,
  'Epidemiology',
  'Project Management',
  'Business Analytics',
  'COMP5511',
  'COMP5541',
  'Big Data Computing',
  'Health Care Ethics',
];

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
  // Which term each subject lands in, and the graduation term. The load guidance is in subjects:
  // full-time 4 to 5 a semester, part-time 2; the Summer Term takes only what the semesters of the
  // normal duration cannot hold.
  const S1_24 = 'Semester One 2024/25';
  const S2_24 = 'Semester Two 2024/25';
  const SU_24 = 'Summer Term 2024/25';
  const S1_25 = 'Semester One 2025/26';
  const S2_25 = 'Semester Two 2025/26';
  const S1_26 = 'Semester One 2026/27';
  const S2_26 = 'Semester Two 2026/27';
  it.each([
    {
      name: 'full-time, dissertation: 5 then 4 subjects, the Dissertation one of the 4',
      plan: plan({}),
      terms: { [S1_24]: [...COMPULSORY, 'HTI5601'], [S2_24]: ['LGT5037', 'COMP5434', 'APSS6403', 'HSS5903'] },
      graduation: S2_24,
    },
    {
      name: 'full-time, coursework: 11 subjects, two semesters of 5 and one in the Summer Term, within the year',
      plan: plan({ subjects: COURSEWORK_ROUTE }),
      terms: {
        [S1_24]: [...COMPULSORY, 'MM5425'],
        [S2_24]: ['COMP5511', 'COMP5434', 'APSS6403', 'HTI5601', 'LGT5037'],
        [SU_24]: ['COMP5541'],
      },
      graduation: SU_24,
    },
    {
      name: 'part-time, dissertation: 2 a semester, no summer, the Dissertation alone in the fifth semester',
      plan: plan({ mode: 'part-time' }),
      terms: {
        [S1_24]: ['SN5023', 'SN6006'],
        [S2_24]: ['SN5303B', 'HTI5T04'],
        [S1_25]: ['HTI5601', 'LGT5037'],
        [S2_25]: ['COMP5434', 'APSS6403'],
        [S1_26]: ['HSS5903'],
      },
      graduation: S1_26,
    },
    {
      name: 'part-time, coursework: 11 subjects in six semesters of at most 2, no summer, within the 3 years',
      plan: plan({ mode: 'part-time', subjects: COURSEWORK_ROUTE }),
      terms: {
        [S1_24]: ['SN5023', 'SN6006'],
        [S2_24]: ['SN5303B', 'HTI5T04'],
        [S1_25]: ['MM5425', 'COMP5511'],
        [S2_25]: ['COMP5434', 'APSS6403'],
        [S1_26]: ['HTI5601', 'LGT5037'],
        [S2_26]: ['COMP5541'],
      },
      graduation: S2_26,
    },
  ])('$name', ({ plan: p, terms, graduation }) => {
    const { judgement, schedule } = proposed(p);
    expect(judgement.valid).toBe(true);
    expect(schedule.proposed).toBe(true);
    const used = Object.fromEntries(
      schedule.terms.filter((t) => t.subjects.length > 0).map((t) => [t.term.label, t.subjects.map((s) => s.code)]),
    );
    expect(used).toEqual(terms);
    expect(schedule.graduation?.label).toBe(graduation);
    expect(schedule.unscheduled).toEqual([]);
    // The proposal keeps to the guidance it proposes: check gives its own copy no warning.
    const own = schedule.terms.map((t) => ({ term: t.term.label, subjects: t.subjects.map((s) => s.id) }));
    expect(judgePlan(catalogue, { ...p, schedule: own }).warnings).toEqual([]);
  });

  it('a part-time plan with a summer-sized surplus: the Summer Term takes only what the six semesters cannot', () => {
    // 13 subjects: six semesters of 2 hold 12, so one goes to a Summer Term, and graduation stays in the 3 years.
    const p = plan({
      mode: 'part-time',
      subjects: [...COURSEWORK_ROUTE, 'Epidemiology', 'RS517', 'SN5307'].filter((s, i, all) => all.indexOf(s) === i),
    });
    const { schedule } = proposed(p);
    const summers = schedule.terms.filter((t) => t.term.kind.id === 'summer').flatMap((t) => t.subjects);
    expect(p.subjects).toHaveLength(13);
    expect(summers).toHaveLength(1);
    expect(schedule.terms.filter((t) => t.term.kind.id !== 'summer').every((t) => t.subjects.length <= 2)).toBe(true);
    expect(schedule.terms.at(-1)!.term.label).toBe(S2_26);
  });

  it('beyond the normal duration a Summer Term stays empty: a full-time plan of 16 subjects takes a second year', () => {
    const subjects = [...COURSEWORK_ROUTE, 'RS517', 'SN5307', 'MM5424', 'BME5111', 'HTI5052'];
    const { schedule } = proposed(plan({ subjects }));
    const byTerm = Object.fromEntries(schedule.terms.map((t) => [t.term.label, t.subjects.length]));
    // Two semesters of 5 hold 10; the summer within the year takes at most a semester's 5; the one
    // left waits for Semester One of the next year (and that year's own summer is never proposed).
    expect(subjects).toHaveLength(16);
    expect(byTerm).toEqual({ [S1_24]: 5, [S2_24]: 5, [SU_24]: 5, [S1_25]: 1 });
  });

  it('puts compulsory subjects first and the dissertation last', () => {
    const { schedule } = proposed(plan({ subjects: [...DISSERTATION_ROUTE].reverse() }));
    expect(schedule.terms[0]!.subjects.slice(0, 4).map((s) => s.code)).toEqual(['HTI5T04', 'SN5303B', 'SN6006', 'SN5023']);
    const last = schedule.terms[schedule.terms.length - 1]!.subjects;
    expect(last[last.length - 1]!.id).toBe('dissertation');
  });

  it("keeps each term within the mode's normal load in subjects, whatever the credits (the Dissertation is one subject)", () => {
    for (const mode of ['full-time', 'part-time']) {
      for (const subjects of [DISSERTATION_ROUTE, COURSEWORK_ROUTE]) {
        const { schedule } = proposed(plan({ mode, subjects }));
        const max = mode === 'full-time' ? 5 : 2;
        for (const t of schedule.terms) expect(t.subjects.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('has no graduation term for a plan that does not meet the rules', () => {
    const { schedule } = proposed(plan({ subjects: COMPULSORY }));
    expect(schedule.graduation).toBeNull();
  });
});

describe("a plan's own schedule", () => {
  const full = [
    { term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology'] },
    { term: 'Semester Two 2024/25', subjects: ['Project Management', 'Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
  ];
  // The Dissertation with Semester One's compulsory subjects, one compulsory subject left for Semester Two.
  const dissertationEarly = [
    { term: 'Semester One 2024/25', subjects: ['SN5023', 'SN6006', 'HTI5T04', 'Epidemiology', 'Dissertation'] },
    { term: 'Semester Two 2024/25', subjects: ['SN5303B', 'Project Management', 'Big Data Computing', 'Health Care Ethics'] },
  ];
  const dissertationWithLastCompulsory = [
    { term: 'Semester One 2024/25', subjects: ['SN5023', 'SN6006', 'HTI5T04', 'Epidemiology', 'Project Management'] },
    { term: 'Semester Two 2024/25', subjects: ['SN5303B', 'Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
  ];

  it.each([
    ['a valid schedule', full, [], []],
    ['an empty term is fine', [...full, { term: 'Summer Term 2024/25', subjects: [] }], [], []],
    [
      'an overloaded term is a warning',
      [
        { term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology', 'Project Management'] },
        { term: 'Semester Two 2024/25', subjects: ['Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
      ],
      [],
      ['SCHEDULE_OVERLOAD'],
    ],
    ['the Dissertation before the compulsory subjects are done is a warning', dissertationEarly, [], ['SCHEDULE_LATE_SUBJECT_EARLY']],
    ['the Dissertation in the term of the last compulsory subject is fine', dissertationWithLastCompulsory, [], []],
    [
      'a subject left out',
      full.map((t, i) => (i === 1 ? { ...t, subjects: ['Project Management', 'Big Data Computing', 'Health Care Ethics'] } : t)),
      ['SCHEDULE_MISSING_SUBJECT'],
      [],
    ],
    ['a subject twice', [...full, { term: 'Semester One 2025/26', subjects: ['Epidemiology'] }], ['SCHEDULE_DUPLICATE'], []],
    [
      'a subject outside the plan',
      [...full, { term: 'Semester One 2025/26', subjects: ['Business Analytics'] }],
      ['SCHEDULE_UNPLANNED_SUBJECT'],
      [],
    ],
    ['a term before the intake', [...full, { term: 'Semester Two 2023/24', subjects: [] }], ['SCHEDULE_BEFORE_INTAKE'], []],
    ['a term that does not exist', [...full, { term: 'Winter 2024/25', subjects: [] }], ['SCHEDULE_UNKNOWN_TERM'], []],
  ])('%s', (_name, schedule, errors, warnings) => {
    const judgement = judgePlan(catalogue, plan({ schedule }));
    expect(judgement.errors.map((e) => e.code)).toEqual(errors);
    expect(judgement.warnings.map((w) => w.code)).toEqual(warnings);
    expect(judgement.valid).toBe(errors.length === 0);
  });

  it.each([
    [
      'in two terms',
      [{ term: 'Semester One 2025/26', subjects: ['Epidemiology'] }],
      'is scheduled in both Semester One 2024/25 and Semester One 2025/26; keep it in one term.',
    ],
    [
      'twice in one term',
      [{ term: 'Semester One 2024/25', subjects: ['Epidemiology'] }],
      'is scheduled twice in Semester One 2024/25; list it once.',
    ],
  ])('a subject scheduled %s is said so', (_how, extra, said) => {
    const first = { term: 'Semester One 2024/25', subjects: ['Epidemiology'] };
    const rest = full.map((t) => ({ ...t, subjects: t.subjects.filter((s) => s !== 'Epidemiology') }));
    const duplicate = judgePlan(catalogue, plan({ schedule: [first, ...rest, ...extra] })).errors.find(
      (e) => e.code === 'SCHEDULE_DUPLICATE',
    );
    expect(duplicate?.message).toBe(`Epidemiology ${said}`);
  });

  it('the Dissertation early: the warning names the term to move it to', () => {
    const [warning] = judgePlan(catalogue, plan({ schedule: dissertationEarly })).warnings;
    expect(warning!.message).toBe(
      'Dissertation is in Semester One 2024/25, before the compulsory subjects are done (Professional Development in Health Informatics is in Semester Two 2024/25); move it to Semester Two 2024/25 or later.',
    );
  });

  describe('overload is counted in subjects, as the guidance is', () => {
    const partTime = (last: { term: string; subjects: string[] }[]) =>
      plan({
        mode: 'part-time',
        schedule: [
          { term: 'Semester One 2024/25', subjects: ['SN5023', 'SN6006'] },
          { term: 'Semester Two 2024/25', subjects: ['SN5303B', 'HTI5T04'] },
          { term: 'Semester One 2025/26', subjects: ['Epidemiology', 'Project Management'] },
          ...last,
        ],
      });
    it.each([
      [
        'Health Care Ethics and the Dissertation (2 subjects, 12 credits) in one part-time term',
        partTime([
          { term: 'Semester Two 2025/26', subjects: ['Big Data Computing'] },
          { term: 'Semester One 2026/27', subjects: ['Health Care Ethics', 'Dissertation'] },
        ]),
        [],
      ],
      [
        'three subjects (9 credits) in one part-time term',
        partTime([{ term: 'Semester Two 2025/26', subjects: ['Big Data Computing', 'Health Care Ethics', 'Dissertation'] }]),
        [
          'Semester Two 2025/26 has 3 subjects, above the normal 2 subjects a term for part-time study; expect a heavy term, or move a subject to a lighter one.',
        ],
      ],
      [
        'the Dissertation alone: one subject is never above the load',
        partTime([
          { term: 'Semester Two 2025/26', subjects: ['Big Data Computing', 'Health Care Ethics'] },
          { term: 'Semester One 2026/27', subjects: ['Dissertation'] },
        ]),
        [],
      ],
      ['five subjects in a full-time semester', plan({ schedule: full }), []],
      [
        'six subjects (16 credits) in a full-time semester',
        plan({
          schedule: [
            { term: 'Semester One 2024/25', subjects: [...COMPULSORY, 'Epidemiology', 'Project Management'] },
            { term: 'Semester Two 2024/25', subjects: ['Big Data Computing', 'Health Care Ethics', 'Dissertation'] },
          ],
        }),
        [
          'Semester One 2024/25 has 6 subjects, above the normal 5 subjects a term for full-time study; expect a heavy term, or move a subject to a lighter one.',
        ],
      ],
      [
        'any number in the Summer Term, which has no guidance',
        plan({
          schedule: [
            { term: 'Semester One 2024/25', subjects: [] },
            { term: 'Summer Term 2024/25', subjects: DISSERTATION_ROUTE },
          ],
        }),
        [],
      ],
    ])('%s', (_name, p, messages) => {
      const judgement = judgePlan(catalogue, p);
      expect(judgement.errors).toEqual([]);
      expect(judgement.warnings.filter((w) => w.code === 'SCHEDULE_OVERLOAD').map((w) => w.message)).toEqual(messages);
    });
  });

  it('names the graduation term of its last subject', () => {
    const judgement = judgePlan(catalogue, plan({ schedule: full }));
    expect(judgement.schedule?.graduation?.label).toBe('Semester Two 2024/25');
    expect(judgement.schedule?.proposed).toBe(false);
  });
});

describe('bills', () => {
  it.each([
    // Shares of the fellowship by tuition-bearing credits (12 of 30 in a Semester One with the
    // tuition-free Academic Integrity and Ethics); the initial payment counts towards the first bills.
    ['full-time local with fellowship', plan({ fellowship: true }), [3750, 31500], 17250, 52500],
    ['full-time non-local', plan({ residency: 'non-local', subjects: COURSEWORK_ROUTE }), [34500, 86250, 17250], 34500, 172500],
    ['full-time local without fellowship', plan({}), [51750, 103500], 17250, 172500],
    ['part-time local with fellowship', plan({ mode: 'part-time', fellowship: true }), [0, 0, 0, 9000, 10500, 0, 15750], 17250, 52500],
    ['part-time non-local', plan({ mode: 'part-time', residency: 'non-local' }), [0, 17250, 0, 34500, 34500, 0, 51750], 34500, 172500],
  ])('%s', (_name, p, bills, initialPayment, payable) => {
    const { judgement, schedule } = proposed(p);
    expect(schedule.bills.map((b) => b.bill)).toEqual(bills);
    expect(judgement.fees.initialPayment).toBe(initialPayment);
    expect(judgement.fees.payable).toBe(payable);
    expect(bills.reduce((a, b) => a + b, 0) + initialPayment).toBe(payable);
  });

  it('never lets the fellowship cover credits beyond those required', () => {
    const extraPlan = plan({ fellowship: true, subjects: [...DISSERTATION_ROUTE, 'Business Analytics'] });
    // Which of the three cores is the extra one is the engine's choice; it goes alone in a later term.
    const bare = judgePlan(catalogue, extraPlan);
    const extra = bare.subjects.filter((s) => !bare.counted.has(s));
    expect(extra).toHaveLength(1);
    const rest = bare.subjects.filter((s) => s !== extra[0]).map((s) => s.id);
    const judgement = judgePlan(catalogue, {
      ...extraPlan,
      schedule: [
        { term: 'Semester One 2024/25', subjects: rest.slice(0, 5) },
        { term: 'Semester Two 2024/25', subjects: rest.slice(5) },
        { term: 'Semester One 2025/26', subjects: [extra[0]!.id] },
      ],
    });
    const last = judgement.schedule!.bills[2]!;
    expect(last.subjects).toEqual(extra);
    expect(last.fellowship).toBe(0);
    expect(last.bill).toBe(5750 * 3);
    expect(judgement.warnings.map((w) => w.code)).toEqual(['EXTRA_CREDITS']);
  });

  it('bills what the schedule leaves out in a row of its own, so the total still adds up', () => {
    const judgement = judgePlan(catalogue, plan({ schedule: [{ term: 'Semester One 2024/25', subjects: COMPULSORY }] }));
    const bills = judgement.schedule!.bills;
    expect(bills[bills.length - 1]!.term).toBeUndefined();
    expect(bills.reduce((sum, b) => sum + b.bill, 0) + judgement.fees.initialPayment).toBe(judgement.fees.payable);
  });
});
