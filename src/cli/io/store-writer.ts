import path from 'node:path';
import Conf from 'conf';
import { PROJECT_NAME, STORE_FILE_NAME } from './store-location.js';
import type { StoreData } from './store-schema.js';

/**
 * conf writes the store: it creates the directory and replaces the file atomically (a temporary
 * file beside it, flushed to disk, then renamed over it), readable by the user alone.
 *
 * conf does not read it. Its constructor parses the file and throws a bare SyntaxError, without
 * the file's name, on a broken one, and its remedy (`clearInvalidConfig`) wipes the user's plans.
 * So its parsing is switched off here (`deserialize` returns nothing) and store-file.ts reads and
 * validates the file instead, which can name the file, say what is wrong and set it aside. The
 * lock that makes each read-modify-write safe against other processes is ours too (lock.ts):
 * conf has none.
 */
export function confWriter(directory: string): (data: StoreData) => void {
  const conf = new Conf<Record<string, unknown>>({
    projectName: PROJECT_NAME,
    cwd: directory,
    configName: path.basename(STORE_FILE_NAME, '.json'),
    fileExtension: 'json',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    deserialize: () => ({}),
    serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
  });
  return (data) => {
    conf.store = data as unknown as Record<string, unknown>;
  };
}
