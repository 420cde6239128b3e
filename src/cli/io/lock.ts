import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { UsageError } from '../outcome.js';

export interface LockOptions {
  /** How long to wait for another process to finish before giving up. */
  timeoutMs?: number;
  /** A lock this old is abandoned, whoever holds it: a read-modify-write takes milliseconds. */
  staleMs?: number;
}

interface Holder {
  pid?: number;
  host?: string;
  token?: string;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** The store's API is synchronous, so waiting for a lock is too; a few milliseconds at a time. */
function sleep(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder {
  try {
    const value = JSON.parse(text) as Holder;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    // Empty or half written: its holder died between creating and writing it, or is writing now.
    return {};
  }
}

type Seen = { text: string; holder: Holder; ageMs: number } | undefined;

function look(lockFile: string): Seen {
  try {
    const text = fs.readFileSync(lockFile, 'utf8');
    const ageMs = Date.now() - fs.statSync(lockFile).mtimeMs;
    return { text, holder: parseHolder(text), ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Its holder writes the lock file the moment it has created it; empty for longer than this, the
// holder died in between (killed mid-save), and waiting the full stale limit would block every save.
const EMPTY_LOCK_STALE_MS = 2000;

function isStale(seen: NonNullable<Seen>, staleMs: number): boolean {
  if (seen.text === '' && seen.ageMs > EMPTY_LOCK_STALE_MS) return true;
  const { pid, host } = seen.holder;
  // A process id means something only on the machine that wrote it (the store may be on a share).
  if (typeof pid === 'number' && host === os.hostname() && !isAlive(pid)) return true;
  return seen.ageMs > staleMs;
}

/**
 * Removes a stale lock, but only the one judged stale: it is first renamed to a name of our own,
 * so two waiters breaking the same lock at once cannot also delete the fresh lock that one of them
 * has just taken. Should the renamed file turn out to be a fresh lock after all, it is put back.
 */
function breakLock(lockFile: string, staleText: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomUUID()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const text = fs.readFileSync(aside, 'utf8');
  if (text !== staleText) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone took the lock meanwhile; theirs stands.
    }
  }
  fs.unlinkSync(aside);
}

function release(lockFile: string, token: string): void {
  const seen = look(lockFile);
  // Ours unless it was judged stale and broken while we held it; then it belongs to another.
  if (seen?.holder.token === token) fs.rmSync(lockFile, { force: true });
}

/**
 * Runs `work` while holding an exclusive lock file, shared by every process on the machine:
 * `open(..., 'wx')` creates the file only if no one else has. Waits with growing pauses while
 * another process holds it; breaks a lock whose holder has died or that is older than `staleMs`.
 */
export function withLock<T>(lockFile: string, work: () => T, { timeoutMs = 10_000, staleMs = 30_000 }: LockOptions = {}): T {
  const token = randomUUID();
  const deadline = Date.now() + timeoutMs;
  let pause = 2;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lockFile, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), token, since: new Date().toISOString() }));
      } catch (error) {
        fs.closeSync(fd);
        fs.rmSync(lockFile, { force: true });
        throw error;
      }
      fs.closeSync(fd);
      try {
        return work();
      } finally {
        release(lockFile, token);
      }
    }
    const seen = look(lockFile);
    if (seen === undefined) continue;
    if (isStale(seen, staleMs)) {
      breakLock(lockFile, seen.text);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = typeof seen.holder.pid === 'number' ? `process ${seen.holder.pid}` : 'another process';
      throw new UsageError(
        `the store is locked by ${who} (lock file ${lockFile}); try again, or delete the lock file if no other study-planner is running.`,
      );
    }
    sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 50);
  }
}
