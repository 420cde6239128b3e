// The store under faults: the program killed in the middle of saving, again and again; a store
// location that cannot be written (read-only, full). The store must always read back whole, lose
// nothing saved before, and a failed save must say why (exit 2) and still show the plan.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readStore } from '../../src/cli/io/store-file.js';
import { BIN, expectJson, expectOrderly, lines, makeTempDir, ROOT, runCli } from './cli.js';
import { random } from './random.mjs';
import { COMPLETE_PLAN } from '../support/plan-flags.js';

const SAVE_LOOP = fileURLToPath(new URL('./save-loop.mjs', import.meta.url));

function storeEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STUDY_PLANNER_STORE_DIR: dir, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return env;
}

function savedNames(dir: string): string[] {
  const read = readStore(path.join(dir, 'store.json'));
  if (read.state === 'broken') throw new Error(`the store does not read back: it ${read.detail}`);
  return read.state === 'ok' ? read.data.plans.map((p) => p.name) : [];
}

/** Starts the save loop, kills it with `signal` `delayMs` after it is ready; what it said it saved. */
function saveThenKill(dir: string, prefix: string, signal: NodeJS.Signals, delayMs: number) {
  return new Promise<{ saved: string[]; inFlight: boolean; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, prefix], { cwd: ROOT, env: storeEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.includes('ready\n')) {
        killed = true;
        setTimeout(() => child.kill(signal), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, how) => {
      if (how !== signal) return reject(new Error(`the save loop ended otherwise than by ${signal} (exit ${code}, ${how}): ${err}`));
      const said = lines(out);
      resolve({
        saved: said.flatMap((l) => (l.startsWith('saved plan ') ? [l.slice(11)] : [])),
        inFlight: said.at(-1)?.startsWith('saving ') ?? false,
        stderr: err,
      });
    });
  });
}

describe('killed during a save, again and again', () => {
  it.concurrent.each([
    ['SIGKILL', 1],
    ['SIGTERM', 2],
    ['SIGINT', 3],
  ] as const)('%s at random moments: the store always reads back, and nothing saved before is lost', async (signal, seed) => {
    const dir = makeTempDir();
    const next = random(seed);
    const confirmed = new Set<string>();
    let saves = 0;
    let caughtSaving = 0;
    for (let round = 0; round < 8; round++) {
      // Up to 300 ms: a save (three fsyncs) can take tens of milliseconds on a busy machine, and every
      // signal now ends the loop at once, so a shorter window left too few saves to test.
      const { saved, inFlight } = await saveThenKill(dir, signal, signal, Math.floor(20 + next() * 280));
      saves += saved.length;
      if (inFlight) caughtSaving++;
      for (const name of saved) confirmed.add(name);
      const names = savedNames(dir);
      // Whole (it parsed and validated), and everything confirmed earlier is in it.
      for (const name of confirmed) expect(names, `round ${round}: ${name} was saved, then lost`).toContain(name);
      expect(names.every((n) => n.startsWith(`${signal}-`))).toBe(true);
    }
    // A run that never reached a save would try nothing; SIGKILL must have cut into some saves.
    // SIGINT and SIGTERM end the process at once too, mid-save or not (docs/reliability.md, "Signals").
    expect(saves).toBeGreaterThan(10);
    if (signal === 'SIGKILL') expect(caughtSaving).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('store.json.corrupt'))).toEqual([]);
  });

  it('real commands (config set, plan --name) killed at random moments: the store reads back, saved plans stay', async () => {
    const dir = makeTempDir();
    const next = random(4);
    const kept: string[] = [];
    for (let round = 0; round < 8; round++) {
      const args =
        round % 2 === 0
          ? ['config', 'set', 'residency', round % 4 === 0 ? 'local' : 'non-local']
          : [...COMPLETE_PLAN, '--name', `cli-${round}`];
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: storeEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
      // "Saved as ..." is a status line, on stderr; the plan's report is on stdout (drained so the child never blocks).
      let out = '';
      child.stdout.resume();
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      setTimeout(() => child.kill(round % 3 === 0 ? 'SIGKILL' : round % 3 === 1 ? 'SIGTERM' : 'SIGINT'), 60 + Math.floor(next() * 400));
      await new Promise((resolve) => child.on('close', resolve));
      if (out.includes('Saved as')) kept.push(`cli-${round}`);
      const names = savedNames(dir);
      for (const name of kept) expect(names).toContain(name);
    }
    // Afterwards the store works as ever: a lock left by a killed process does not block it.
    const after = await runCli([...COMPLETE_PLAN, '--name', 'after the storm'], { storeDir: dir, timeoutMs: 20_000 });
    expectOrderly(after, [0]);
    expect(savedNames(dir)).toContain('after the storm');
  });
});

describe('a lock left behind by a process killed mid-save', () => {
  it('an empty lock file (killed between creating and writing it) stops blocking saves after a moment', async () => {
    const dir = makeTempDir();
    const lock = path.join(dir, 'store.json.lock');
    fs.writeFileSync(lock, '');
    const then = (Date.now() - 5000) / 1000;
    fs.utimesSync(lock, then, then);
    const started = Date.now();
    const result = await runCli(['config', 'set', 'residency', 'local'], { storeDir: dir });
    expectOrderly(result, [0]);
    // Not the 10 seconds of waiting for a live holder, then a refusal.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

/** Makes `dir` unwritable for this test: chmod for an ordinary user, a read-only bind mount for root (who ignores modes). */
function makeReadOnly(dir: string): boolean {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o500);
    onTestFinished(() => fs.chmodSync(dir, 0o700));
    return true;
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  onTestFinished(() => {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  });
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return true;
}

/** A directory on a 64 KiB file system, filled up; undefined where mounting is not allowed. */
function fullDirectory(): string | undefined {
  const dir = makeTempDir('study-planner-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  });
  return dir;
}

function fillUp(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

async function saveFirstPlan(dir: string) {
  const first = await runCli([...COMPLETE_PLAN, '--name', 'first'], { storeDir: dir });
  expectOrderly(first, [0]);
}

/** A save that cannot be written: exit 2 with one sentence, and the plan still on screen (or on stdout as JSON). */
async function expectPlanShownButNotSaved(dir: string, why: RegExp) {
  const report = await runCli([...COMPLETE_PLAN, '--name', 'second'], { storeDir: dir });
  expectOrderly(report, [2]);
  expect(lines(report.stderr)).toEqual([expect.stringMatching(why)]);
  expect(report.stdout).toContain('second: ✔ valid');
  expect(report.stdout).toContain('Epidemiology, Project Management');
  expect(report.stderr).not.toContain('Saved as');
  const json = await runCli([...COMPLETE_PLAN, '--json', '--name', 'second'], { storeDir: dir });
  expectOrderly(json, [2]);
  const result = expectJson(json) as { plan: { subjects: string[] } };
  expect(result.plan.subjects).toContain('epidemiology');
  const config = await runCli(['config', 'set', 'residency', 'non-local'], { storeDir: dir });
  expectOrderly(config, [2]);
  expect(lines(config.stderr)).toEqual([expect.stringMatching(why)]);
  // What was saved before is still there, and still readable by the commands that only read.
  const list = await runCli(['plans', 'list', '--json'], { storeDir: dir });
  expectOrderly(list, [0]);
  expect(JSON.stringify(expectJson(list))).toContain('"first"');
  expect(savedNames(dir)).toEqual(['first']);
}

describe('a store location that cannot be written', () => {
  it('read-only: exit 2 with a clear message, the plan still printed, earlier plans kept', async (ctx) => {
    const dir = makeTempDir();
    await saveFirstPlan(dir);
    if (!makeReadOnly(dir)) ctx.skip('running as root where a read-only bind mount is not allowed: no way to make a directory read-only');
    await expectPlanShownButNotSaved(
      dir,
      /^study-planner: cannot save to the store .*store\.json: (the file system is read-only|permission denied); nothing was changed\./,
    );
  });

  it('full: exit 2 with a clear message, the plan still printed, earlier plans kept', async (ctx) => {
    const dir = fullDirectory();
    if (dir === undefined) ctx.skip('mounting a small file system is not allowed here (needs root): no way to fill a disk safely');
    await saveFirstPlan(dir!);
    fillUp(dir!);
    await expectPlanShownButNotSaved(
      dir!,
      /^study-planner: cannot save to the store .*store\.json: the disk is full; nothing was changed\./,
    );
  });

  it('a path through a regular file (ENOTDIR): exit 2 naming the problem', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'not-a-directory');
    fs.writeFileSync(file, 'x');
    const result = await runCli(['config', 'set', 'residency', 'local'], { storeDir: path.join(file, 'store') });
    expectOrderly(result, [2]);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/store.*part of its path is a file, not a directory/)]);
  });
});

describe('SIGKILL during saves with SNAP set (bench/kill-saves.mjs, 20 kills here; 200 in the benchmark)', () => {
  it('loses no plan, and the store reads back after every kill', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'kill-saves.mjs'), '--kills', '20', '--seed', '7', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as {
      kills: number;
      killedMidSave: number;
      savesConfirmed: number;
      plansLost: number;
      invalidStores: number;
      backups: number;
    };
    expect(figures.kills).toBe(20);
    // The kills land in saves (not only between them), and saves were confirmed before them.
    expect(figures.killedMidSave).toBeGreaterThan(5);
    expect(figures.savesConfirmed).toBeGreaterThan(20);
    expect(figures).toMatchObject({ plansLost: 0, invalidStores: 0, backups: 0 });
  }, 60_000);
});
