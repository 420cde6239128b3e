import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { findGrade, gpaHundredths } from '../../src/domain/record/grades.js';
import { remainingBills } from '../../src/domain/record/remaining.js';
import { catalogueFrom, COMPULSORY, CORE, DISSERTATION, ELECTIVE, plan, readJson, real, realJson } from './catalogues.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';

// Cases worked by hand from the programme facts: PolyU's grade points since 2020/21, HK$5,750 a
// credit, the fellowship min(120,000, tuition of the graduation credits - 42,100).
const DISSERTATION_PLAN = [...COMPULSORY, CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, DISSERTATION];
const codes = (list: readonly { code: string }[]) => list.map((f) => f.code);
const rules = real.data.record!;
const subject = (id: string) => real.subjectById.get(id)!;

describe('GPA: credit-weighted, P left out, rounded half away from zero on the exact value', () => {
  it.each([
    [
      'B+, A-, B on 3 credits each',
      [
        ['epidemiology', 'B+'],
        ['project-management', 'A-'],
        ['big-data-computing', 'B'],
      ],
      333,
    ],
    [
      'A+ and F: the F counts',
      [
        ['epidemiology', 'A+'],
        ['project-management', 'F'],
      ],
      215,
    ],
    [
      'C- on 3 credits, C on 1: 1.775 rounds up',
      [
        ['epidemiology', 'C-'],
        ['academic-integrity-and-ethics', 'C'],
      ],
      178,
    ],
    [
      'B- on 3 credits, C on 1: 2.525 rounds up',
      [
        ['epidemiology', 'B-'],
        ['academic-integrity-and-ethics', 'C'],
      ],
      253,
    ],
    [
      'A on 9 credits, B on 3: 3.75',
      [
        ['dissertation', 'A'],
        ['epidemiology', 'B'],
      ],
      375,
    ],
    [
      'a P has no grade point',
      [
        ['epidemiology', 'A'],
        ['academic-integrity-and-ethics', 'P'],
      ],
      400,
    ],
    ['only P: no GPA', [['academic-integrity-and-ethics', 'P']], null],
  ] as const)('%s', (_, entries, expected) => {
    expect(gpaHundredths(entries.map(([id, grade]) => ({ subject: subject(id), grade: findGrade(rules, grade)! })))).toBe(expected);
  });

  it('reads grades in any case and refuses ones off the scale', () => {
    expect(findGrade(rules, 'b+')?.hundredths).toBe(330);
    expect(findGrade(rules, 'E')).toBeUndefined();
  });

  it.each([
    [{ epidemiology: 'D+', 'project-management': 'D' }, 1.15, ['LOW_GPA']],
    [{ epidemiology: 'C', 'project-management': 'C' }, 2, []],
    [{ epidemiology: 'C-', 'academic-integrity-and-ethics': 'C' }, 1.78, ['LOW_GPA']],
  ])('%o: GPA %d, warnings %o', (grades, gpa, warnings) => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { grades }));
    expect(j.gpa! / 100).toBe(gpa);
    expect(codes(j.warnings)).toEqual(warnings);
  });

  it('LOW_GPA names the consequence and its source', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { grades: { epidemiology: 'D' } }));
    expect(j.warnings[0]!.message).toBe(
      'the GPA is 1.00, below 2.00: a GPA below 2.0 for consecutive semesters leads to academic probation and then de-registration (PolyU student handbook).',
    );
  });

  it('a catalogue without record rules has no GPA, and says grades cannot be judged', () => {
    const json = realJson();
    delete json.record;
    json.provenance = json.provenance.filter((p: { path: string }) => !p.path.startsWith('/record'));
    const j = judgePlan(catalogueFrom(json), plan(DISSERTATION_PLAN, { grades: { epidemiology: 'A' }, transferred: [CORE[1]!] }));
    expect(j.gpa).toBeNull();
    expect(codes(j.errors)).toEqual(['RECORD_BAD_GRADE']);
    expect(j.fees.chargedCredits).toBe(27);
  });
});

describe('errors in the record say which entry and what to do', () => {
  it.each<[string, Partial<PlanFile>, string, RegExp]>([
    [
      'an unknown subject',
      { grades: { Epidemology: 'A' } },
      'RECORD_UNKNOWN_SUBJECT',
      /^In "grades", "Epidemology" is not a subject of this programme\. Did you mean Epidemiology\?/,
    ],
    [
      'a grade off the scale',
      { grades: { epidemiology: 'E' } },
      'RECORD_BAD_GRADE',
      /gives Epidemiology the grade "E", which is not on the scale; use one of A\+, A, .* F or P\.$/,
    ],
    [
      'transferred and graded',
      { grades: { epidemiology: 'A' }, transferred: ['HTI5601'] },
      'RECORD_CONFLICT',
      /^Epidemiology is both in "transferred" and in "grades"/,
    ],
    [
      'transferred and exempted',
      { transferred: ['epidemiology'], exempted: ['Epidemiology'] },
      'RECORD_CONFLICT',
      /both in "transferred" and in "exempted"/,
    ],
    [
      'a subject not planned',
      { grades: { 'business-analytics': 'A' } },
      'RECORD_NOT_PLANNED',
      /Business Analytics, which is not among the plan's subjects; add it to "subjects" or remove it from "grades"\.$/,
    ],
  ])('%s', (_, record, code, message) => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, record));
    expect(j.valid).toBe(false);
    expect(codes(j.errors)).toEqual([code]);
    expect(j.errors[0]!.message).toMatch(message);
  });
});

describe('credit transfer', () => {
  it('one 3-credit transfer, local, with the fellowship: HK$155,250 tuition, HK$113,150 fellowship, HK$42,100 payable', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { fellowship: true, transferred: ['epidemiology'] }));
    expect(j.valid).toBe(true);
    expect(j.fees).toMatchObject({ credits: 28, chargedCredits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 });
    expect(j.progress).toMatchObject({ completedCredits: 0, transferredCredits: 3, exemptedCredits: 0, remainingCredits: 28 });
    expect(j.requirements.find((r) => r.id === 'core')!.satisfied).toBe(true);
  });

  it.each([
    ['15 credits (at most 15.5)', [CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, COMPULSORY[0]!], []],
    ['18 credits', [CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, COMPULSORY[0]!, COMPULSORY[1]!], ['TRANSFER_LIMIT']],
  ])('%s transferred: errors %o', (_, transferred, errors) => {
    expect(codes(judgePlan(real, plan(DISSERTATION_PLAN, { transferred })).errors)).toEqual(errors);
  });
});

describe('what is done already counts first', () => {
  // Three core subjects where two are required: the one left over, an extra, is billed and could
  // be dropped only if it is still to take. Identifier order alone would leave Project Management,
  // the transferred or completed one, over (business-analytics and epidemiology sort before it).
  const threeCores = [...DISSERTATION_PLAN, CORE[2]!];
  it.each([
    ['transferred', { transferred: [CORE[1]!] }],
    ['completed', { grades: { [CORE[1]!]: 'A' } }],
  ])('a %s core subject counts, and the extra named is one still to take', (_how, record) => {
    const j = judgePlan(real, plan(threeCores, { fellowship: true, ...record }));
    expect(j.requirements.find((r) => r.id === 'core')!.counted.map((s) => s.id)).toContain(CORE[1]);
    const extra = j.warnings.find((w) => w.code === 'EXTRA_CREDITS')!;
    expect(extra.message).toContain('(Epidemiology)');
    expect(extra.message).not.toContain('Project Management');
    expect(j.progress!.others.map((t) => t.subject.id)).toEqual([CORE[0]]);
  });

  it('with more subjects done than places, the one left over is a completed one, never the transferred one', () => {
    const threeElectives = [...DISSERTATION_PLAN, ELECTIVE[3]!];
    const j = judgePlan(
      real,
      plan(threeElectives, {
        fellowship: true,
        transferred: [ELECTIVE[3]!],
        grades: { [ELECTIVE[0]!]: 'A', [ELECTIVE[1]!]: 'B' },
      }),
    );
    expect(j.requirements.find((r) => r.id === 'elective')!.counted.map((s) => s.id)).toContain(ELECTIVE[3]);
    const extra = j.warnings.find((w) => w.code === 'EXTRA_CREDITS')!;
    expect(extra.message).not.toContain('Virtual Reality in Healthcare');
    expect(extra.message).toMatch(/\((Big Data Computing|Health Care Ethics)\); they add HK\$17,250/);
  });

  it('the same whatever order the plan lists its subjects in', () => {
    const a = judgePlan(real, plan(threeCores, { transferred: [CORE[1]!] }));
    const b = judgePlan(real, plan([...threeCores].reverse(), { transferred: [CORE[1]!] }));
    const counted = (j: typeof a) => j.requirements.map((r) => r.counted.map((s) => s.id).sort());
    expect(counted(b)).toEqual(counted(a));
    expect(b.fees).toEqual(a.fees);
  });

  it('an exempted subject is never named among the extra ones: it adds no credits', () => {
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, ELECTIVE[2]!, ELECTIVE[3]!], { exempted: [ELECTIVE[0]!] }));
    const extra = j.warnings.find((w) => w.code === 'EXTRA_CREDITS')!;
    expect(extra.message).toContain('3 more than the 31 required');
    expect(extra.message).not.toContain('Big Data Computing');
  });
});

describe('exemption', () => {
  it('satisfies the compulsory subject but not its credits: CREDITS_SHORT says why and what to add', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { exempted: ['SN5023'] }));
    expect(j.requirements.every((r) => r.satisfied)).toBe(true);
    expect(j.credits.planned).toBe(28);
    expect(j.errors).toEqual([
      {
        code: 'CREDITS_SHORT',
        message:
          'the plan has 28 credits, 3 short of the 31 required for graduation: the exemption from Electronic Patient Records does not count its 3 credits, so add another subject of at least 3 credits to "subjects" in its place.',
      },
    ]);
  });

  it('with another subject in its place: valid, the exempted one not billed, the fellowship whole', () => {
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, ELECTIVE[2]!], { fellowship: true, exempted: ['SN5023'] }));
    expect(j.errors).toEqual([]);
    expect(j.fees).toMatchObject({ chargedCredits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 });
    expect(j.progress?.exemptedCredits).toBe(3);
  });

  it('an exemption no requirement names stands for nothing', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { exempted: [ELECTIVE[0]!] }));
    expect(codes(j.warnings)).toContain('EXEMPTION_UNUSED');
    expect(codes(j.errors)).toEqual(['REQUIREMENT_UNMET']);
  });
});

const SCHEDULE = [
  { term: 'Semester One 2024/25', subjects: ['SN5023', 'HTI5T04'] },
  { term: 'Semester Two 2024/25', subjects: ['SN6006', 'SN5303B'] },
  { term: 'Semester One 2025/26', subjects: ['Epidemiology', 'Project Management'] },
  { term: 'Semester Two 2025/26', subjects: ['Big Data Computing', 'Health Care Ethics'] },
  { term: 'Semester One 2026/27', subjects: ['Dissertation'] },
];

describe('a failed subject', () => {
  const j = judgePlan(
    real,
    plan(DISSERTATION_PLAN, { mode: 'part-time', fellowship: true, grades: { epidemiology: 'F' }, schedule: SCHEDULE }),
  );

  it('is billed again for its retake, which the fellowship does not cover', () => {
    expect(j.fees).toMatchObject({ credits: 34, chargedCredits: 33, tuition: 189_750, fellowship: 120_000, payable: 69_750 });
    expect(j.warnings).toContainEqual({
      code: 'RETAKE_BILLED',
      message:
        'Epidemiology was failed (F): it is not completed and must be retaken, billed again at HK$17,250; the fellowship does not cover it, as it covers only the credits required for graduation.',
    });
    expect(j.gpa).toBe(0);
    expect(j.progress).toMatchObject({ completedCredits: 0, remainingCredits: 31 });
  });

  it('is retaken in the next term that offers it, and the bills still add up', () => {
    const bills = j.schedule!.bills;
    const retakeRow = bills.find((b) => b.retakes.length > 0)!;
    expect(retakeRow.term!.label).toBe('Semester Two 2025/26');
    // Big Data Computing and Health Care Ethics, and the retake: 9 credits.
    expect(retakeRow.tuition).toBe((3 + 3 + 3) * 5750);
    expect(bills.reduce((sum, b) => sum + b.bill, 0) + j.fees.initialPayment).toBe(j.fees.payable);
    expect(j.progress!.requirements.find((r) => r.id === 'core')!.toTake).toEqual([
      { subject: real.subjectById.get('epidemiology'), term: retakeRow.term, retake: true },
      { subject: real.subjectById.get('project-management'), term: bills[2]!.term, retake: false },
    ]);
  });
});

describe('what is still to pay', () => {
  const j = judgePlan(real, readJson('examples/second-year.json') as PlanFile, { today: '2025-10-01' });

  it('the second-year example: GPA 3.33, 10 completed, 3 transferred', () => {
    expect(j.valid).toBe(true);
    expect(j.gpa).toBe(333);
    expect(j.progress).toMatchObject({ completedCredits: 10, transferredCredits: 3, exemptedCredits: 0, remainingCredits: 18 });
  });

  it.each([
    [
      '2024-08-15',
      ['Semester One 2024/25', 'Semester Two 2024/25', 'Semester One 2025/26', 'Semester Two 2025/26', 'Semester One 2026/27'],
      42_100 - 17_250,
    ],
    ['2025-09-01', ['Semester One 2025/26', 'Semester Two 2025/26', 'Semester One 2026/27'], 6_140 + 4_678 + 14_032],
    ['2025-10-01', ['Semester Two 2025/26', 'Semester One 2026/27'], 4_678 + 14_032],
    ['2027-01-01', [], 0],
  ])('from %s: %o, %d', (today, terms, total) => {
    const remaining = remainingBills(j.schedule!.bills, today);
    expect(remaining.bills.map((b) => b.term!.label)).toEqual(terms);
    expect(remaining.total).toBe(total);
  });

  it('leaves out a term with no subject and nothing to pay, which "over N terms" would count', () => {
    const [first, second] = j.schedule!.bills.filter((b) => b.term !== undefined && b.term.starts >= '2025-10');
    const empty = { ...first!, subjects: [], retakes: [], bill: 0, tuition: 0, fellowship: 0, credits: 0, instalments: [] };
    const free = { ...second!, bill: 0 };
    const remaining = remainingBills([empty, free, second!], '2025-10-01');
    expect(remaining.bills).toEqual([free, second]);
  });

  it('is in the judgement when the caller gives today', () => {
    expect(j.remaining?.total).toBe(18_710);
    expect(judgePlan(real, readJson('examples/second-year.json') as PlanFile).remaining).toBeUndefined();
  });
});
