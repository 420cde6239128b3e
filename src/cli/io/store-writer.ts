import path from 'node:path';
import Conf from 'conf';
import { replaceFile } from './atomic-write.js';
import { removeLeftovers } from './leftovers.js';
import { UsageError } from '../outcome.js';
import { MAX_STORE_BYTES } from './store-file.js';
import { PROJECT_NAME, STORE_FILE_NAME } from './store-location.js';
import type { StoreData } from './store-schema.js';

const serialize = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const MEBIBYTE = 1024 * 1024;

/**
 * conf is the store's interface (where it lives, how it is named, `conf.store = data`), but its
 * own file handling is not used, in either direction:
 *
 * - Writing: conf's writer makes one `writeSync` call and ignores how many bytes it wrote, then
 *   renames the short file over the store (a nearly full disk, a file size limit); with `SNAP` set
 *   it overwrites the store in place, so a kill leaves half a file. Our writer (atomic-write.ts
 *   replaceFile) writes every byte, flushes, checks the size, renames and flushes the directory,
 *   whatever the environment, and throws, leaving the store as it was, when any step fails.
 * - Reading: conf reads the whole file in its constructor and in every write, following a link to
 *   /dev/zero or blocking on a named pipe, and its remedy for a broken file (`clearInvalidConfig`)
 *   wipes the user's plans. store-file.ts reads instead, with size and type guards, and can name
 *   the file, say what is wrong and set it aside.
 *
 * The lock that makes each read-modify-write safe against other processes is ours too (lock.ts):
 * conf has none.
 */
class VerifiedConf extends Conf<Record<string, unknown>> {
  override get store(): Record<string, unknown> {
    return {};
  }

  override set store(value: Record<string, unknown>) {
    const bytes = Buffer.from(serialize(value), 'utf8');
    // A store that could not be read back would lock its user out of every saved plan.
    if (bytes.length > MAX_STORE_BYTES)
      throw new UsageError(
        `saving this would make the store ${(bytes.length / MEBIBYTE).toFixed(1)} MiB, over the ${MAX_STORE_BYTES / MEBIBYTE} MiB it can be read back at; nothing was changed. Delete saved plans you no longer need (study-planner plans delete NAME), or save a smaller plan.`,
      );
    replaceFile(this.path, bytes, 0o600);
  }
}

/** The store's writer: call it inside the store's lock. */
export function confWriter(directory: string): (data: StoreData) => void {
  const conf = new VerifiedConf({
    projectName: PROJECT_NAME,
    cwd: directory,
    configName: path.basename(STORE_FILE_NAME, '.json'),
    fileExtension: 'json',
    accessPropertiesByDotNotation: false,
  });
  return (data) => {
    // Inside the lock no writer of ours is between its steps: whatever temporary file is old
    // enough was left by a killed one.
    removeLeftovers(conf.path);
    conf.store = data as unknown as Record<string, unknown>;
  };
}
