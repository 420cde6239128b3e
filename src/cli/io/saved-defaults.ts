import { readStoreOrFail } from './store-file.js';
import { storeFile } from './store-location.js';
import type { Defaults } from './store-types.js';

/**
 * The defaults saved with `config set`, read without loading conf (every command that loads the
 * catalogue may ask). A broken store stops the command (exit 2) rather than being quietly ignored:
 * a default the user saved would otherwise be silently replaced by another.
 */
export function readSavedDefaults(env: NodeJS.ProcessEnv): Defaults {
  return readStoreOrFail(storeFile(env))?.defaults ?? {};
}
