import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

const BASE = JSON.parse(fs.readFileSync('examples/part-time-schedule.json', 'utf8'));
const OWN_TERMS = BASE.schedule as { term: string; subjects: string[] }[];

interface Row {
  name: string;
  schedule: { term: string; subjects: string[] }[];
  exit: 0 | 1;
  errors: string[];
  warnings: string[];
  /** Words the human report must show. */
  says: RegExp;
}

const rows: Row[] = [
  {
    name: 'a valid schedule',
    schedule: OWN_TERMS,
    exit: 0,
    errors: [],
    warnings: [],
    says: /Semester One 2026\/27\s+█+\s+9 cr\s+HK\$15,750\s+◆ graduation/,
  },
  {
    // The guidance is in subjects: three in a part-time semester is above it, whatever their 7 credits.
    name: 'an overloaded term is a warning, not an error',
    schedule: [
      { term: 'Semester One 2024/25', subjects: ['SN5023', 'HTI5T04', 'SN6006'] },
      { term: 'Semester Two 2024/25', subjects: ['SN5303B'] },
      ...OWN_TERMS.slice(2),
    ],
    exit: 0,
    errors: [],
    warnings: ['SCHEDULE_OVERLOAD'],
    says: /Semester One 2024\/25 has 3 subjects, above the normal 2 subjects a term for part-time study/,
  },
  {
    name: 'Health Care Ethics with the Dissertation (two subjects, 12 credits) is within the part-time load',
    schedule: [
      ...OWN_TERMS.slice(0, 3),
      { term: 'Semester Two 2025/26', subjects: ['Big Data Computing'] },
      { term: 'Semester One 2026/27', subjects: ['Health Care Ethics', 'Dissertation'] },
    ],
    exit: 0,
    errors: [],
    warnings: [],
    says: /Semester One 2026\/27\s+█+\s+12 cr\s+HK\$[\d,]+\s+◆ graduation/,
  },
  {
    name: 'the Dissertation before the compulsory subjects are done is a warning',
    schedule: [
      { term: 'Semester One 2024/25', subjects: ['SN5023', 'HTI5T04'] },
      { term: 'Semester Two 2024/25', subjects: ['SN6006', 'Dissertation'] },
      ...OWN_TERMS.slice(2, 4),
      { term: 'Semester One 2026/27', subjects: ['SN5303B'] },
    ],
    exit: 0,
    errors: [],
    warnings: ['SCHEDULE_LATE_SUBJECT_EARLY'],
    says: /Dissertation is in Semester Two 2024\/25, before the compulsory subjects are done \(Professional Development in Health Informatics is in Semester One 2026\/27\); move it to Semester One 2026\/27 or later\./,
  },
  {
    name: 'a schedule missing a subject is an error',
    schedule: OWN_TERMS.slice(0, -1),
    exit: 1,
    errors: ['SCHEDULE_MISSING_SUBJECT'],
    warnings: [],
    says: /Dissertation is in the plan but in no term of the schedule/,
  },
  {
    name: 'a term before the intake is an error',
    schedule: [
      { term: 'Summer Term 2023/24', subjects: ['SN5023'] },
      { term: 'Semester One 2024/25', subjects: ['HTI5T04'] },
      ...OWN_TERMS.slice(1),
    ],
    exit: 1,
    errors: ['SCHEDULE_BEFORE_INTAKE', 'SCHEDULE_MISSING_SUBJECT'],
    warnings: [],
    says: /Summer Term 2023\/24 is before the intake/,
  },
  {
    name: 'a subject outside the plan is an error',
    schedule: [...OWN_TERMS, { term: 'Semester Two 2026/27', subjects: ['Healthcare Innovation'] }],
    exit: 1,
    errors: ['SCHEDULE_UNPLANNED_SUBJECT'],
    warnings: [],
    says: /lists "Healthcare Innovation", which is not among the plan's subjects/,
  },
];

function writePlan(schedule: Row['schedule']): string {
  const file = path.join(makeTempDir(), 'plan.json');
  fs.writeFileSync(file, JSON.stringify({ ...BASE, schedule }));
  return file;
}

describe.concurrent('check with a schedule', () => {
  it.each(rows)('$name', async (row) => {
    const file = writePlan(row.schedule);
    const [machine, human] = await Promise.all([runInProcess(['check', '--json', file]), runInProcess(['check', file])]);
    expect(machine.code).toBe(row.exit);
    expect(human.code).toBe(row.exit);
    const [result] = JSON.parse(machine.stdout);
    expect(result.errors.map((e: { code: string }) => e.code)).toEqual(row.errors);
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(row.warnings);
    expect(Object.keys(result.schedule)).toEqual([
      'proposed',
      'terms',
      'unscheduled',
      'graduation',
      'fellowshipSplit',
      'initialPaymentNotRefunded',
    ]);
    expect(result.schedule.proposed).toBe(false);
    // However the schedule stands, its bills and the initial payment make the payable total.
    const billed = result.schedule.terms.reduce((sum: number, t: { bill: number }) => sum + t.bill, 0);
    expect(billed + result.fees.initialPayment).toBe(result.fees.payable);
    expect(human.stdout.replace(/\s+/g, ' ')).toMatch(row.says);
    expect(human.stdout).toContain('Schedule');
  });

  it('the JSON schedule: terms with ids, labels, subjects, credits and bills, and the graduation term', async () => {
    const r = await runInProcess(['check', '--json', 'examples/part-time-schedule.json']);
    expect(r.code).toBe(0);
    const [{ schedule }] = JSON.parse(r.stdout);
    expect(schedule.terms.map((t: { term: string }) => t.term)).toEqual([
      '2024/25-semester-one',
      '2024/25-semester-two',
      '2025/26-semester-one',
      '2025/26-semester-two',
      '2026/27-semester-one',
    ]);
    expect(schedule.terms[4]).toEqual({
      term: '2026/27-semester-one',
      label: 'Semester One 2026/27',
      subjects: ['dissertation'],
      credits: 9,
      bill: 15750,
      // 51,750 less the estimated 9/30 of the fellowship, under 3 credits' fee, so all of it before the term.
      tuition: 51750,
      fellowship: 36000,
      initialPaymentApplied: 0,
      instalments: [{ when: 'before the term', amount: 15750 }],
    });
    expect(schedule.fellowshipSplit).toBe('estimate');
    expect(schedule.unscheduled).toEqual([]);
    expect(schedule.graduation).toEqual({ term: '2026/27-semester-one', label: 'Semester One 2026/27' });
  });

  it('subjects without a term: a "Not scheduled" row, listed in unscheduled, and no graduation term', async () => {
    const r = await runInProcess(['check', '--json', writePlan(OWN_TERMS.slice(0, -1))]);
    const [{ schedule }] = JSON.parse(r.stdout);
    expect(schedule.terms.at(-1)).toMatchObject({ term: null, label: 'Not scheduled', subjects: ['dissertation'] });
    expect(schedule.unscheduled).toEqual(['dissertation']);
    expect(schedule.graduation).toBeNull();
  });

  it('a plan without a schedule has no schedule key and no timeline', async () => {
    const [machine, human] = await Promise.all([
      runInProcess(['check', '--json', 'examples/dissertation.json']),
      runInProcess(['check', 'examples/dissertation.json']),
    ]);
    expect(JSON.parse(machine.stdout)[0]).not.toHaveProperty('schedule');
    expect(human.stdout).not.toContain('◆ graduation');
  });
});
