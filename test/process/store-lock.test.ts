import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/cli/io/lock.js';
import { openStore } from '../../src/cli/io/store.js';
import { BIN, cleanEnv, makeTempDir, ROOT, runCli } from '../support/run-process.js';
import { COMPLETE_PLAN } from '../support/plan-flags.js';

// The store's lock between processes: the holders here are other processes of the built program
// (dist/); test/cli/store-lock.test.ts has the lock's rules within one process.

const PLAN = { residency: 'local' as const, mode: 'full-time', fellowship: false, subjects: ['SN5023'] };

async function storeIn(dir: string, lock = { timeoutMs: 300 }) {
  return openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {}, lock });
}

describe('a lock held by another process', () => {
  it('a save waits for another process holding the lock, then goes through', async () => {
    const dir = makeTempDir();
    const lockUrl = pathToFileURL(path.join(ROOT, 'dist', 'cli', 'io', 'lock.js')).href;
    const script = `
      import { withLock } from ${JSON.stringify(lockUrl)};
      withLock(${JSON.stringify(path.join(dir, 'store.json.lock'))}, () => {
        process.stdout.write('held\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 700);
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const store = await storeIn(dir, { timeoutMs: 10_000 });
    const started = Date.now();
    store.savePlan('after the wait', PLAN);
    expect(Date.now() - started).toBeGreaterThan(200);
    expect(await exited).toBe(0);
    expect(store.listPlans().map((p) => p.name)).toEqual(['after the wait']);
  });
});

// A lock is never stolen from a live holder, however long it holds it: not when it is
// stopped (SIGSTOP), not when its disk is slow. The wait is announced, and ends with exit 2.
describe('a live holder, stopped in the middle of a save', () => {
  const storeUrl = pathToFileURL(path.join(ROOT, 'dist', 'cli', 'io', 'store.js')).href;

  /** A process that saves a plan and stops itself inside the lock, in the middle of the read-modify-write. */
  function stoppedSaver(dir: string) {
    const script = `
      import { openStore } from ${JSON.stringify(storeUrl)};
      let stopping = false;
      const store = await openStore({
        env: { STUDY_PLANNER_STORE_DIR: ${JSON.stringify(dir)} },
        notice: () => {},
        // The time of saving is asked for inside the lock: stop there, as a slow disk would.
        now: () => {
          if (stopping) process.kill(process.pid, 'SIGSTOP');
          return new Date();
        },
      });
      store.savePlan('first', ${JSON.stringify(PLAN)});
      stopping = true;
      store.savePlan('stopped mid-save', ${JSON.stringify(PLAN)});
      process.stdout.write('saved\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    return { child, exited, said: () => out };
  }

  async function untilStopped(pid: number, lock: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state === 'T' && fs.existsSync(lock)) return;
      if (Date.now() > deadline) throw new Error('the saver never stopped inside the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it.skipIf(process.platform !== 'linux')(
    'withLock waits, then gives up, and never breaks the lock, even with a stale limit of 1 ms',
    async () => {
      const dir = makeTempDir();
      const lock = path.join(dir, 'store.json.lock');
      const saver = stoppedSaver(dir);
      await untilStopped(saver.child.pid!, lock);
      const held = fs.readFileSync(lock, 'utf8');
      const notices: string[] = [];
      const started = Date.now();
      expect(() => withLock(lock, () => 'stolen', { timeoutMs: 1500, staleMs: 1, onWait: (m) => notices.push(m) })).toThrow(
        new RegExp(
          `locked by process ${saver.child.pid} on this machine since .*, which is still running \\(lock file .*store\\.json\\.lock\\)`,
        ),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(notices).toEqual([
        expect.stringMatching(
          new RegExp(`^waiting for the store's lock file .*store\\.json\\.lock, held by process ${saver.child.pid} on this machine`),
        ),
      ]);
      expect(fs.readFileSync(lock, 'utf8')).toBe(held);
      saver.child.kill('SIGCONT');
      expect(await saver.exited).toBe(0);
      expect(saver.said()).toBe('saved\n');
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'a command saving meanwhile says what it waits for, gives up with exit 2, and loses nothing; afterwards saves go through',
    async () => {
      const dir = makeTempDir();
      const lock = path.join(dir, 'store.json.lock');
      const saver = stoppedSaver(dir);
      await untilStopped(saver.child.pid!, lock);
      // Thresholds shortened for the test: give up after 1.5 s; a lock "stale" after 1 ms, were its holder on another machine.
      const env = { STUDY_PLANNER_LOCK_TIMEOUT_MS: '1500', STUDY_PLANNER_LOCK_STALE_MS: '1' };
      const waited = await runCli([...COMPLETE_PLAN, '--name', 'second'], { storeDir: dir, env });
      expect(waited.code).toBe(2);
      expect(waited.stderr).not.toContain('Saved as');
      const said = waited.stderr.split('\n').filter(Boolean);
      expect(said).toEqual([
        expect.stringMatching(
          new RegExp(
            `^study-planner: waiting for the store's lock file ${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, held by process ${saver.child.pid} on this machine since \\S+; giving up after 1\\.5 s\\.$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^study-planner: the store is locked by process ${saver.child.pid} on this machine .*which is still running .*gave up after [\\d.]+ s and nothing was changed\\. Try again when it has finished\\.$`,
          ),
        ),
      ]);
      saver.child.kill('SIGCONT');
      expect(await saver.exited).toBe(0);
      const store = await storeIn(dir);
      expect(store.listPlans().map((p) => p.name)).toEqual(['first', 'stopped mid-save']);
      const after = await runCli([...COMPLETE_PLAN, '--name', 'second'], { storeDir: dir, env });
      expect(after.code).toBe(0);
      expect(store.listPlans().map((p) => p.name)).toEqual(['first', 'stopped mid-save', 'second']);
      expect(fs.readdirSync(dir)).toEqual(['store.json']);
    },
  );

  it.skipIf(process.platform !== 'linux').each(['SIGINT', 'SIGTERM'] as const)(
    '%s ends a command waiting for the lock at once: nothing saved, and the signal is its end',
    async (signal) => {
      const dir = makeTempDir();
      const lock = path.join(dir, 'store.json.lock');
      const saver = stoppedSaver(dir);
      await untilStopped(saver.child.pid!, lock);
      const waiting = spawn(process.execPath, [BIN, ...COMPLETE_PLAN, '--name', 'second'], {
        cwd: ROOT,
        env: cleanEnv(dir, { STUDY_PLANNER_LOCK_TIMEOUT_MS: '20000' }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        waiting.on('close', (code, how) => resolve({ code, signal: how })),
      );
      // Once it says what it waits for, it is inside the lock's wait.
      await new Promise<void>((resolve) =>
        waiting.stderr.on('data', (chunk: Buffer) => String(chunk).includes('waiting for') && resolve()),
      );
      const sent = Date.now();
      waiting.kill(signal);
      // Ended by the signal itself (the shell's 130 or 143), not after the wait with exit 0 or 2.
      expect(await ended).toEqual({ code: null, signal });
      expect(Date.now() - sent).toBeLessThan(2_000);
      saver.child.kill('SIGCONT');
      expect(await saver.exited).toBe(0);
      expect((await storeIn(dir)).listPlans().map((p) => p.name)).toEqual(['first', 'stopped mid-save']);
    },
  );
});
