import { UsageError } from '../outcome.js';
import { FileError, parseJson, readRegularFile } from './read-file.js';
import { decodeText } from './stdin.js';
import { decodeStore, type StoreData } from './store-schema.js';

/** A store with thousands of plans is a few megabytes; far beyond that it is not our store. */
/** Larger than this, the store is not read (a store that size is no store): so it is never written either. */
export const MAX_STORE_BYTES = 64 * 1024 * 1024;

export type StoreRead = { state: 'missing' } | { state: 'ok'; data: StoreData } | { state: 'broken'; detail: string };

/**
 * Reads and validates the store file without loading conf: a missing file is an empty store, a
 * broken one is reported (never thrown, never changed) so each caller decides what to do with it.
 * Files are replaced by rename, so a reader always sees one whole version, never half a write.
 */
export function readStore(file: string): StoreRead {
  let text: string;
  try {
    text = decodeText(readRegularFile(file, MAX_STORE_BYTES), file);
  } catch (error) {
    if (error instanceof FileError) return { state: 'broken', detail: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    if (code === 'ETOOBIG') return { state: 'broken', detail: `is over ${MAX_STORE_BYTES / 1024 / 1024} MiB, far larger than any store` };
    // Never followed, never read from, never set aside: a link or a pipe there is someone's choice.
    if (code === 'ENOTREGULAR')
      throw new UsageError(
        `the store ${file} is ${(error as Error).message}, not a regular file; nothing was read or changed. Move it away, or set STUDY_PLANNER_STORE_DIR to use another directory.`,
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(
        `the store ${file} cannot be read: permission denied; check its permissions, or set STUDY_PLANNER_STORE_DIR to use another directory.`,
      );
    if (code === 'ENOTDIR')
      throw new UsageError(
        `the store ${file} cannot be read: part of its path is a file, not a directory; set STUDY_PLANNER_STORE_DIR to a directory.`,
      );
    throw new UsageError(`the store ${file} cannot be read: ${(error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = parseJson(text, file);
  } catch (error) {
    if (error instanceof FileError) return { state: 'broken', detail: error.message };
    throw error;
  }
  const decoded = decodeStore(json);
  if (decoded.ok) return { state: 'ok', data: decoded.data };
  if (decoded.kind === 'newer') throw new UsageError(`the store ${file} ${decoded.detail}; upgrade study-planner to use it.`);
  return { state: 'broken', detail: decoded.detail };
}

/** A read-only command met a broken store: exit 2, naming the file and the way out. */
export class BrokenStoreError extends UsageError {
  override name = 'BrokenStoreError';
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `the store ${file} ${detail}. Nothing was changed: repair it by hand, or move it aside ` +
        `(mv "${file}" "${file}.bak") and the next save starts a new store.`,
    );
  }
}

// Broken stores this command goes on without (it will save, and set the broken one aside only
// then): read as if there were none, so that looking up a saved default does not stop it.
const goingOnWithout = new Set<string>();

/** From now on in this process, `file` reads as no store at all where readStoreOrFail reads it. */
export function goOnWithout(file: string): void {
  goingOnWithout.add(file);
}

/** The store's content for a command that only reads it: a broken store stops the command. */
export function readStoreOrFail(file: string): StoreData | undefined {
  const read = readStore(file);
  if (read.state === 'broken') {
    if (goingOnWithout.has(file)) return undefined;
    throw new BrokenStoreError(file, read.detail);
  }
  return read.state === 'ok' ? read.data : undefined;
}
