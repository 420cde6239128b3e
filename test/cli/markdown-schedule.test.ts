import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from '../../src/cli/render/markdown.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { plan, real } from '../domain/catalogues.js';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

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
