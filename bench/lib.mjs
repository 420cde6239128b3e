// Shared helpers for the benchmarks: spawn a process, time it from the outside, summarise.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'study-planner');
export const WORK = path.join(ROOT, 'bench', '.work');

/** The benchmarks time the built program; without dist/ they would time an error message. */
export function needBuild() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing; run "npm run build" first (or "npm run bench", which builds).');
  // After tsc alone the bin runs dist/'s modules instead of the bundle: not the program people run.
  if (!createRequire(import.meta.url)(BIN).bundleIsCurrent())
    throw new Error('dist/bundle.cjs is missing or older than dist/ (a tsc-only build); run "npm run build" first.');
}

/**
 * The environment every timed process gets: no colour, no debugging, no inherited Node flags or
 * STUDY_PLANNER_ settings.
 * NODE_EXTRA_CA_CERTS goes too: Node reads that certificate file at every start (about 70 ms on
 * the machine these figures come from), which would flatter every ratio against `node -e 0`.
 */
export function cleanEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (name.startsWith('STUDY_PLANNER_') || ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'DEBUG', 'NODE_DEBUG'].includes(name))
      delete env[name];
  }
  // An empty store of our own: a default saved by the user must not change what is measured.
  env.STUDY_PLANNER_STORE_DIR = path.join(WORK, 'store');
  return env;
}

/**
 * CPU seconds (user + system) used so far by this process's finished children, from
 * /proc/self/stat on Linux (undefined elsewhere). Wall time is what a user waits for, but on a
 * machine shared with other work CPU time is the steadier measure of the work itself.
 */
let clockTicks;
export function childCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of the file (cutime, cstime), counted after the command name.
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (Number(fields[13]) + Number(fields[14])) / clockTicks;
  } catch {
    return undefined;
  }
}

/**
 * Runs `argv` once, output discarded (to /dev/null, as a script redirecting to a file would), and
 * returns the wall-clock milliseconds from spawn to exit, and the exit status.
 */
export function timeOnce(argv, { cwd = ROOT, env = cleanEnv() } = {}) {
  const devNull = fs.openSync(os.devNull, 'w');
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', devNull, devNull] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    return { ms, status: result.status };
  } finally {
    fs.closeSync(devNull);
  }
}

/**
 * Times several commands, `runs` times each after `warmup` untimed runs, interleaved (A B C A B C
 * ...) so that a slow moment of the machine falls on all of them alike. Each command's exit status
 * must be one of `expect` (default [0]): a benchmark of a failing command measures nothing.
 */
export function timeInterleaved(commands, { runs, warmup = 2, cwd, env } = {}) {
  const samples = commands.map(() => []);
  const cpu = commands.map(() => 0);
  for (let round = -warmup; round < runs; round++) {
    commands.forEach((command, i) => {
      const cpuBefore = childCpuSeconds();
      const { ms, status } = timeOnce(command.argv, { cwd, env });
      const cpuAfter = childCpuSeconds();
      if (round >= 0 && cpuBefore !== undefined && cpuAfter !== undefined) cpu[i] += cpuAfter - cpuBefore;
      const expect = command.expect ?? [0];
      if (!expect.includes(status)) {
        // Run it again to show why (a half-finished build, say), with its error output this time.
        const again = spawnSync(command.argv[0], command.argv.slice(1), {
          cwd,
          env: env ?? cleanEnv(),
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        });
        const why = again.stderr.trim().split('\n').slice(0, 5).join('\n  ');
        throw new Error(
          `${command.label}: exit status ${status}, expected ${expect.join(' or ')}: ${command.argv.join(' ').slice(0, 200)}\n  ${why}`,
        );
      }
      if (round >= 0) samples[i].push(ms);
    });
  }
  const haveCpu = childCpuSeconds() !== undefined;
  // CPU time comes in clock ticks (10 ms), so only its mean over all runs is precise enough.
  return commands.map((command, i) => ({
    label: command.label,
    ...summarise(samples[i]),
    cpu: haveCpu ? (cpu[i] * 1000) / runs : undefined,
  }));
}

export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export function machine() {
  const cpus = os.cpus();
  return `${os.availableParallelism?.() ?? cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

/** A warning when other work is keeping the cores busy: timings taken then are slower and noisier. */
export function loadWarning() {
  const [load] = os.loadavg();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (load === undefined || load < cores * 0.5) return '';
  return `warning: load average ${load.toFixed(1)} on ${cores} cores; other work is running, so these figures are slower and noisier than on an idle machine (the min column suffers least).`;
}

export const ms = (n) => `${n.toFixed(1)} ms`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

/** Prints rows of label, median, min, max, mean CPU time and a remark, as an aligned table. */
export function printTable(rows, extraHeader = '') {
  const header = ['', 'median', 'min', 'max', 'mean CPU', extraHeader];
  const lines = [
    header,
    ...rows.map((r) => [r.label, ms(r.median), ms(r.min), ms(r.max), r.cpu === undefined ? '-' : ms(r.cpu), r.extra ?? '']),
  ];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines) {
    console.log(
      `  ${line
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd()}`,
    );
  }
}

/** The system's limit on the bytes of arguments and environment for a new process. */
export function argMax() {
  try {
    return Number(execFileSync('getconf', ['ARG_MAX'], { encoding: 'utf8' }).trim()) || 2 * 1024 * 1024;
  } catch {
    return 128 * 1024; // the most conservative limit among common systems
  }
}

/** Bytes the kernel counts for argv plus environment: each string with its NUL, and a pointer each. */
export function argvBytes(argv, env) {
  const strings = [...argv, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
  return strings.reduce((sum, s) => sum + Buffer.byteLength(s) + 1 + 8, 0);
}

/** Runs a benchmark's main function; a failure is one message and exit status 1, not a stack trace. */
export function runMain(main) {
  try {
    main();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

/** Reads `--name value` from the command line, with a default. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined) throw new Error(`--${name} needs a value`);
  return value;
}

export function positiveInt(name, fallback) {
  const text = flag(name, String(fallback));
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return Number(text);
}
