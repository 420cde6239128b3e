import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from '../../src/cli/render/markdown.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { plan, real } from '../domain/catalogues.js';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const PLAN = [
  'plan',
  '--no-input',
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'Epidemiology',
  'Project Management',
  '--elective',
  'Big Data Computing',
  'Health Care Ethics',
  '--route',
  'dissertation',
  '--fellowship',
  '--name',
  'Alex',
];

/** The "## Schedule and bills" section's table rows, as cells. */
function rowsOf(section: string): string[][] {
  return section
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .slice(2)
    .map((l) => l.slice(2, -2).split(' | '));
}

describe('plans export --format md: schedule and bills', () => {
  it('has each term with its subjects, bill and instalments, the graduation term, bills that add up, and the split marked as an estimate', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess(PLAN, { storeDir })).code).toBe(0);
    const { code, stdout } = await runInProcess(['plans', 'export', 'Alex', '--format', 'md'], { storeDir });
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('## Schedule and bills'));
    expect(section).toContain('| Term | Subjects | Credits | Bill | Paid as |');
    expect(section).toContain('| Paid on accepting the offer | - | - | HK\\$17,250 | the initial payment |');
    expect(section).toContain('| Semester One 2024/25 | SN5023, SN6006 | 6 | HK\\$0 | HK\\$10,500 of the initial payment |');
    expect(section).toContain(
      '| Semester One 2025/26 | HTI5601, LGT5037 | 6 | HK\\$9,000 | HK\\$1,500 of the initial payment, HK\\$9,000 before the term |',
    );
    expect(section).toContain('| Semester One 2026/27 (graduation) | HSS5903 | 9 | HK\\$15,750 | HK\\$15,750 before the term |');
    expect(section).toContain('Expected graduation: Semester One 2026/27.');
    // Every term's row: a bill, never negative; with the initial payment's row they make the total.
    const money = (cell: string) => Number(cell.replace(/[^\d-]/g, ''));
    const rows = rowsOf(section);
    const total = rows.pop()!;
    expect(total[0]).toBe('**Total payable**');
    expect(money(total[3]!)).toBe(52_500);
    for (const row of rows) expect(money(row[3]!)).toBeGreaterThanOrEqual(0);
    expect(rows.reduce((sum, row) => sum + money(row[3]!), 0)).toBe(52_500);
    expect(section).toContain("_The fellowship's split over terms is an estimate: PolyU does not publish it._");
    expect(section).toContain(
      "each Semester One and Semester Two is billed up to 3 credits' fee before it starts and the rest after add/drop; each Summer Term is billed once, after add/drop._",
    );
    expect(section).not.toContain('refund');
  });

  it('a plan cheaper than the initial payment: every bill zero, and says the difference is not refunded', () => {
    const cheap = plan(['epidemiology'], {
      residency: 'non-local',
      mode: 'part-time',
      schedule: [{ term: 'Semester One 2024/25', subjects: ['epidemiology'] }],
    });
    const text = renderMarkdownReport({
      name: 'cheap',
      updatedAt: '2026-12-01T00:00:00Z',
      judgement: judgePlan(real, cheap),
      catalogue: real,
    });
    const section = text.slice(text.indexOf('## Schedule and bills'));
    expect(section).toContain('| Paid on accepting the offer | - | - | HK\\$34,500 | the initial payment |');
    expect(section).toContain('| Semester One 2024/25 | HTI5601 | 3 | HK\\$0 | HK\\$17,250 of the initial payment |');
    expect(section).toContain('**HK\\$34,500**');
    expect(section).toContain(
      '_The plan costs HK\\$17,250 less than the initial payment, so every bill is HK\\$0; PolyU does not refund the difference',
    );
    expect(section).not.toMatch(/-HK|HK\\\$-/);
    expect(section).not.toContain('split over terms');
  });
});

const SECOND_YEAR = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'second-year.json'), 'utf8'));
const cash = (cell: string) => Number(cell.replace(/[^\d-]/g, ''));

/** The report of examples/second-year.json, changed by `change`, as on 1 October 2025. */
function secondYearReport(change: Record<string, unknown> = {}): string {
  return renderMarkdownReport({
    name: 'Second year',
    updatedAt: '2025-10-01T00:00:00Z',
    judgement: judgePlan(real, { ...SECOND_YEAR, ...change }),
    catalogue: real,
    today: '2025-10-01',
  });
}

/** The section that starts at `heading`, up to the next "## " heading. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + heading.length);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('plans export --format md: the record of study', () => {
  it('lists each result in plan order, the GPA and the credits completed, transferred, exempted and left', () => {
    const record = sectionOf(secondYearReport(), '## Record of study');
    expect(record.split('\n').filter((l) => l.startsWith('| '))).toEqual([
      '| Code | Subject | Credits | Result |',
      '| --- | --- | ---: | --- |',
      '| SN5023 | Electronic Patient Records | 3 | B+ |',
      '| SN6006 | Information Technology in Healthcare | 3 | A- |',
      '| SN5303B | Professional Development in Health Informatics | 3 | B |',
      '| HTI5T04 | Academic Integrity and Ethics | 1 | P (a pass without a grade point) |',
      '| HTI5601 | Epidemiology | 3 | credit transferred |',
      '| Progress | Credits |',
      '| --- | ---: |',
      '| Completed | 10 |',
      '| Transferred | 3 |',
      '| Exempted (not counted) | 0 |',
      '| Still to take | 18 |',
    ]);
    // (3.3 x 3 + 3.7 x 3 + 3.0 x 3) / 9, as docs/second-year.md works it.
    expect(record).toContain('GPA: **3.33** over 9 graded credits');
  });

  it('a failed subject and an exemption: the fail says it is retaken, the exemption that its credits do not count', () => {
    const text = secondYearReport({
      grades: { ...SECOND_YEAR.grades, 'Project Management': 'F' },
      transferred: [],
      exempted: ['Epidemiology'],
    });
    const record = sectionOf(text, '## Record of study');
    expect(record).toContain('| LGT5037 | Project Management | 3 | F (failed: to be retaken) |');
    expect(record).toContain('| HTI5601 | Epidemiology | 3 | exempted (credits not counted) |');
    expect(record).toContain('| Exempted (not counted) | 3 |');
    expect(record).toContain('| Transferred | 0 |');
    // The F has 0 points and counts: (3.3 x 3 + 3.7 x 3 + 3.0 x 3 + 0 x 3) / 12 = 2.50.
    expect(record).toContain('GPA: **2.50** over 12 graded credits');
    const bills = sectionOf(text, '## Schedule and bills');
    expect(bills).toContain('_Exempted subjects are not billed: Epidemiology (3 credits) has no term and no bill._');
    expect(bills).toContain('| Semester Two 2025/26 | APSS6403, LGT5037 (retake) | 6 | HK\\$21,928 |');
  });

  it('a plan without a record has no such section', () => {
    const { grades: _g, transferred: _t, ...plain } = SECOND_YEAR;
    const text = renderMarkdownReport({
      name: 'plain',
      updatedAt: '2025-10-01T00:00:00Z',
      judgement: judgePlan(real, plain),
      catalogue: real,
    });
    expect(text).not.toContain('Record of study');
    expect(text).not.toContain('not billed');
  });
});

describe('plans export --format md: the total payable row', () => {
  it.each([
    ['a transferred subject', {}, 28],
    ['a failed subject, billed again in a later term', { grades: { ...SECOND_YEAR.grades, 'Big Data Computing': 'F' } }, 31],
  ])('with %s, its credits are the sum of the term rows, and its amount the sum of the bills', (_what, change, credits) => {
    const section = sectionOf(secondYearReport(change), '## Schedule and bills');
    const rows = rowsOf(section.slice(0, section.indexOf('Expected graduation')));
    const total = rows.pop()!;
    expect(total[0]).toBe('**Total payable**');
    expect(Number(total[2])).toBe(credits);
    // The initial payment's row has no credits ("-"); every term row's credits add up to the total.
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[2]), 0)).toBe(credits);
    expect(rows.reduce((sum, row) => sum + cash(row[3]!), 0)).toBe(cash(total[3]!));
    expect(section).toContain(
      '_Transferred credits are not billed: Epidemiology (3 credits), credit transferred from earlier study, has no term and no bill._',
    );
  });

  it('through the command: the saved plan exported as Markdown shows 28 credits billed of the 31 planned', async () => {
    const storeDir = makeTempDir();
    const env = { STUDY_PLANNER_TODAY: '2025-10-01' };
    const file = path.join(ROOT, 'examples', 'second-year.json');
    expect((await runInProcess(['plans', 'import', file, '--name', 'Second year'], { storeDir, env })).code).toBe(0);
    const { code, stdout } = await runInProcess(['plans', 'export', 'Second year', '--format', 'md'], { storeDir, env });
    expect(code).toBe(0);
    expect(stdout).toContain('| Credits | 31 of 31 required |');
    expect(stdout).toContain('| **Total payable** |  | 28 | **HK\\$42,100** |  |');
    expect(stdout).toContain('## Record of study');
    expect(stdout).toContain('### Still to pay from 2025-10-01');
  });
});
