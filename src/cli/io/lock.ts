import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { tempNameBeside, writeAll } from './atomic-write.js';
import { readRegularFile } from './read-file.js';

/**
 * When a lock is stale (broken by the next taker):
 * - taken on this machine: only when its process is gone. The lock records the process id, the
 *   machine's boot id and the process's start time (Linux), so a process id reused by another
 *   process after the holder died, or a restart of the machine, also counts as gone. A live holder
 *   keeps its lock however long it takes (stopped, or waiting on a slow disk): it is never stolen.
 * - taken on another machine (a store on a shared drive), whose processes cannot be seen from
 *   here: when older than `staleMs`, ten minutes by default, far beyond any read-modify-write.
 * - empty or unreadable (a taker killed in the middle, by a program older than this one): after
 *   two seconds.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
export const DEFAULT_FOREIGN_STALE_MS = 10 * 60_000;
const EMPTY_LOCK_STALE_MS = 2000;
/** How long a waiting command is silent before it says what it waits for. */
const WAIT_NOTICE_MS = 1000;

export interface LockOptions {
  /** How long to wait for another process to finish before giving up (exit 2). */
  timeoutMs?: number;
  /** A lock taken on another machine is abandoned once this old; see above. */
  staleMs?: number;
  /** Told once, after about a second of waiting, what the command waits for. */
  onWait?: (message: string) => void;
}

/** STUDY_PLANNER_LOCK_TIMEOUT_MS and STUDY_PLANNER_LOCK_STALE_MS, when set to a whole number of milliseconds. */
export function lockOptionsFromEnv(env: NodeJS.ProcessEnv): LockOptions {
  const read = (name: string) => {
    const value = env[name];
    return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  };
  const options: LockOptions = {};
  const timeoutMs = read('STUDY_PLANNER_LOCK_TIMEOUT_MS');
  const staleMs = read('STUDY_PLANNER_LOCK_STALE_MS');
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  if (staleMs !== undefined) options.staleMs = staleMs;
  return options;
}

interface Holder {
  pid?: number;
  host?: string;
  boot?: string;
  started?: string;
  token?: string;
  since?: string;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** The store's API is synchronous, so waiting for a lock is too; a few milliseconds at a time. */
function sleep(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function readSmall(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** This boot of this machine (Linux); undefined elsewhere. */
const bootId = (() => {
  let id: string | undefined | null = null;
  return () => (id === null ? (id = readSmall('/proc/sys/kernel/random/boot_id')) : id);
})();

/** When a process started, in clock ticks since boot (Linux); undefined elsewhere or when it is gone. */
function processStart(pid: number): string | undefined {
  const stat = readSmall(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // After the command name, which is in parentheses and may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
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

/** Whether the process that took a lock on this machine is still running, and is still that process. */
function holderLives(holder: Holder & { pid: number }): boolean {
  const boot = bootId();
  if (holder.boot !== undefined && boot !== undefined && holder.boot !== boot) return false;
  if (!isAlive(holder.pid)) return false;
  const started = holder.started === undefined ? undefined : processStart(holder.pid);
  return started === undefined || started === holder.started;
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Holder;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

type Seen = { text: string; holder: Holder | undefined; ageMs: number };

/** The lock as it is now, or undefined when there is none. Anything but a regular file is refused, naming it. */
function look(lockFile: string): Seen | undefined {
  try {
    const ageMs = Date.now() - fs.lstatSync(lockFile).mtimeMs;
    const text = readRegularFile(lockFile, 64 * 1024).toString('utf8');
    return { text, holder: parseHolder(text), ageMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTREGULAR' || code === 'ETOOBIG') {
      const what = code === 'ETOOBIG' ? 'far larger than any lock' : `${(error as Error).message}, not a regular file`;
      throw new UsageError(
        `the store's lock file ${safeLine(lockFile)} is ${what}; nothing was changed. Remove it if no study-planner is running, or set STUDY_PLANNER_STORE_DIR to use another directory.`,
      );
    }
    throw error;
  }
}

const onThisMachine = (holder: Holder | undefined): holder is Holder & { pid: number } =>
  typeof holder?.pid === 'number' && holder.host === os.hostname();

function isStale(seen: Seen, staleMs: number): boolean {
  if (seen.holder === undefined) return seen.ageMs > EMPTY_LOCK_STALE_MS;
  if (onThisMachine(seen.holder)) return !holderLives(seen.holder);
  // A process id means something only on the machine that wrote it (the store may be on a share).
  return seen.ageMs > staleMs;
}

const seconds = (ms: number) => String(Number((ms / 1000).toFixed(1)));

/** Who holds the lock, for a message. */
function describeHolder(seen: Seen): string {
  const holder = seen.holder;
  if (typeof holder?.pid !== 'number') return 'another process';
  const where = onThisMachine(holder)
    ? 'on this machine'
    : `on ${typeof holder.host === 'string' ? `the machine "${safeLine(holder.host)}"` : 'another machine'}`;
  const since = typeof holder.since === 'string' ? ` since ${safeLine(holder.since)}` : '';
  return `process ${holder.pid} ${where}${since}`;
}

/**
 * Removes the file judged stale, but only if it still is the one judged: it is first renamed to a
 * name of our own, so two breakers at once cannot both remove it; should the renamed file turn out
 * to be another, it is put back. Between the rename and the putting back there is no file, so a
 * third process may take the name meanwhile, and the file put aside is lost: for the store's lock,
 * a second holder. That is why this is used only for the break lock (below), which is stale only
 * when a breaker was killed in the microseconds it holds it.
 */
function breakAside(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const text = fs.readFileSync(aside, 'utf8');
  if (text !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone took it meanwhile; theirs stands.
    }
  }
  fs.unlinkSync(aside);
}

/**
 * Removes a stale lock, and only that one. Returns true when the lock should be looked at again,
 * false when another process is breaking it (then wait).
 *
 * Breakers take turns through a second lock, `<lock>.break`. Holding it, a breaker reads the lock
 * again and removes it only while it is still the stale lock it judged. That is exact: a lock is
 * never replaced while it exists (it is taken by a hard link or an exclusive create), its holder is
 * gone (or, for a lock from another machine, long silent), and no other breaker can act meanwhile
 * (unless one was killed while breaking and two more break its break lock at once: breakAside),
 * so the file read is the file removed. Renaming the lock aside instead left a moment with no lock,
 * in which a second breaker could set a fresh lock aside and a third process take the lock beside
 * its holder: two writers at once.
 */
function breakLock(lockFile: string, stale: Seen, holder: Holder, staleMs: number): boolean {
  const breakFile = `${lockFile}.break`;
  const token = randomUUID();
  if (!tryTake(breakFile, JSON.stringify({ ...holder, token, since: new Date().toISOString() }))) {
    const breaker = look(breakFile);
    if (breaker === undefined) return true;
    if (!isStale(breaker, staleMs)) return false;
    // A breaker killed while breaking: its break lock goes the old way, and the break is tried again.
    breakAside(breakFile, breaker.text);
    return true;
  }
  try {
    const now = look(lockFile);
    if (now !== undefined && now.text === stale.text && isStale(now, staleMs)) fs.unlinkSync(lockFile);
  } finally {
    release(breakFile, token);
  }
  return true;
}

/**
 * Takes the lock if it is free. The lock appears whole or not at all: its content is written to a
 * temporary file first, which then takes the lock's name by a hard link (which fails if the name is
 * taken), so no other process ever sees an empty lock from a live taker. Where the file system has
 * no hard links, the lock is created exclusively and then written.
 */
function tryTake(lockFile: string, content: string): boolean {
  const data = Buffer.from(content, 'utf8');
  const temp = tempNameBeside(lockFile);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    try {
      writeAll(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(temp, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EOPNOTSUPP') return takeWithoutLinks(lockFile, data);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function takeWithoutLinks(lockFile: string, data: Buffer): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeAll(fd, data);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(lockFile, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

function release(lockFile: string, token: string): void {
  let seen: Seen | undefined;
  try {
    seen = look(lockFile);
  } catch {
    return;
  }
  // Ours unless it was judged stale and broken while we held it (we were taken for dead, or it was
  // taken on another machine's clock); then it belongs to another.
  if (seen?.holder?.token === token) fs.rmSync(lockFile, { force: true });
}

/**
 * Runs `work` while holding an exclusive lock file, shared by every process on the machine (and on
 * other machines sharing the directory). Waits with growing pauses while another process holds it,
 * says after a second what it waits for, breaks a stale lock (see above), and gives up after
 * `timeoutMs` with a UsageError naming the lock file and its holder.
 */
export function withLock<T>(
  lockFile: string,
  work: () => T,
  { timeoutMs = DEFAULT_LOCK_TIMEOUT_MS, staleMs = DEFAULT_FOREIGN_STALE_MS, onWait }: LockOptions = {},
): T {
  const token = randomUUID();
  const pid = process.pid;
  const holder: Holder = { pid, host: os.hostname(), boot: bootId(), started: processStart(pid), token, since: new Date().toISOString() };
  const started = Date.now();
  const deadline = started + timeoutMs;
  let told = false;
  let pause = 2;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    if (tryTake(lockFile, JSON.stringify(holder))) {
      try {
        return work();
      } finally {
        release(lockFile, token);
      }
    }
    const seen = look(lockFile);
    if (seen === undefined) continue;
    const stale = isStale(seen, staleMs);
    if (stale && breakLock(lockFile, seen, holder, staleMs)) continue;
    const now = Date.now();
    if (now >= deadline) {
      const live = onThisMachine(seen.holder) && !stale;
      throw new UsageError(
        `the store is locked by ${describeHolder(seen)}${live ? ', which is still running' : ''} (lock file ${safeLine(lockFile)}); ` +
          `gave up after ${seconds(now - started)} s and nothing was changed. ` +
          (live ? 'Try again when it has finished.' : 'Try again, or delete the lock file if no study-planner is running there.'),
      );
    }
    if (!told && onWait !== undefined && now - started >= WAIT_NOTICE_MS) {
      told = true;
      onWait(
        `waiting for the store's lock file ${safeLine(lockFile)}, held by ${describeHolder(seen)}; giving up after ${seconds(timeoutMs)} s.`,
      );
    }
    sleep(Math.min(pause + Math.random() * pause, Math.max(1, deadline - now)));
    pause = Math.min(pause * 2, 50);
  }
}
