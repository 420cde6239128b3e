// Saves to the store in a tight loop, through the built program's store (dist/), until killed:
// plans under rolling names, the draft and a default in turn. Says "saving NAME" before each plan
// is saved and "saved NAME" once savePlan has returned, so the test that kills it knows which
// saves were finished. The store directory comes from STUDY_PLANNER_STORE_DIR.
// Usage: node test/hardening/save-loop.mjs PREFIX
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { openStore } = await import(path.join(root, 'dist/cli/io/store.js'));
const { parseCatalogue } = await import(path.join(root, 'dist/domain/catalogue/validate.js'));
const { parsePlan } = await import(path.join(root, 'dist/domain/plan/parse.js'));

const catalogue = parseCatalogue(
  JSON.parse(fs.readFileSync(path.join(root, 'data/polyu-msc-health-informatics-2024.json'), 'utf8')),
).catalogue;
const plan = parsePlan(catalogue, JSON.parse(fs.readFileSync(path.join(root, 'examples/dissertation.json'), 'utf8'))).plan;
const prefix = process.argv[2] ?? 'loop';
const store = await openStore({ env: process.env, notice: (message) => process.stderr.write(`${message}\n`) });

// Synchronous writes: a line the test has read was written before the kill, never after.
const say = (line) => fs.writeSync(1, `${line}\n`);
say('ready');
for (let i = 0; ; i++) {
  const name = `${prefix}-${i % 25}`;
  say(`saving plan ${name}`);
  // The names roll over: a save replaces the plan of that name, as --force would.
  store.savePlan(name, { ...plan, fellowship: i % 2 === 0 }, { replace: true });
  say(`saved plan ${name}`);
  if (i % 3 === 0) {
    say('saving draft');
    store.saveDraft({
      catalogue: catalogue.id,
      answers: { residency: 'local', picks: { core: ['epidemiology'] }, routes: {} },
      updatedAt: new Date().toISOString(),
    });
    say('saved draft');
  }
  if (i % 5 === 0) {
    say('saving default');
    store.setDefault('residency', i % 10 === 0 ? 'local' : 'non-local');
    say('saved default');
  }
  // Back to the event loop between saves, as the program is: only then can a SIGINT or SIGTERM
  // handler run (conf's clean-up on exit installs one), so those signals land between saves, and
  // SIGKILL, which no handler delays, anywhere at all.
  await new Promise((resolve) => setImmediate(resolve));
}
