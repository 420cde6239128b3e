// The long fuzz run: the cases and checks of test/hardening/fuzz.test.ts (the same generators and
// the same pipeline checks), against the built program in dist/, for as long as asked.
// Usage: node bench/fuzz-night.mjs [--runs N] [--minutes M] [--seed S]
//   --runs     cases to try, plans and catalogues together (default 1,000,000)
//   --minutes  stop after this long instead, whichever comes first
//   --seed     the first batch's seed (each batch of 10,000 cases takes the next). A failure prints
//              its batch's seed: --seed S --runs 10000 replays that batch. (FUZZ_SEED=S does the
//              same for the suite's own run: FUZZ_SEED=S npx vitest run test/hardening/fuzz.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { machine, positiveInt, ROOT, flag } from './lib.mjs';
import { catalogueCase, planCase } from '../test/hardening/generators.mjs';
import { runCase, snapshotPrototypes } from '../test/hardening/pipeline.mjs';

const dist = (p) => import(path.join(ROOT, 'dist', p));
if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing; run "npm run build" first.');
const [
  { parseCatalogue },
  { parsePlan },
  { judgePlan },
  { planSchedule },
  { FileError, parseJson },
  { decodeText },
  { judgementJson },
  { renderJudgement },
  { makeStyle },
] = await Promise.all([
  dist('domain/catalogue/validate.js'),
  dist('domain/plan/parse.js'),
  dist('domain/plan/judge.js'),
  dist('domain/schedule/plan-schedule.js'),
  dist('cli/io/read-file.js'),
  dist('cli/io/stdin.js'),
  dist('cli/render/check-json.js'),
  dist('cli/render/check-report.js'),
  dist('cli/render/style.js'),
]);
const pipeline = {
  decodeText,
  parseJson,
  FileError,
  parsePlan,
  parseCatalogue,
  judgePlan,
  planSchedule,
  judgementJson,
  renderJudgement,
  makeStyle,
};

const readJson = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const realJson = readJson('data/polyu-msc-health-informatics-2024.json');
const inventedJson = readJson('test/fixtures/invented-programme.json');
const real = parseCatalogue(realJson).catalogue;

const runs = positiveInt('runs', 1_000_000);
const minutes = Number(flag('minutes', 'Infinity'));
let seed = Number(flag('seed', String(Date.now() % 2 ** 31)));
const deadline = Date.now() + minutes * 60_000;
const BATCH = 10_000;

const pristine = snapshotPrototypes();
const tally = {};
let cases = 0;
const property = fc.property(
  fc.oneof({ weight: 5, arbitrary: planCase(realJson) }, { weight: 1, arbitrary: catalogueCase([realJson, inventedJson]) }),
  (c) => {
    const outcome = runCase(pipeline, c, real);
    pristine(++cases % 100 === 0);
    tally[`${c.kind} ${outcome}`] = (tally[`${c.kind} ${outcome}`] ?? 0) + 1;
  },
);

console.log(machine());
console.log(
  `fuzz: up to ${runs.toLocaleString('en-US')} cases${Number.isFinite(minutes) ? ` or ${minutes} minutes` : ''}, from seed ${seed}`,
);
const start = Date.now();
let done = 0;
while (done < runs && Date.now() < deadline) {
  const numRuns = Math.min(BATCH, runs - done);
  const details = fc.check(property, { numRuns, seed });
  if (details.failed) {
    console.error(fc.defaultReportMessage(details));
    console.error(`\nFAILED in the batch with --seed ${seed} after ${done.toLocaleString('en-US')} earlier cases.`);
    process.exit(1);
  }
  done += numRuns;
  seed = (seed + 1) % 2 ** 31;
  const seconds = (Date.now() - start) / 1000;
  process.stdout.write(`\r  ${done.toLocaleString('en-US')} cases, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} a second`);
}
console.log(
  `\n  no failure; outcomes: ${Object.entries(tally)
    .sort()
    .map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
    .join(', ')}`,
);
