import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-process.js';
import { KEY, spawnInTerminal, tempStore, words, type Terminal } from './terminal.js';

// The built program in a real pseudo-terminal: what a student sees and types.

const savedPlans = (storeDir: string) => JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8'));

async function answerToCore(t: Terminal): Promise<void> {
  await t.waitFor('Are you a local or a non-local student?');
  t.press(KEY.enter);
  await t.waitFor('How will you study?');
  t.press(KEY.down, KEY.enter);
  await t.waitFor('Compulsory subjects, included in your plan:');
  await t.waitFor('Choose at least 2 core subjects');
}

async function answerFromCore(t: Terminal, name: string): Promise<string> {
  t.press(KEY.space, KEY.down, KEY.space, KEY.enter);
  await t.waitFor('Choose at least 2 elective subjects');
  t.press(KEY.space, KEY.down, KEY.space, KEY.enter);
  await t.waitFor('which will you take?');
  t.press(KEY.enter);
  await t.waitFor('Accept this schedule');
  t.press(KEY.enter);
  await t.waitFor('Include the Targeted');
  t.press(KEY.enter);
  await t.waitFor('A name for this plan:');
  t.press(name, KEY.enter);
  // Terms of the plan have ended by today: results are offered, and Enter skips them.
  await t.waitFor('No results to record now');
  t.press(KEY.enter);
  const review = await t.waitFor('What next?');
  t.press(KEY.enter);
  return review;
}

describe('the planner in a terminal', () => {
  test('a complete plan, from the first question to the saved summary', async () => {
    const storeDir = tempStore();
    const t = spawnInTerminal(['plan'], { storeDir });
    await answerToCore(t);
    const review = await answerFromCore(t, 'pty plan');
    expect(review).toContain('pty plan: ✔ valid');
    expect(review).toMatch(/Payable\s+HK\$52,500/);
    await t.waitFor('Saved as "pty plan"');
    expect(await t.exited).toBe(0);
    const store = savedPlans(storeDir);
    expect(store.plans.map((p: { name: string }) => p.name)).toEqual(['pty plan']);
    expect(store.plans[0].plan.subjects).toContain('dissertation');
    expect(store.draft).toBeUndefined();
  });

  test('Ctrl-C in the middle exits 130 with one line, no stack; --resume goes on to the end', async () => {
    const storeDir = tempStore();
    const first = spawnInTerminal(['plan'], { storeDir });
    await answerToCore(first);
    first.press(KEY.ctrlC);
    const said = await first.waitFor(/Stopped\.[^\n]*\n/);
    expect(await first.exited).toBe(130);
    const after = first.screen().slice(first.screen().indexOf('Stopped.'));
    expect(after.trim().split('\n')).toEqual([
      'Stopped. Your answers so far are kept as a draft; to continue, run study-planner plan --resume',
    ]);
    expect(said).not.toMatch(/\n\s+at /);
    expect(savedPlans(storeDir).draft).toMatchObject({ answers: { residency: 'local', mode: 'part-time' } });

    const second = spawnInTerminal(['plan', '--resume'], { storeDir });
    // It starts at the first unanswered step: residency and mode are not asked again.
    const opening = await second.waitFor('Choose at least 2 core subjects');
    expect(opening).not.toContain('Are you a local or a non-local student?');
    const review = await answerFromCore(second, 'resumed');
    expect(review).toContain('local, part-time, with fellowship');
    await second.waitFor('Saved as "resumed"');
    expect(await second.exited).toBe(0);
    expect(savedPlans(storeDir).draft).toBeUndefined();
  });

  test('at 40 columns the closing words are broken between words, never inside one', async () => {
    const t = spawnInTerminal(['plan'], { storeDir: tempStore(), cols: 40 });
    await t.waitFor(words('Are you a local or a non-local student?'));
    t.press(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const lines = t.screen().slice(t.screen().indexOf('Stopped')).trim().split(/\r?\n/);
    expect(lines).toEqual(['Stopped before the first answer; there', 'was nothing to keep.']);
  });

  test('bare study-planner in a terminal starts the planner', async () => {
    const t = spawnInTerminal([], { storeDir: tempStore() });
    await t.waitFor('Are you a local or a non-local student?');
    t.press(KEY.ctrlC);
    await t.waitFor('Stopped before the first answer; there was nothing to keep.');
    expect(await t.exited).toBe(130);
  });
});

/** `text` wherever a narrow terminal breaks its lines (the prompts break within a word, too). */

describe('extra core subjects are not charged twice', () => {
  test.each([80, 40])(
    'at %i columns: four cores and two electives leave 1 more to choose; 31 of 31 credits and 172,500 to pay',
    async (cols) => {
      const storeDir = tempStore();
      const t = spawnInTerminal(['plan'], { storeDir, cols });
      await t.waitFor(words('Are you a local or a non-local student?'));
      t.press(KEY.down, KEY.enter);
      await t.waitFor(words('How will you study?'));
      t.press(KEY.enter);
      // The compulsory subjects, Academic Integrity and Ethics among them: 1 credit, no tuition.
      await t.waitFor(words('Academic Integrity and Ethics'));
      await t.waitFor(words('1 credit, no tuition'));
      await t.waitFor(words('Choose at least 2 core subjects'));
      // The line of keys under the list is broken between keys, never inside a word ("i i" / "nvert").
      const upToSubmit = await t.waitFor('submit');
      const keyLines = upToSubmit.slice(upToSubmit.lastIndexOf('↑↓ navigate')).split(/\r?\n/);
      expect(keyLines.every((line) => line.length <= cols)).toBe(true);
      expect(keyLines.join(' ')).toContain('i invert');
      t.press(KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
      // The answer, four titles, is wrapped under its question, never split inside a word by the terminal.
      const untilElectives = await t.waitFor(words('Choose at least 2 elective subjects'));
      const answered = untilElectives.slice(untilElectives.lastIndexOf('✔ Choose at least 2 core subjects'));
      const answerLines = answered.slice(0, answered.indexOf('Compulsory 4/4')).split(/\r?\n/);
      expect(answerLines.join(' ')).toMatch(/Artificial Intelligence Concepts,\s+Business Analytics/);
      expect(answerLines.every((line) => line.length <= cols)).toBe(true);
      t.press(KEY.space, KEY.down, KEY.space, KEY.enter);
      await t.waitFor(words('which will you take?'));
      t.press(KEY.down);
      await t.waitFor(words('you choose 1 more core or elective subject next'));
      t.press(KEY.enter);
      const beside = await t.waitFor(words('Choose 1 more core or elective subject'));
      expect(beside).toMatch(words('Dissertation or 3 more 2/3'));
      t.press(KEY.space, KEY.enter);
      await t.waitFor(words('Accept this schedule'));
      t.press(KEY.enter);
      await t.waitFor(words('A name for this plan:'));
      t.press('four cores', KEY.enter);
      // Terms of the plan have ended by today: results are offered, and Enter skips them.
      await t.waitFor(words('No results to record now'));
      t.press(KEY.enter);
      const review = await t.waitFor(words('What next?'));
      expect(review).toMatch(words('31 of 31 credits'));
      expect(review).toMatch(words('HK$172,500'));
      expect(review).not.toMatch(words('more than the 31 required'));
      t.press(KEY.enter);
      await t.waitFor(words('Saved as "four cores"'));
      expect(await t.exited).toBe(0);
      const [saved] = savedPlans(storeDir).plans;
      expect(saved.plan.subjects).toHaveLength(4 + 4 + 2 + 1);
    },
  );
});

describe('without a terminal to ask in', () => {
  test('--no-input in a terminal refuses to prompt and names the flag', async () => {
    const t = spawnInTerminal(['plan', '--no-input', '--residency', 'local'], { storeDir: tempStore() });
    // At a terminal the error is broken between words to fit it.
    await t.waitFor(words('study-planner: --mode is required when not running interactively; pass --mode full-time or --mode part-time.'));
    expect(await t.exited).toBe(2);
    expect(t.screen()).not.toContain('?');
  });

  test('with standard input a pipe, nothing is asked and the flag is named', async () => {
    const result = await runCli(['plan']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'study-planner: --residency is required when not running interactively; pass --residency local or --residency non-local.\n',
    );
  });
});
