import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../support/run-process.js';

// The record of study through the built program: cases worked by hand from the programme facts
// (HK$5,750 a credit; fellowship min(120,000, tuition of the graduation credits - 42,100)).
const TODAY = { STUDY_PLANNER_TODAY: '2025-10-01' };
const BASE = {
  residency: 'local',
  mode: 'part-time',
  fellowship: true,
  subjects: [
    'SN5023',
    'SN6006',
    'SN5303B',
    'HTI5T04',
    'Epidemiology',
    'Project Management',
    'Big Data Computing',
    'Health Care Ethics',
    'Dissertation',
  ],
};

function planFile(fields: object): string {
  const file = path.join(makeTempDir('study-planner-record-'), 'plan.json');
  fs.writeFileSync(file, JSON.stringify({ ...BASE, ...fields }));
  return file;
}

describe('check with a record of study', () => {
  it('the second-year example: GPA, progress and what is still to pay', async () => {
    const result = await runCli(['check', '--json', 'examples/second-year.json'], { env: TODAY });
    expect(result.code).toBe(0);
    const [report] = JSON.parse(result.stdout);
    expect(report.gpa).toBe(3.33);
    expect(report.progress).toMatchObject({ completedCredits: 10, transferredCredits: 3, exemptedCredits: 0, remainingCredits: 18 });
    expect(report.fees).toMatchObject({ tuition: 155_250, fellowship: 113_150, payable: 42_100 });
    expect(report.schedule.remaining).toEqual({
      asOf: '2025-10-01',
      terms: ['2025/26-semester-two', '2026/27-semester-one'],
      total: 18_710,
    });
    const text = await runCli(['check', 'examples/second-year.json'], { env: { ...TODAY, COLUMNS: '100' } });
    expect(text.stdout).toContain('GPA 3.33 over 9 graded credits; 10 credits completed, 3 transferred');
    expect(text.stdout).toContain('Still to pay from 2025-10-01: HK$18,710 over 2 terms, of HK$42,100 the plan costs in all.');
  });

  it.each([
    [
      'a failed subject, retaken and billed again',
      { grades: { Epidemiology: 'F', SN5023: 'A' } },
      0,
      { tuition: 189_750, fellowship: 120_000, payable: 69_750 },
      ['RETAKE_BILLED'],
      2,
    ],
    ['a low GPA', { grades: { Epidemiology: 'D', SN5023: 'C-' } }, 0, { payable: 52_500 }, ['LOW_GPA'], 1.35],
    [
      'more than half the credits transferred',
      { transferred: ['SN5023', 'SN6006', 'SN5303B', 'Epidemiology', 'Project Management', 'Big Data Computing'] },
      1,
      { chargedCredits: 12 },
      [],
      null,
    ],
    ['an exemption with nothing in its place', { exempted: ['SN5023'] }, 1, { chargedCredits: 27 }, [], null],
  ])('%s', async (_, record, code, fees, warnings, gpa) => {
    const result = await runCli(['check', '--json', planFile(record)], { env: TODAY });
    expect(result.code).toBe(code);
    const [report] = JSON.parse(result.stdout);
    expect(report.fees).toMatchObject(fees);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(warnings);
    expect(report.gpa).toBe(gpa);
  });

  it('an entry in error says which and what to do, and exits 1', async () => {
    const result = await runCli(['check', planFile({ grades: { Epidemiology: 'E' } })], { env: { COLUMNS: '300' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/"grades" gives Epidemiology the grade "E", which is not on the scale; use one of A\+, A, A-/);
  });

  it('a day that is not one is refused with exit 2', async () => {
    const result = await runCli(['check', 'examples/second-year.json'], { env: { STUDY_PLANNER_TODAY: 'tomorrow' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('STUDY_PLANNER_TODAY is "tomorrow", not a day');
  });
});

describe('fees', () => {
  it.each([
    [['--fellowship'], { credits: 28, chargedCredits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 }],
    [['--credits', '30'], { chargedCredits: 27, tuition: 155_250, fellowship: 0, payable: 155_250 }],
    [['--credits', '12', '--fellowship'], { chargedCredits: 9, tuition: 51_750, fellowship: 9_650, payable: 42_100 }],
  ])('--transferred-credits 3 %o', async (args, fees) => {
    const result = await runCli(['fees', '--residency', 'local', '--transferred-credits', '3', '--json', ...args]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject(fees);
  });

  it('--transferred-credits above half the credits required is refused', async () => {
    const result = await runCli(['fees', '--residency', 'local', '--transferred-credits', '16']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('more than 50 per cent of the 31 credits required (15.5)');
  });

  it('--plan --by-term shows what is still to pay beside the whole', async () => {
    const result = await runCli(['fees', '--plan', 'examples/second-year.json', '--by-term', '--json'], { env: TODAY });
    expect(result.code).toBe(0);
    const bills = JSON.parse(result.stdout);
    expect(bills.payable).toBe(42_100);
    expect(bills.remaining.total).toBe(18_710);
  });
});
