import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from '../../src/cli/io/lock.js';
import { openStore } from '../../src/cli/io/store.js';
import { UsageError } from '../../src/cli/outcome.js';
import { makeTempDir } from '../support/temp-dir.js';

const PLAN = { residency: 'local' as const, mode: 'full-time', fellowship: false, subjects: ['SN5023'] };

/** The id of a process that has certainly ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function writeLock(file: string, holder: object | string, ageMs = 0): void {
  fs.writeFileSync(file, typeof holder === 'string' ? holder : JSON.stringify(holder));
  const then = (Date.now() - ageMs) / 1000;
  fs.utimesSync(file, then, then);
}

async function storeIn(dir: string, lock = { timeoutMs: 300 }) {
  return openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {}, lock });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the lock', () => {
  it('is held while the work runs and gone afterwards, even when the work throws', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    expect(withLock(file, () => JSON.parse(fs.readFileSync(file, 'utf8')).pid)).toBe(process.pid);
    expect(fs.existsSync(file)).toBe(false);
    expect(() =>
      withLock(file, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('makes a second taker wait, then give up naming the holder and the lock file', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    const started = Date.now();
    let error: unknown;
    withLock(file, () => {
      try {
        withLock(file, () => 'never', { timeoutMs: 200 });
      } catch (e) {
        error = e;
      }
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`locked by process ${process.pid}`);
    expect((error as Error).message).toContain(file);
  });

  it.each([
    ['a holder that has died', () => ({ pid: deadPid(), host: os.hostname(), token: 't' }), 0],
    [
      'a holder whose process id now belongs to another process (it started later)',
      () => ({ pid: process.pid, host: os.hostname(), started: '1', token: 't' }),
      0,
    ],
    [
      'a holder from before the machine restarted',
      () => ({ pid: process.pid, host: os.hostname(), boot: 'an earlier boot', token: 't' }),
      0,
    ],
    ['an empty lock file, left by a crash, once old', () => '', 60_000],
    ['a holder on another machine, once older than ten minutes', () => ({ pid: 1, host: 'elsewhere', token: 't' }), 11 * 60_000],
  ])('breaks a stale lock: %s', async (_what, holder, ageMs) => {
    const dir = makeTempDir();
    fs.mkdirSync(dir, { recursive: true });
    writeLock(path.join(dir, 'store.json.lock'), holder(), ageMs);
    const store = await storeIn(dir);
    store.savePlan('saved', PLAN);
    expect(store.listPlans().map((p) => p.name)).toEqual(['saved']);
    expect(fs.readdirSync(dir).sort()).toEqual(['store.json']);
  });

  it.each([
    [
      'a live holder',
      () => ({ pid: process.pid, host: os.hostname(), token: 't' }),
      0,
      /locked by process \d+ on this machine.*which is still running/,
    ],
    [
      'a live holder, however old its lock (an hour)',
      () => ({ pid: process.pid, host: os.hostname(), token: 't' }),
      3_600_000,
      /locked by process \d+/,
    ],
    ['a fresh empty lock file (its holder is writing it)', () => '', 0, /locked by another process/],
    [
      'a fresh holder on another machine (its pid means nothing here)',
      () => ({ pid: deadPid(), host: 'elsewhere', token: 't' }),
      0,
      /locked by process \d+ on the machine "elsewhere"/,
    ],
    [
      'a holder on another machine, younger than ten minutes',
      () => ({ pid: 1, host: 'elsewhere', token: 't' }),
      9 * 60_000,
      /locked by process 1 on the machine "elsewhere"/,
    ],
  ])('respects a lock that is not stale: %s', async (_what, holder, ageMs, message) => {
    const dir = makeTempDir();
    writeLock(path.join(dir, 'store.json.lock'), holder(), ageMs);
    const store = await storeIn(dir);
    expect(() => store.savePlan('saved', PLAN)).toThrow(message);
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'store.json.lock'))).toBe(true);
  });

  it('a waiter whose stale lock was broken and taken by others leaves the new lock, even if a fourth process takes any free moment', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    writeLock(file, { pid: deadPid(), host: os.hostname(), token: 'stale' });
    const taken = { pid: process.pid, host: os.hostname(), token: 'taken after the break' };
    // Once this waiter has found the holder gone, another waiter breaks the lock and a third process
    // takes it (alive: this process's id). Whenever the lock's name is free from then on, a fourth takes it.
    vi.spyOn(process, 'kill').mockImplementationOnce(() => {
      fs.unlinkSync(file);
      writeLock(file, taken);
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    });
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      rename(from, to);
      if (from === file) writeLock(file, { pid: process.pid, host: os.hostname(), token: 'a fourth' });
    });
    let ran = false;
    expect(() => withLock(file, () => (ran = true), { timeoutMs: 200 })).toThrow(/locked by process \d+ on this machine/);
    expect(ran).toBe(false);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).token).toBe(taken.token);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['x.lock']);
  });

  it('waits while another live process is breaking a stale lock, and leaves the lock to it', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    writeLock(file, { pid: deadPid(), host: os.hostname(), token: 'stale' });
    writeLock(`${file}.break`, { pid: process.pid, host: os.hostname(), token: 'breaking' });
    expect(() => withLock(file, () => 'never', { timeoutMs: 200 })).toThrow(UsageError);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).token).toBe('stale');
  });

  it('breaks a stale lock whose last breaker was killed while breaking it, and leaves nothing behind', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    writeLock(file, { pid: deadPid(), host: os.hostname(), token: 'stale' });
    writeLock(`${file}.break`, { pid: deadPid(), host: os.hostname(), token: 'killed while breaking' });
    expect(withLock(file, () => 'ran', { timeoutMs: 2000 })).toBe('ran');
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('does not remove a lock that another process took after ours was broken as stale', () => {
    const file = path.join(makeTempDir(), 'x.lock');
    withLock(file, () => {
      // Someone judged our lock stale, broke it and took the lock themselves.
      writeLock(file, { pid: process.pid, host: os.hostname(), token: 'theirs' });
    });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).token).toBe('theirs');
  });
});
