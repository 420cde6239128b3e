// Times `check` over a cohort of generated plan files in one call, against a bare Node.js process
// that only reads and parses the same files.
// Usage: node bench/check-throughput.mjs [--files N] [--runs N]   (build first: npm run build)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlans } from './generate-plans.mjs';
import {
  argMax,
  argvBytes,
  BIN,
  cleanEnv,
  loadWarning,
  machine,
  needBuild,
  positiveInt,
  printTable,
  ratio,
  ROOT,
  runMain,
  timeInterleaved,
  WORK,
} from './lib.mjs';

const FLOOR = path.join(ROOT, 'bench', 'read-parse-floor.mjs');
const CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');

export function checkThroughput({ files: count = 10_000, runs = 5 } = {}) {
  needBuild();
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
  // Short relative names, run from bench/.work: the argument list stays far below the system's limit.
  const { files: absolute, tally } = generatePlans(path.join(WORK, 'plans'), count, catalogue);
  const files = absolute.map((f) => path.relative(WORK, f));
  const env = cleanEnv();
  const node = process.execPath;
  const bytes = argvBytes([node, BIN, 'check', '--json', ...files], env);
  const limit = argMax();
  if (bytes > limit * 0.9)
    throw new Error(`${count} file names need ${bytes} bytes of arguments, too near the system's limit of ${limit}; use fewer --files.`);

  console.log(
    `check throughput: ${count} plan files in one call (arguments and environment: ${(bytes / 1024).toFixed(0)} KiB of the system's ${(limit / 1024).toFixed(0)} KiB)`,
  );
  console.log(
    `  generated: ${Object.entries(tally)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );

  // Once untimed, to be sure the benchmark measures real work: one verdict per file, in order.
  const verify = spawnSync(node, [BIN, 'check', '--json', ...files], { cwd: WORK, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (![0, 1, 2].includes(verify.status)) throw new Error(`check --json exited ${verify.status}: ${verify.stderr.slice(0, 500)}`);
  const results = JSON.parse(verify.stdout);
  if (results.length !== count || results.some((r, i) => r.file !== files[i]))
    throw new Error('check --json did not report every file, in order');
  const verdicts = {};
  for (const r of results) {
    const key = r.valid ? (r.warnings.length ? 'valid with warnings' : 'valid') : r.errors[0].code;
    verdicts[key] = (verdicts[key] ?? 0) + 1;
  }
  console.log(
    `  verdicts: ${Object.entries(verdicts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; exit ${verify.status}`,
  );

  const [floor, json, human] = timeInterleaved(
    [
      { label: 'read and JSON.parse only (floor)', argv: [node, FLOOR, ...files] },
      { label: 'study-planner check --json', argv: [node, BIN, 'check', '--json', ...files], expect: [verify.status] },
      { label: 'study-planner check', argv: [node, BIN, 'check', ...files], expect: [verify.status] },
    ],
    { runs, warmup: 1, cwd: WORK, env },
  );
  for (const r of [json, human]) r.extra = `${ratio(r.median, floor.median)} (min ${ratio(r.min, floor.min)})`;
  console.log(`  ${runs} runs each after a warm-up, interleaved; output to /dev/null`);
  printTable([floor, json, human], 'vs floor');
  const perFile = (r) => `${(((r.median - floor.median) * 1000) / count).toFixed(0)} µs`;
  console.log(`  beyond the floor, per file: ${perFile(json)} (--json), ${perFile(human)} (report)`);
  const worst = Math.max(json.median, human.median) / floor.median;
  console.log(`  aim: within 3x of the floor: ${worst <= 3 ? 'met' : 'MISSED'} (${worst.toFixed(2)}x at worst, medians)`);
  return { count, floor, json, human };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(() => {
    console.log(machine());
    const warning = loadWarning();
    if (warning) console.log(warning);
    checkThroughput({ files: positiveInt('files', 10_000), runs: positiveInt('runs', 5) });
  });
}
