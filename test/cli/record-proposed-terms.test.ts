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

describe('the record of study beside a requirement the plan leaves unmet', () => {
  it('never marks it done: an exemption from a subject no requirement names leaves Core one short, and says so', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'exempted-core.json');
    // The example dissertation plan, with Epidemiology graded and Project Management exempted.
    const { subjects } = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'), 'utf8'));
    fs.writeFileSync(
      file,
      JSON.stringify({ residency: 'local', mode: 'part-time', subjects, grades: { Epidemiology: 'A' }, exempted: ['Project Management'] }),
    );
    const result = await runInProcess(['check', file], { env: { COLUMNS: '80', NO_COLOR: '1', STUDY_PLANNER_TODAY: '2025-10-01' } });
    expect(result.code).toBe(1);
    const text = result.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('✖ Core subjects: done: Epidemiology; still needs 1 more core subject');
    expect(text).not.toContain('✔ Core subjects: done');
  });
});
