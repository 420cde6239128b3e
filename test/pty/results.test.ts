import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../support/run-process.js';
import { KEY, spawnInTerminal, tempStore, words } from './terminal.js';

// Results so far, in the built program in a real pseudo-terminal: `plans edit` opens a saved plan
// at its review with its record, a grade is changed through the results step and saved; `plan`
// asks for results once a term of the plan has ended, and Enter skips the question.

const SECOND_YEAR = path.join(ROOT, 'examples', 'second-year.json');

interface Exported {
  grades?: Record<string, string>;
  transferred?: string[];
  exempted?: string[];
  schedule?: { term: string; subjects: string[] }[];
}

async function exported(storeDir: string, name: string): Promise<Exported> {
  const result = await runCli(['plans', 'export', name], { storeDir });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Exported;
}

describe('plans edit in a terminal', () => {
  test('opens at the review with the saved answers and record; a grade changed at the results step is saved', async () => {
    const storeDir = tempStore();
    const env = { STUDY_PLANNER_TODAY: '2025-10-01', NO_COLOR: '1' };
    expect((await runCli(['plans', 'import', SECOND_YEAR, '--name', 'Second year'], { storeDir, env })).code).toBe(0);
    const before = await exported(storeDir, 'Second year');

    const t = spawnInTerminal(['plans', 'edit', 'Second year'], { storeDir, env });
    // No question before the review: the saved answers are all in place, the record with them.
    const review = await t.waitFor('What next?');
    expect(review).not.toContain('Are you a local or a non-local student?');
    expect(review).toContain('Second year: ✔ valid');
    expect(review).toContain('local, part-time, with fellowship; 31 of 31 credits; route: Dissertation');
    expect(review).toMatch(/GPA 3\.33 over 9 graded credits; 10 credits completed, 3\s+transferred/);
    expect(review).toContain('Still to pay from 2025-10-01');
    await t.waitFor('Save as "Second year", replacing the saved plan you are editing');
    // Above "Discard these changes", the last choice: up twice from Save, round the end of the list.
    await t.waitFor('Change Results so far: 5 of 7 recorded');
    await t.waitFor('Discard these changes');
    t.press(KEY.up, KEY.up, KEY.enter);
    await t.waitFor(words('6 of your subjects are in terms that have begun, and 1 is transferred or exempted. Record results for them?'));
    t.press(KEY.down, KEY.enter);
    // Electronic Patient Records has B+; two up is A.
    await t.waitFor('Electronic Patient Records (Semester One 2024/25): your result?');
    await t.waitFor('❯ B+');
    t.press(KEY.up, KEY.up, KEY.enter);
    for (const subject of [
      'Academic Integrity and Ethics',
      'Information Technology in Healthcare',
      'Professional Development in Health Informatics',
      'Project Management',
      'Big Data Computing',
    ]) {
      await t.waitFor(`${subject} (`);
      t.press(KEY.enter);
    }
    // Transferred, so in no term: offered last, its entry kept.
    await t.waitFor('Epidemiology (transferred): your result?');
    t.press(KEY.enter);
    const changed = await t.waitFor('What next?');
    // (4.0 x 3 + 3.7 x 3 + 3.0 x 3) / 9 = 3.57
    expect(changed).toContain('GPA 3.57 over 9 graded credits');
    await t.waitFor('Discard these changes');
    t.press(KEY.enter);
    await t.waitFor('Saved as "Second year"');
    expect(await t.exited).toBe(0);

    // Saved by identifier, as the planner writes a plan: the one grade changed, the rest as they were.
    const after = await exported(storeDir, 'Second year');
    expect(before.grades).toEqual({ SN5023: 'B+', HTI5T04: 'P', SN6006: 'A-', SN5303B: 'B' });
    expect(after.grades).toEqual({
      'electronic-patient-records': 'A',
      'academic-integrity-and-ethics': 'P',
      'information-technology-in-healthcare': 'A-',
      'professional-development-in-health-informatics': 'B',
    });
    expect(after.transferred).toEqual(['epidemiology']);
    expect(after.schedule?.map((e) => e.term)).toEqual(before.schedule?.map((e) => e.term));
  });
});

const FLAGS = [
  'plan',
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'epidemiology',
  'project-management',
  '--elective',
  'big-data-computing',
  'health-care-ethics',
  '--route',
  'dissertation',
  '--fellowship',
];

describe('plan in a terminal, after a term has ended', () => {
  test('the results step appears before the review, and Enter skips it: the plan is saved without a record', async () => {
    const storeDir = tempStore();
    const t = spawnInTerminal([...FLAGS, '--name', 'after'], { storeDir, env: { STUDY_PLANNER_TODAY: '2025-01-05' } });
    await t.waitFor('Accept this schedule');
    t.press(KEY.enter);
    await t.waitFor('2 of your subjects are in terms that have begun. Record results for them?');
    await t.waitFor('❯ No results to record now');
    t.press(KEY.enter);
    await t.waitFor('What next?');
    await t.waitFor('Change Results so far: 0 of 2 recorded');
    await t.waitFor('Discard this plan');
    t.press(KEY.enter);
    await t.waitFor('Saved as "after"');
    expect(await t.exited).toBe(0);
    const plan = await exported(storeDir, 'after');
    expect(plan).not.toHaveProperty('grades');
    expect(plan).not.toHaveProperty('transferred');
    expect(plan).not.toHaveProperty('exempted');
  });

  test('in the first term, before it ends, nothing is asked: the schedule leads straight to the review', async () => {
    const storeDir = tempStore();
    const t = spawnInTerminal([...FLAGS, '--name', 'first term'], { storeDir, env: { STUDY_PLANNER_TODAY: '2024-12-20' } });
    await t.waitFor('Accept this schedule');
    t.press(KEY.enter);
    const upToReview = await t.waitFor('What next?');
    expect(upToReview).not.toContain('Record results');
    await t.waitFor('Discard this plan');
    t.press(KEY.enter);
    await t.waitFor('Saved as "first term"');
    expect(await t.exited).toBe(0);
  });
});
