import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './temp-dir.js';

/** The checkout's root: the built program runs from here, so relative fixture paths work. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'study-planner');

export { makeTempDir };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to the program's standard input, which is then closed (it is always a pipe, never a terminal). */
  stdin?: string | Buffer;
  /** Added to (or, with `undefined`, removed from) the clean environment below. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The store directory; a fresh temporary one, removed when the test file ends, when not given. */
  storeDir?: string;
  timeoutMs?: number;
  /** The script to run instead of bin/study-planner. */
  script?: string;
}

/**
 * The environment the program sees: the parent's, minus anything that would change its
 * behaviour behind a test's back (colour settings, saved-state locations, DEBUG).
 */
export function cleanEnv(storeDir: string, extra: CliOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(STUDY_PLANNER_|NO_COLOR$|FORCE_COLOR$|DEBUG$|NODE_OPTIONS$|COLUMNS$|LINES$)/.test(key)) continue;
    env[key] = value;
  }
  env.STUDY_PLANNER_STORE_DIR = storeDir;
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * Runs `node bin/study-planner ...args` in a process of its own and collects its exit code and
 * output: for the tests where the process is the point (the slow tier, which builds dist/ first).
 * Everything else runs in process: run-in-process.ts.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const storeDir = options.storeDir ?? makeTempDir('study-planner-store-');
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cleanEnv(storeDir, options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // The program may exit without reading its input; that is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}
