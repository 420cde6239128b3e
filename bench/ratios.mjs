// Prints the speed ratios docs/performance.md sets targets for, each with its noise: start-up of `fees --json`,
// `check` of one plan, `subjects` and `plan ... --json` against bare `node -e 0`, and `check --json`
// over a cohort of plan files (1 in 5 invalid) against a script that only reads and parses them.
// Usage: node bench/ratios.mjs [--runs N] [--check-runs N] [--files N] [--compare DIR] [--start-up-only]   (build first)
//
// Each round runs the program and its baseline back to back (interleaved, the order alternating
// from round to round), so a slow moment of the machine falls on both; the ratio is taken per
// round, and the table shows the median of those ratios with their spread (the middle half, p25 to
// p75, and the extremes). Every child runs in lib.mjs's clean environment: NODE_EXTRA_CA_CERTS
// removed (it adds tens of milliseconds to every Node start and would flatter each ratio).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlans } from './generate-plans.mjs';
import {
  argMax,
  argvBytes,
  BIN,
  childCpuSeconds,
  cleanEnv,
  flag,
  loadWarning,
  machine,
  needBuild,
  positiveInt,
  ROOT,
  runMain,
  timeOnce,
  WORK,
} from './lib.mjs';

const FLOOR = path.join(ROOT, 'bench', 'read-parse-floor.mjs');
const CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');
const PLAN = path.join('examples', 'dissertation.json');
const INVALID_SHARE = 0.2;

/** Every answer of `plan` as a flag, without --name (which saves, and so loads the store). */
const PLAN_FLAGS = [
  ...['--residency', 'local', '--mode', 'part-time', '--route', 'dissertation'],
  ...['--core', 'epidemiology', 'LGT5037', '--elective', 'COMP5434', 'APSS6403', '--fellowship'],
  ...['--no-input', '--json'],
];

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Times each of `programs` against `baseline` over `runs` rounds after `warmup` untimed ones, all
 * in one round back to back, the order rotating from round to round. Returns, per program, both
 * medians and the per-round ratios' median and spread.
 */
function measure({ programs, baseline, runs, warmup, cwd, env }) {
  const commands = [baseline, ...programs];
  const times = commands.map(() => []);
  const cpu = commands.map(() => 0);
  const ratios = programs.map(() => []);
  for (let round = -warmup; round < runs; round++) {
    const shift = ((round % commands.length) + commands.length) % commands.length;
    const order = commands.map((_, i) => (i + shift) % commands.length);
    const ms = [];
    for (const i of order) {
      const command = commands[i];
      const cpuBefore = childCpuSeconds();
      const { ms: elapsed, status } = timeOnce(command.argv, { cwd, env });
      if (round >= 0 && cpuBefore !== undefined) cpu[i] += childCpuSeconds() - cpuBefore;
      const expect = command.expect ?? [0];
      if (!expect.includes(status)) {
        const again = spawnSync(command.argv[0], command.argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
        throw new Error(
          `${command.label}: exit status ${status}, expected ${expect.join(' or ')}\n  ${again.stderr.trim().split('\n').slice(0, 5).join('\n  ')}`,
        );
      }
      ms[i] = elapsed;
    }
    if (round < 0) continue;
    ms.forEach((elapsed, i) => times[i].push(elapsed));
    programs.forEach((_, p) => ratios[p].push(ms[p + 1] / ms[0]));
  }
  const sorted = (list) => [...list].sort((a, b) => a - b);
  return programs.map((program, p) => {
    const r = sorted(ratios[p]);
    return {
      ...program,
      program: quantile(sorted(times[p + 1]), 0.5),
      baseline: quantile(sorted(times[0]), 0.5),
      ratio: quantile(r, 0.5),
      p25: quantile(r, 0.25),
      p75: quantile(r, 0.75),
      min: r[0],
      max: r[r.length - 1],
      // CPU time (user + system, in 10 ms clock ticks, so only the total is precise enough) suffers
      // less when other work shares the machine, though it counts Node's helper threads too.
      cpuRatio: cpu[0] > 0 ? cpu[p + 1] / cpu[0] : undefined,
      runs,
    };
  });
}

/** The cohort for the batch ratio: generated once per size, into its own folder under bench/.work. */
function cohort(count) {
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
  const { files, tally } = generatePlans(path.join(WORK, 'ratio-plans'), count, catalogue, 20240901, { invalidShare: INVALID_SHARE });
  return { files: files.map((f) => path.relative(WORK, f)), tally };
}

/**
 * With `compare` (another tree holding bin/study-planner and a built dist/, a copy of the program
 * before a change, say), each command of that tree runs in the same rounds, so a before and an
 * after are measured under the same load.
 */
export function ratios({ runs = 20, checkRuns = 7, files: count = 10_000, compare, startUpOnly = false } = {}) {
  needBuild();
  const node = process.execPath;
  const env = cleanEnv();
  const bare = { label: 'node -e 0', argv: [node, '-e', '0'] };
  const startUp = [
    { label: 'fees --json', target: 2.0, argv: [node, BIN, 'fees', '--residency', 'local', '--json'] },
    { label: 'check (one plan)', target: 2.5, argv: [node, BIN, 'check', PLAN] },
    { label: 'subjects', target: 2.5, argv: [node, BIN, 'subjects'] },
    { label: 'plan (every flag) --json', target: 2.5, argv: [node, BIN, 'plan', ...PLAN_FLAGS] },
  ];
  const otherBin = compare && path.join(path.resolve(compare), 'bin', 'study-planner');
  const variants = (command) =>
    otherBin
      ? [
          { ...command, label: `${command.label} [this tree]` },
          { ...command, label: `${command.label} [${compare}]`, argv: command.argv.map((a) => (a === BIN ? otherBin : a)) },
        ]
      : [command];
  const rows = startUp.flatMap((command) =>
    measure({ programs: variants(command), baseline: bare, runs, warmup: 3, cwd: ROOT, env }).map((r) => ({ ...r, against: bare.label })),
  );

  if (startUpOnly) {
    console.log(`start-up: ${runs} rounds after 3 warm-up rounds; batch skipped (--start-up-only)`);
    printRows(rows);
    return rows;
  }
  const { files, tally } = cohort(count);
  const bytes = argvBytes([node, BIN, 'check', '--json', ...files], env);
  if (bytes > argMax() * 0.9)
    throw new Error(`${count} file names need ${bytes} bytes of arguments, too near the system's limit; use fewer --files.`);
  const invalid = Object.entries(tally)
    .filter(([kind]) => !kind.startsWith('valid-'))
    .reduce((sum, [, n]) => sum + n, 0);
  // Once untimed: the benchmark must measure real work, one verdict per file, in order.
  const verify = spawnSync(node, [BIN, 'check', '--json', ...files], { cwd: WORK, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  const verdicts = JSON.parse(verify.stdout);
  if (verdicts.length !== count || verdicts.some((v, i) => v.file !== files[i]))
    throw new Error('check --json did not report every file, in order');
  const batch = {
    label: `check --json, ${count} plans`,
    target: 2.5,
    argv: [node, BIN, 'check', '--json', ...files],
    expect: [verify.status],
  };
  const floor = { label: 'floor', argv: [node, FLOOR, ...files] };
  for (const r of measure({ programs: variants(batch), baseline: floor, runs: checkRuns, warmup: 1, cwd: WORK, env }))
    rows.push({ ...r, against: 'read + JSON.parse' });

  console.log(
    `start-up: ${runs} rounds after 3 warm-up rounds; batch: ${checkRuns} rounds after 1, ${invalid} of ${count} plans invalid (${verdicts.filter((v) => !v.valid).length} judged invalid)`,
  );
  printRows(rows);
  return rows;
}

/** Prints one line per ratio: both medians, the ratio's median and spread, CPU and the target. */
function printRows(rows) {
  const header = ['', 'program', 'baseline', 'against', 'ratio (median)', 'p25-p75', 'min-max', 'CPU ratio', 'target'];
  const x = (n) => `${n.toFixed(2)}x`;
  const lines = [
    header,
    ...rows.map((r) => [
      r.label,
      `${r.program.toFixed(1)} ms`,
      `${r.baseline.toFixed(1)} ms`,
      r.against,
      x(r.ratio),
      `${x(r.p25)}-${x(r.p75)}`,
      `${x(r.min)}-${x(r.max)}`,
      r.cpuRatio === undefined ? '-' : x(r.cpuRatio),
      `${x(r.target)} ${r.ratio <= r.target ? 'met' : 'MISSED'}`,
    ]),
  ];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines)
    console.log(`  ${line.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(() => {
    console.log(machine());
    const warning = loadWarning();
    if (warning) console.log(warning);
    ratios({
      runs: positiveInt('runs', 20),
      checkRuns: positiveInt('check-runs', 7),
      files: positiveInt('files', 10_000),
      compare: flag('compare', undefined),
      startUpOnly: process.argv.includes('--start-up-only'),
    });
    const after = loadWarning();
    if (after) console.log(after);
  });
}
