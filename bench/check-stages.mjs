// Where `check --json` over the ratio cohort spends its time, stage by stage, cold: each round runs
// the stages once in a fresh process (dist/ imported directly), beside the read-and-parse floor and
// the program's start-up (`check` of one plan against `node -e 0`). It then sums every stage but
// judging against the floor: the ratio `check --json` could reach if judging cost nothing, which
// is why its 2.5x target stays out of reach (docs/performance.md).
// Usage: node bench/check-stages.mjs [--runs N] [--files N]   (build first: npm run build)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlans } from './generate-plans.mjs';
import { BIN, cleanEnv, loadWarning, machine, needBuild, positiveInt, ROOT, runMain, timeOnce, WORK } from './lib.mjs';

const CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');
const FLOOR = path.join(ROOT, 'bench', 'read-parse-floor.mjs');
const STAGES = ['read', 'parse and validate', 'judge', 'build objects', 'serialise'];

/** In the child: each stage of `check --json` over `files`, once, in milliseconds. */
async function stagesOnce(files) {
  const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
  const { loadCatalogue } = await dist('cli/io/catalogue.js');
  const { readPlanText, planFromText } = await dist('cli/io/plan-file.js');
  const { judgePlan } = await dist('domain/plan/judge.js');
  const { judgementJson, failureJson } = await dist('cli/render/check-json.js');
  const { safeJson } = await dist('cli/render/sanitize.js');
  const catalogue = loadCatalogue(undefined);
  const times = {};
  const time = (stage, work) => {
    const start = performance.now();
    const result = work();
    times[stage] = performance.now() - start;
    return result;
  };
  const texts = time('read', () => files.map((file) => readPlanText(file, process.stdin)));
  const loaded = time('parse and validate', () => files.map((file, i) => planFromText(catalogue, file, texts[i])));
  const judged = time('judge', () => loaded.map((plan) => (plan.ok ? judgePlan(catalogue, plan.plan) : undefined)));
  const objects = time('build objects', () =>
    loaded.map((plan, i) => (plan.ok ? judgementJson(files[i], judged[i]) : failureJson(files[i], plan.code, plan.messages))),
  );
  const chars = time('serialise', () => `[${objects.map((o) => safeJson(o)).join(',\n')}]\n`.length);
  return { times, chars, invalid: judged.filter((j) => j !== undefined && !j.valid).length, failed: loaded.filter((l) => !l.ok).length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stages({ runs, files: count }) {
  needBuild();
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
  const { files } = generatePlans(path.join(WORK, 'ratio-plans'), count, catalogue, 20240901, { invalidShare: 0.2 });
  const relative = files.map((f) => path.relative(WORK, f));
  const env = cleanEnv();
  const node = process.execPath;
  const samples = { ...Object.fromEntries(STAGES.map((s) => [s, []])), floor: [], bare: [], startUp: [] };
  let last;
  for (let round = -1; round < runs; round++) {
    const child = spawnSync(node, [new URL(import.meta.url).pathname, '--child'], {
      cwd: WORK,
      env,
      input: JSON.stringify(relative),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (child.status !== 0) throw new Error(`the stages' child failed:\n${child.stderr}`);
    const floor = timeOnce([node, FLOOR, ...relative], { cwd: WORK, env }).ms;
    const bare = timeOnce([node, '-e', '0'], { env }).ms;
    const startUp = timeOnce([node, BIN, 'check', path.join('examples', 'dissertation.json')], { env }).ms;
    if (round < 0) continue; // a warm-up round: the files are in the page cache from here on
    last = JSON.parse(child.stdout);
    for (const stage of STAGES) samples[stage].push(last.times[stage]);
    samples.floor.push(floor);
    samples.bare.push(bare);
    samples.startUp.push(startUp);
  }
  const floor = median(samples.floor);
  const startUp = median(samples.startUp);
  const rows = [
    ['read-and-parse floor (bench/read-parse-floor.mjs)', floor],
    ['node -e 0', median(samples.bare)],
    ['start-up: check of one plan', startUp],
    ...STAGES.map((stage) => [stage, median(samples[stage])]),
  ];
  console.log(
    `${runs} rounds after 1, each stage timed once per round in a fresh process; ${count} plans, ${last.invalid} judged invalid and ${last.failed} unreadable or malformed; ${last.chars} characters of JSON`,
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, ms] of rows)
    console.log(`  ${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms  ${(ms / floor).toFixed(2)}x the floor`);
  const withoutJudging = startUp + STAGES.filter((s) => s !== 'judge').reduce((sum, s) => sum + median(samples[s]), 0);
  console.log(
    `  every stage but judging, with start-up: ${withoutJudging.toFixed(0)} ms, ${(withoutJudging / floor).toFixed(2)}x the floor; ` +
      `2.5x leaves ${(2.5 * floor - withoutJudging).toFixed(0)} ms to judge ${count} plans, against ${median(samples.judge).toFixed(0)} ms measured`,
  );
}

if (process.argv.includes('--child')) {
  const files = JSON.parse(fs.readFileSync(0, 'utf8'));
  process.stdout.write(JSON.stringify(await stagesOnce(files)));
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(() => {
    console.log(machine());
    const warning = loadWarning();
    if (warning) console.log(warning);
    stages({ runs: positiveInt('runs', 5), files: positiveInt('files', 10_000) });
    const after = loadWarning();
    if (after) console.log(after);
  });
}
