import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/run-process.js';
import { KEY, spawnInTerminal, tempStore } from './terminal.js';

// In a real terminal: Enter at the review, then Enter at "Replace it?", keeps the saved plan.

const FLAGS = [
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'Epidemiology',
  'LGT5037',
  '--elective',
  'COMP5434',
  'APSS6403',
  '--route',
  'dissertation',
];
const plans = (storeDir: string): { name: string; plan: { fellowship: boolean }; updatedAt: string }[] =>
  JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')).plans;

test('Enter on the replace question keeps the saved plan unchanged and asks for another name', async () => {
  const storeDir = tempStore();
  expect((await runCli(['plan', '--no-input', ...FLAGS, '--name', 'My plan'], { storeDir })).code).toBe(0);
  const [before] = plans(storeDir);

  const t = spawnInTerminal(['plan', ...FLAGS, '--fellowship', '--name', 'my plan'], { storeDir });
  await t.waitFor('Accept this schedule');
  t.press(KEY.enter);
  // Terms of the plan have ended by today: results are offered, and Enter skips them.
  await t.waitFor('No results to record now');
  t.press(KEY.enter);
  await t.waitFor('Save as "my plan", replacing "My plan"');
  await t.waitFor('Discard this plan');
  t.press(KEY.enter);
  await t.waitFor('The saved plan "My plan" has this name. Replace it with this plan?');
  await t.waitFor('No, keep it and choose another name');
  t.press(KEY.enter);
  await t.waitFor('A name for this plan:');
  await t.waitFor('my plan 2');
  // Nothing is written while the question is open: the saved plan is as it was.
  expect(plans(storeDir)).toEqual([before]);
  t.press(KEY.enter);
  await t.waitFor('Save as "my plan 2"');
  await t.waitFor('Discard this plan');
  t.press(KEY.enter);
  await t.waitFor('Saved as "my plan 2"');
  expect(await t.exited).toBe(0);

  const after = plans(storeDir);
  expect(after.map((p) => p.name)).toEqual(['My plan', 'my plan 2']);
  expect(after[0]).toEqual(before);
  expect(after[1]!.plan.fellowship).toBe(true);
});
