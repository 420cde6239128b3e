import os from 'node:os';
import path from 'node:path';

export const PROJECT_NAME = 'study-planner';
export const STORE_FILE_NAME = 'store.json';

/**
 * The per-user configuration directory conf would choose for this project (env-paths' `config`,
 * without conf's "-nodejs" suffix). Worked out here, without loading conf, because the saved
 * catalogue default is read by every command; store.ts hands the result to conf as its `cwd`, so
 * the two can never disagree.
 */
export function defaultStoreDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', PROJECT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), PROJECT_NAME, 'Config');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PROJECT_NAME);
}

/** STUDY_PLANNER_STORE_DIR when set (tests use it), otherwise the per-user configuration directory. */
export function storeDirectory(env: NodeJS.ProcessEnv): string {
  const chosen = env.STUDY_PLANNER_STORE_DIR;
  return chosen !== undefined && chosen !== '' ? path.resolve(chosen) : defaultStoreDirectory(env);
}

export function storeFile(env: NodeJS.ProcessEnv): string {
  return path.join(storeDirectory(env), STORE_FILE_NAME);
}
