import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-process.js';
import { KEY, spawnInTerminal, tempStore, type Terminal } from './terminal.js';

// The planner's schedule step in the built program, in a real pseudo-terminal: a student moves a
// subject to another term, and the saved plan (as `plans export` prints it) carries the move.

const FLAGS = [
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

/** Moves Epidemiology (the fifth subject) from Semester One 2025/26 to Semester One 2026/27, three terms on, beside the Dissertation, accepts, and skips the results question. */
async function moveEpidemiology(t: Terminal): Promise<string> {
  const proposed = await t.waitFor('Accept this schedule, or move a subject to another term?');
  t.press(KEY.down, KEY.enter);
  await t.waitFor('Which subject will you move?');
  t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
  await t.waitFor('Move Epidemiology to which term?');
  t.press(KEY.down, KEY.down, KEY.down, KEY.enter);
  const moved = await t.waitFor('Accept this schedule, or move a subject to another term?');
  t.press(KEY.enter);
  // Terms of the plan have ended by today: results are offered, and Enter skips them (a resumed
  // session is not asked again).
  await t.waitFor('No results to record now');
  t.press(KEY.enter);
  expect(proposed).toContain('Your schedule, term by term, as proposed:');
  return moved;
}

async function exported(storeDir: string, name: string): Promise<{ schedule?: { term: string; subjects: string[] }[] }> {
  const result = await runCli(['plans', 'export', name], { storeDir });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const termOf = (plan: Awaited<ReturnType<typeof exported>>, id: string) =>
  plan.schedule?.filter((e) => e.subjects.includes(id)).map((e) => e.term);

describe('the schedule step in a terminal', () => {
  test('moving a subject to another term is saved in the plan', async () => {
    const storeDir = tempStore();
    const t = spawnInTerminal(['plan', ...FLAGS, '--name', 'moved'], { storeDir });
    const moved = await moveEpidemiology(t);
    expect(moved).toContain('Your schedule, term by term, with your changes:');
    // Two subjects, 12 credits: within the part-time load, which is in subjects.
    expect(moved).toMatch(/Semester One 2026\/27\s+█+░*\s+12 cr\s+HK\$[\d,]+\s+◆ graduation\s+Dissertation, Epidemiology/);
    expect(moved).not.toContain('! over');
    const review = await t.waitFor('What next?');
    // The review is check's report, with the plan's own schedule.
    expect(review).toContain('moved: ✔ valid');
    expect(review).toContain('Schedule');
    t.press(KEY.enter);
    await t.waitFor('Saved as "moved"');
    expect(await t.exited).toBe(0);
    const plan = await exported(storeDir, 'moved');
    expect(termOf(plan, 'epidemiology')).toEqual(['Semester One 2026/27']);
    expect(termOf(plan, 'professional-development-in-health-informatics')).toEqual(['Semester Two 2024/25']);
    // The exported plan file is valid as it stands.
    expect((await runCli(['check', '-'], { stdin: JSON.stringify(plan) })).code).toBe(0);
  });

  test('Ctrl-C at the review keeps the schedule in the draft; --resume goes back to the review and saves it', async () => {
    const storeDir = tempStore();
    const first = spawnInTerminal(['plan', ...FLAGS, '--name', 'resumed'], { storeDir });
    await moveEpidemiology(first);
    await first.waitFor('What next?');
    first.press(KEY.ctrlC);
    await first.waitFor('Stopped. Your answers so far are kept as a draft');
    expect(await first.exited).toBe(130);

    const second = spawnInTerminal(['plan', '--resume'], { storeDir });
    const opening = await second.waitFor('What next?');
    expect(opening).not.toContain('Accept this schedule');
    second.press(KEY.enter);
    await second.waitFor('Saved as "resumed"');
    expect(await second.exited).toBe(0);
    expect(termOf(await exported(storeDir, 'resumed'), 'epidemiology')).toEqual(['Semester One 2026/27']);
  });
});

describe('changing the study mode at the review, in a terminal', () => {
  test('an own full-time schedule is kept under part-time, and the planner says which terms are now above the load', async () => {
    const storeDir = tempStore();
    const fullTime = FLAGS.map((flag) => (flag === 'part-time' ? 'full-time' : flag));
    const t = spawnInTerminal(['plan', ...fullTime, '--name', 'switched'], { storeDir });
    // Full-time proposal: five subjects, then four with the Dissertation; move the Dissertation (the ninth) to the Summer Term.
    await t.waitFor('Accept this schedule, or move a subject to another term?');
    t.press(KEY.down, KEY.enter);
    await t.waitFor('Which subject will you move?');
    t.press(...Array<string>(8).fill(KEY.down), KEY.enter);
    await t.waitFor('Move Dissertation to which term?');
    t.press(KEY.down, KEY.enter);
    await t.waitFor('Accept this schedule, or move a subject to another term?');
    t.press(KEY.enter);
    await t.waitFor('No results to record now');
    t.press(KEY.enter);
    await t.waitFor('What next?');
    // Change Study mode is the third choice; Part-time the second mode.
    t.press(KEY.down, KEY.down, KEY.enter);
    await t.waitFor('How will you study?');
    t.press(KEY.down, KEY.enter);
    const warned = await t.waitFor('! Your own schedule no longer suits part-time study:');
    const review = await t.waitFor('What next?');
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(warned + review)).toContain('Semester One 2024/25 has 5 subjects, above the normal 2 subjects a term for part-time study');
    // The review's report shows the same warnings, and the plan stays valid: a heavy term is the student's choice.
    expect(flat(review)).toContain('switched: ✔ valid');
    expect(flat(review)).toContain('Semester Two 2024/25 has 3 subjects, above the normal 2 subjects a term for part-time study');
    t.press(KEY.enter);
    await t.waitFor('Saved as "switched"');
    expect(await t.exited).toBe(0);
    const plan = await exported(storeDir, 'switched');
    expect(termOf(plan, 'dissertation')).toEqual(['Summer Term 2024/25']);
    expect((plan as { mode?: string }).mode).toBe('part-time');
  });
});
