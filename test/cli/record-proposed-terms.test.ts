import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

// A record of study is read against the plan's own schedule, or else the proposed one.
describe('a plan with a record of study and no schedule of its own', () => {
  const dir = makeTempDir();
  const file = path.join(dir, 'second-year-no-schedule.json');
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'second-year.json'), 'utf8'));
  delete plan.schedule;
  fs.writeFileSync(file, JSON.stringify(plan));

  it('shows the subjects still to take in their proposed terms, and what is still to pay', async () => {
    const result = await runInProcess(['check', file], { env: { COLUMNS: '80', STUDY_PLANNER_TODAY: '2025-10-01' } });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('to take: Big Data Computing (Semester One 2025/26)');
    expect(result.stdout).toContain('Still to pay from 2025-10-01');
  });

  it('gives the remaining bills in --json, beside the progress', async () => {
    const result = await runInProcess(['--json', 'check', file], { env: { STUDY_PLANNER_TODAY: '2025-10-01' } });
    const [verdict] = JSON.parse(result.stdout);
    expect(verdict.schedule).toBeUndefined();
    expect(verdict.remaining).toMatchObject({ asOf: '2025-10-01' });
    expect(verdict.remaining.total).toBeGreaterThan(0);
    expect(verdict.progress.remainingCredits).toBe(18);
  });
});
