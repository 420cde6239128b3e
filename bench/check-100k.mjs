// `check --json` over 100,000 generated plan files in one call: peak memory and time, against
// 1,000 and 10,000 files from the same cohort, to show that memory does not grow with the number of
// files; and the output read as it streams, checked to be one JSON array of one object per file,
// in order.
// Usage: node bench/check-100k.mjs [--files N]   (default 100,000; the smaller runs are N/100 and N/10)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generatePlans } from './generate-plans.mjs';
import { argMax, argvBytes, BIN, cleanEnv, loadWarning, machine, positiveInt, ROOT, WORK } from './lib.mjs';

const TIME = '/usr/bin/time';
const CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');

/** Peak memory from /usr/bin/time -v when there is one, else from /proc/<pid>/status (VmHWM), polled. */
function startMeasured(args, options) {
  if (fs.existsSync(TIME)) {
    const child = spawn(TIME, ['-v', process.execPath, ...args], options);
    let report = '';
    child.stderr.on('data', (chunk) => (report += chunk));
    const peakKiB = () => Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? NaN);
    return { child, peakKiB, how: '/usr/bin/time -v', stderr: () => report.split('\n\tCommand being timed')[0] };
  }
  const child = spawn(process.execPath, args, options);
  let peak = NaN;
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(Number.isNaN(peak) ? 0 : peak, Number(hwm[1]));
    } catch {
      // gone already, or no /proc: the last reading stands
    }
  }, 10);
  child.on('exit', () => clearInterval(poll));
  return { child, peakKiB: () => peak, how: '/proc/<pid>/status VmHWM, polled', stderr: () => stderr };
}

/**
 * Checks the output as it arrives, one line per result: `[` first, `,` between results, `]` last,
 * and each result the JSON object for the expected file, in order. Holds one line at a time.
 */
function streamingValidator(files) {
  let pending = '';
  let count = 0;
  let ended = false;
  let tally = {};
  const line = (text) => {
    if (ended) throw new Error('output continues after the closing ]');
    let body = text;
    if (count === 0) {
      if (!body.startsWith('[')) throw new Error('output does not start with [');
      body = body.slice(1);
    }
    const last = body.endsWith(']');
    if (!last && !body.endsWith(',')) throw new Error(`result ${count + 1} is not followed by , or ]`);
    const result = JSON.parse(body.slice(0, -1));
    if (result.file !== files[count]) throw new Error(`result ${count + 1} is for ${result.file}, expected ${files[count]}`);
    const key = result.valid ? 'valid' : result.errors[0].code;
    tally[key] = (tally[key] ?? 0) + 1;
    count++;
    ended = last;
  };
  return {
    write(chunk) {
      pending += chunk;
      let nl;
      while ((nl = pending.indexOf('\n')) !== -1) {
        line(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    },
    finish() {
      if (pending !== '') throw new Error('output does not end with a newline');
      if (!ended || count !== files.length) throw new Error(`the array holds ${count} results, expected ${files.length}`);
      return tally;
    },
  };
}

function run(files, dir, nodeOptions = []) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const measured = startMeasured([...nodeOptions, BIN, 'check', '--json', ...files], {
      cwd: dir,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const validator = streamingValidator(files);
    measured.child.stdout.setEncoding('utf8');
    measured.child.stdout.on('data', (chunk) => {
      try {
        validator.write(chunk);
      } catch (error) {
        measured.child.kill();
        reject(error);
      }
    });
    measured.child.on('error', reject);
    measured.child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        if (status !== 1 && status !== 2) throw new Error(`check exited ${status}: ${measured.stderr().slice(0, 500)}`);
        const tally = validator.finish();
        resolve({ files: files.length, seconds, peakMiB: measured.peakKiB() / 1024, status, tally, how: measured.how });
      } catch (error) {
        reject(error);
      }
    });
  });
}

const count = positiveInt('files', 100_000);
if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
  throw new Error('dist/ is missing; run "npm run build" first (or "npm run bench").');
console.log(machine());
if (loadWarning()) console.log(loadWarning());
const dir = path.join(WORK, 'check-100k');
const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
process.stdout.write(`generating ${count.toLocaleString('en-US')} plan files in ${path.relative(ROOT, dir)} ... `);
const { files: generated } = generatePlans(dir, count, catalogue);
// The shortest names, run from their directory, keep 100,000 of them within the system's argument limit.
const files = generated.map((file, i) => {
  const short = String(i + 1);
  fs.renameSync(file, path.join(dir, short));
  return short;
});
console.log('done');
const bytes = argvBytes([process.execPath, BIN, 'check', '--json', ...files], cleanEnv());
if (bytes > argMax() * 0.95)
  throw new Error(`${count} file names need ${bytes} bytes of arguments, beyond this system's limit of ${argMax()}; use fewer --files.`);

const sizes = [...new Set([Math.max(1, Math.round(count / 100)), Math.max(1, Math.round(count / 10)), count])];
const report = (label, r) =>
  console.log(
    `  ${label.padEnd(38)} ${r.seconds.toFixed(1).padStart(6)} s, peak memory ${r.peakMiB.toFixed(0).padStart(4)} MiB, exit ${r.status}; ${r.files.toLocaleString('en-US')} results, one JSON array, in order`,
  );
const results = [];
for (const size of sizes) {
  const r = await run(files.slice(0, size), dir);
  results.push(r);
  report(`${size.toLocaleString('en-US')} files:`, r);
}
// Were every result held until the end, this would run out of memory: 100,000 results are far
// more than 48 MiB of objects.
const HEAP_MIB = 48;
let capped;
try {
  capped = await run(files, dir, [`--max-old-space-size=${HEAP_MIB}`]);
  report(`${count.toLocaleString('en-US')} files, heap capped at ${HEAP_MIB} MiB:`, capped);
} catch (error) {
  console.log(`  ${count.toLocaleString('en-US')} files, heap capped at ${HEAP_MIB} MiB: FAILED: ${error.message.slice(0, 300)}`);
}
const small = results[0];
const large = results[results.length - 1];
console.log(
  `  verdicts (${large.files.toLocaleString('en-US')} files): ${Object.entries(large.tally)
    .map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
    .join(', ')}`,
);
console.log(
  `  peak memory measured with ${large.how}; argument list ${(bytes / 1024).toFixed(0)} KiB of the system's ${(argMax() / 1024).toFixed(0)} KiB`,
);
const growth = large.peakMiB - small.peakMiB;
console.log(
  `  peak memory from ${small.files.toLocaleString('en-US')} to ${large.files.toLocaleString('en-US')} files: +${growth.toFixed(0)} MiB (the argument list itself, and a heap the garbage collector lets grow while it can; what stays live does not grow)`,
);
console.log(`  aim: ${count.toLocaleString('en-US')} files within a ${HEAP_MIB} MiB heap: ${capped ? 'met' : 'MISSED'}`);
fs.rmSync(dir, { recursive: true, force: true });
