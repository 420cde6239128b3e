import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';

export const PROJECT_NAME = 'study-planner';
export const STORE_FILE_NAME = 'store.json';

/**
 * The per-user configuration directory conf would choose for this project (env-paths' `config`,
 * without conf's "-nodejs" suffix). Worked out here, without loading conf, because the saved
 * catalogue default is read by every command; store.ts hands the result to conf as its `cwd`, so
 * the two can never disagree.
 */
export function defaultStoreDirectory(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home = homeDirectory(),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', PROJECT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), PROJECT_NAME, 'Config');
  // The XDG rule: a relative XDG_CONFIG_HOME is invalid and ignored, or the store would move with
  // the current directory.
  const xdg = env.XDG_CONFIG_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config'), PROJECT_NAME);
}

/** The home directory: $HOME when it is an absolute path, else the account's own from the system. */
export function homeDirectory(): string {
  let fromEnv = '';
  try {
    // Without HOME, Node asks the system for the account, which may have no entry at all (ENOENT).
    fromEnv = os.homedir();
  } catch {
    // Said below, as for a HOME that is no absolute path.
  }
  if (path.isAbsolute(fromEnv)) return fromEnv;
  try {
    const fromAccount = os.userInfo().homedir;
    if (path.isAbsolute(fromAccount)) return fromAccount;
  } catch {
    // No account entry (a container with an arbitrary user id): nowhere stable is known.
  }
  throw new UsageError(
    `cannot find your home directory for the saved plans: HOME is "${safeLine(fromEnv)}", not an absolute path; set HOME to one, or STUDY_PLANNER_STORE_DIR to the directory to keep them in.`,
  );
}

/** STUDY_PLANNER_STORE_DIR when set (tests use it), otherwise the per-user configuration directory. */
export function storeDirectory(env: NodeJS.ProcessEnv): string {
  const chosen = env.STUDY_PLANNER_STORE_DIR;
  return chosen !== undefined && chosen !== '' ? path.resolve(chosen) : defaultStoreDirectory(env);
}

export function storeFile(env: NodeJS.ProcessEnv): string {
  return path.join(storeDirectory(env), STORE_FILE_NAME);
}
