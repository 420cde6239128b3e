import fs from 'node:fs';
import path from 'node:path';
import type { PlanFile } from '../../domain/plan/schema.js';
import type { Context } from '../context.js';
import { CannotWriteError, ExitError, UsageError } from '../outcome.js';
import { safeLine, safeText } from '../render/sanitize.js';
import { forStderr } from '../render/wrap.js';
import { outputWidth } from './output-width.js';
import { lockOptionsFromEnv, withLock, type LockOptions } from './lock.js';
import { loadWithoutSignalListeners } from './signal-listeners.js';
import { BrokenStoreError, goOnWithout, readStore } from './store-file.js';
import { STORE_FILE_NAME, storeDirectory } from './store-location.js';
import { AmbiguousPlanNameError, PlanNameTakenError, plansNamed, planToReplace, storedPlanName } from './store-names.js';
import { sinceRead } from './since-read.js';
import { isValidStore, MAX_PLAN_NAME_LENGTH, planNameProblem, STORE_VERSION, type StoreData } from './store-schema.js';
import type { DefaultKey, Defaults, Draft, SavePlanOptions, SavedPlan, Store } from './store-types.js';

export interface StoreOptions {
  /** Where STUDY_PLANNER_STORE_DIR is read from. */
  env: NodeJS.ProcessEnv;
  /** Told, in one sentence, when a broken store is gone on without, and when it is moved aside. */
  notice: (message: string) => void;
  /**
   * What reading a broken store does. `fail` (the default) stops the command with exit 2, for
   * commands that only read; `set-aside` says so and reads it as empty, for commands that go on to
   * write (the planner). A write that succeeds sets a broken store aside first; one that fails
   * leaves it where it was.
   */
  onBrokenRead?: 'fail' | 'set-aside';
  /** Only reads: conf, which only writes, is then not even loaded. */
  readOnly?: boolean;
  now?: () => Date;
  lock?: LockOptions;
}

/** Opens the store in STUDY_PLANNER_STORE_DIR or the user's configuration directory. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const directory = storeDirectory(options.env);
  const file = path.join(directory, STORE_FILE_NAME);
  let write: ((data: StoreData) => void) | undefined;
  if (!options.readOnly) {
    const { confWriter } = await loadWithoutSignalListeners(() => import('./store-writer.js'));
    write = guarded(file, () => confWriter(directory));
  }
  // How long to wait for the lock can be set in the environment (tests shorten it); a waiting
  // command says so, as a notice.
  const lock: LockOptions = { onWait: options.notice, ...lockOptionsFromEnv(options.env), ...options.lock };
  const store = new FileStore(file, write, { ...options, lock });
  // A command that goes on to write says at once that the store is broken, and goes on without it
  // (the lookup of a saved default catalogue included); it is set aside only when a save succeeds.
  if (options.onBrokenRead === 'set-aside') store.defaults();
  return store;
}

/** The store for a command: notices go to stderr, like every other message, and are fitted as errors are. */
export function openCommandStore(
  ctx: Pick<Context, 'io' | 'err'>,
  options: Pick<StoreOptions, 'readOnly' | 'onBrokenRead'> = {},
): Promise<Store> {
  const width = outputWidth({ stdout: ctx.io.stderr, env: ctx.io.env });
  const notice = (message: string) => ctx.err(`${forStderr(`study-planner: ${safeText(message)}`, width, ctx.io.stderr.isTTY === true)}\n`);
  return openStore({ env: ctx.io.env, notice, ...options });
}

const emptyStore = (): StoreData => ({ version: STORE_VERSION, defaults: {}, plans: [] });

/** File-system failures become a sentence naming the store; our own errors pass through. */
function guarded<R>(file: string, run: () => R): R {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExitError || typeof (error as NodeJS.ErrnoException)?.code !== 'string') throw error;
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'ENOSPC' || e.code === 'EDQUOT'
          ? 'the disk is full'
          : e.code === 'EFBIG'
            ? 'the file would pass the size limit for files'
            : e.code === 'ESHORT'
              ? 'not every byte reached the disk'
              : e.code === 'ENOTDIR'
                ? 'part of its path is a file, not a directory'
                : e.code === 'EISDIR'
                  ? 'it is a directory, not a file'
                  : e.code === 'ENOTREGULAR'
                    ? `it is ${e.message}, not a regular file`
                    : e.code === 'EROFS'
                      ? 'the file system is read-only'
                      : e.message;
    // After the store was replaced (atomic-write.ts replaceFile), the change is most likely there.
    if ((e as { afterReplace?: boolean }).afterReplace === true)
      throw new CannotWriteError(
        e.code === 'ECHANGED'
          ? `the store ${file} was saved, then at once replaced by another process, so this save may be lost; run "study-planner plans list" to see what is saved before saving again.`
          : `the store ${file} was saved, but then ${why}, so it cannot be said that the save will last; run "study-planner plans list" to see what is saved before saving again.`,
      );
    throw new CannotWriteError(
      `cannot save to the store ${file}: ${why}; nothing was changed. Set STUDY_PLANNER_STORE_DIR to use another directory.`,
    );
  }
}

/** Creates the store's directory; a file in its place is "part of its path is a file" (mkdir says EEXIST). */
function makeDirectory(directory: string): void {
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error(`${directory} is a file`), { code: 'ENOTDIR' });
    throw error;
  }
}

/** The name as it is stored (NFC, trimmed), or a UsageError saying why no plan can have it. */
function acceptableName(name: string, action: 'saved under' | 'renamed to'): string {
  const stored = storedPlanName(name);
  const problem = planNameProblem(stored);
  if (problem !== undefined) {
    throw new UsageError(`a plan cannot be ${action} that name: it ${problem}; choose a name of 1 to ${MAX_PLAN_NAME_LENGTH} characters.`);
  }
  return stored;
}
class FileStore implements Store {
  private readonly lockFile: string;
  private readonly now: () => Date;
  /** A broken store found and said so, which this command goes on without until it saves. */
  private goingOnWithout = false;

  constructor(
    readonly path: string,
    private readonly write: ((data: StoreData) => void) | undefined,
    private readonly options: StoreOptions,
  ) {
    this.lockFile = `${path}.lock`;
    this.now = options.now ?? (() => new Date());
  }

  defaults(): Defaults {
    return { ...this.read().defaults };
  }

  setDefault<K extends DefaultKey>(key: K, value: NonNullable<Defaults[K]>): void {
    // The catalogue is a path, kept absolute so it means the same file from any directory.
    const stored = key === 'catalogue' ? path.resolve(value as string) : value;
    this.update((data) => [{ ...data, defaults: { ...data.defaults, [key]: stored } }, undefined]);
  }

  unsetDefault(key: DefaultKey): void {
    this.update((data) => {
      if (data.defaults[key] === undefined) return [undefined, undefined];
      const { [key]: _dropped, ...rest } = data.defaults;
      return [{ ...data, defaults: rest }, undefined];
    });
  }

  listPlans(): SavedPlan[] {
    return [...this.read().plans];
  }

  getPlan(name: string): SavedPlan | undefined {
    const named = plansNamed(this.read().plans, name);
    return named.length === 1 ? named[0] : undefined;
  }

  savePlan(name: string, plan: PlanFile, { replace = false, asRead }: SavePlanOptions = {}): SavedPlan {
    const stored = acceptableName(name, 'saved under');
    if (asRead !== undefined) return this.replaceAsRead(asRead, plan, stored);
    // Whether the name is taken is decided inside the lock, against the store as it is now: two
    // processes saving "My plan" and "my plan" at once cannot both see the name free.
    return this.update((data) => {
      const replaced = planToReplace(data.plans, stored, replace);
      // The name as the user last wrote it: replacing "My plan" with "my plan" renames it too.
      const saved: SavedPlan = { name: stored, plan, updatedAt: this.now().toISOString() };
      const plans = replaced === undefined ? [...data.plans, saved] : data.plans.map((p) => (p === replaced ? saved : p));
      return [{ ...data, plans }, saved];
    });
  }

  /** savePlan with `asRead`: the edit replaces the plan it read, or nothing. */
  private replaceAsRead(asRead: SavedPlan, plan: PlanFile, stored: string): SavedPlan {
    return this.update((data) => {
      const since = sinceRead(data.plans, asRead);
      const current = data.plans.find((p) => p.name === asRead.name);
      if (since !== 'unchanged' || current === undefined)
        throw new UsageError(
          `the saved plan "${safeLine(asRead.name)}" was ${since} by another study-planner while this edit ran; nothing was saved: run the edit again.`,
        );
      // Under the name as given: an edit that respelt "My plan" as "my plan" renames it too.
      const saved: SavedPlan = { name: stored, plan, updatedAt: this.now().toISOString() };
      return [{ ...data, plans: data.plans.map((p) => (p === current ? saved : p)) }, saved];
    });
  }

  deletePlan(name: string, asShown?: SavedPlan): boolean {
    return this.update((data) => {
      if (asShown !== undefined && sinceRead(data.plans, asShown) === 'changed')
        throw new UsageError(
          `the saved plan "${safeLine(name)}" was changed by another study-planner while you were asked; nothing was deleted: run the command again to decide on it as it is now.`,
        );
      const plans = data.plans.filter((p) => p.name !== name);
      return plans.length === data.plans.length ? [undefined, false] : [{ ...data, plans }, true];
    });
  }

  renamePlan(from: string, to: string): SavedPlan {
    const stored = acceptableName(to, 'renamed to');
    // Both names are looked up inside the lock, against the store as it is now.
    return this.update((data) => {
      const named = plansNamed(data.plans, from);
      if (named.length === 0)
        throw new UsageError(
          `there is no saved plan named "${safeLine(from)}" (deleted or renamed by another study-planner meanwhile?); run "study-planner plans list" to see the saved plans.`,
        );
      if (named.length > 1) throw new AmbiguousPlanNameError(from, named);
      const plan = named[0]!;
      const others = plansNamed(data.plans, stored).filter((p) => p !== plan);
      if (others.length > 0) throw new PlanNameTakenError(stored, others, 'rename');
      if (plan.name === stored) return [undefined, plan];
      const renamed: SavedPlan = { ...plan, name: stored };
      return [{ ...data, plans: data.plans.map((p) => (p === plan ? renamed : p)) }, renamed];
    });
  }

  getDraft(): Draft | undefined {
    return this.read().draft;
  }

  /** Saves the planner's answers so far, stamped with the time of saving. */
  saveDraft(draft: Draft): void {
    this.update((data) => [{ ...data, draft: { ...draft, updatedAt: this.now().toISOString() } }, undefined]);
  }

  clearDraft(): void {
    this.update((data) => {
      if (data.draft === undefined) return [undefined, undefined];
      const { draft: _dropped, ...rest } = data;
      return [rest, undefined];
    });
  }

  /** The store as saved, for reading: unlocked, since a reader always sees one whole file. */
  private read(): StoreData {
    const read = readStore(this.path);
    if (read.state === 'ok') return read.data;
    if (read.state === 'missing') return emptyStore();
    if (this.options.onBrokenRead !== 'set-aside') throw new BrokenStoreError(this.path, read.detail);
    if (!this.goingOnWithout) {
      this.goingOnWithout = true;
      goOnWithout(this.path);
      this.options.notice(
        `the store ${this.path} ${read.detail}; going on without it: it is moved aside, not deleted, once something is saved, and a new store started.`,
      );
    }
    return emptyStore();
  }

  /**
   * One read-modify-write under the lock. `change` returns the new store (or undefined to leave
   * the file untouched) and what the operation returns.
   */
  private update<R>(change: (data: StoreData) => [StoreData | undefined, R]): R {
    const write = this.write;
    if (write === undefined) throw new Error('this store was opened read-only');
    return this.locked(() => {
      const read = readStore(this.path);
      // A broken store is moved aside for the new one, and put back when none is written (a full
      // disk, a name taken): a command that saved nothing must leave the store as it found it.
      const aside = read.state === 'broken' ? { backup: this.moveAside(), detail: read.detail } : undefined;
      let written = false;
      try {
        const [next, result] = change(read.state === 'ok' ? read.data : emptyStore());
        if (next !== undefined) {
          // Never write what would not read back: that would turn the user's store into a "broken" one.
          if (!isValidStore(next)) throw new Error('refusing to write a store that does not match its schema');
          write(next);
          written = true;
        }
        return result;
      } finally {
        if (aside !== undefined) {
          if (written) this.options.notice(asideNotice(this.path, aside.detail, aside.backup));
          else this.putBack(aside.backup, aside.detail);
        }
      }
    });
  }

  /**
   * Puts a broken store moved aside back in its place. Where that cannot be done (a write that
   * failed after the new store took its place, say), says where it is instead.
   */
  private putBack(aside: string, detail: string): void {
    try {
      if (!fs.existsSync(this.path)) {
        fs.renameSync(aside, this.path);
        return;
      }
    } catch {
      // Said below.
    }
    this.options.notice(asideNotice(this.path, detail, aside));
  }

  private locked<R>(work: () => R): R {
    return guarded(this.path, () => {
      makeDirectory(path.dirname(this.path));
      return withLock(this.lockFile, work, this.options.lock);
    });
  }

  /** Moves a broken store to `<file>.corrupt-<time>.bak` beside it, never over an earlier backup; returns where. */
  private moveAside(): string {
    const stamp = this.now().toISOString().replace(/:/g, '-');
    let backup = `${this.path}.corrupt-${stamp}.bak`;
    for (let n = 2; fs.existsSync(backup); n++) backup = `${this.path}.corrupt-${stamp}-${n}.bak`;
    fs.renameSync(this.path, backup);
    return backup;
  }
}

function asideNotice(file: string, detail: string, backup: string): string {
  return (
    `the store ${file} ${detail}; it was moved to ${backup} and a new store was started. ` +
    'Nothing was deleted: your earlier plans and defaults are in that file.'
  );
}
