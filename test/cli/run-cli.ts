import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The checkout's root: the built program runs from here, so relative fixture paths work. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'study-planner');

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
  /** The store directory; a fresh temporary one, removed afterwards, when not given. */
  storeDir?: string;
  timeoutMs?: number;
}

const tempDirs: string[] = [];
// Registered when a test file imports this module: its temporary directories go when it ends.
// (Not per test: onTestFinished cannot tell concurrent tests apart.)
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory of its own for a test, removed when the test file ends. */
export function makeTempDir(prefix = 'study-planner-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * The environment the program sees: the parent's, minus anything that would change its
 * behaviour behind a test's back (colour settings, saved-state locations, DEBUG).
 */
function cleanEnv(storeDir: string, extra: CliOptions['env']): NodeJS.ProcessEnv {
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

export interface TerminalResult {
  code: number;
  /** Everything written to the terminal, stdout and stderr together, with \r\n line ends. */
  output: string;
}

/** Runs the program in a pseudo-terminal (stdin and stdout are TTYs), `cols` columns wide. */
export async function runInTerminal(args: readonly string[], options: Omit<CliOptions, 'stdin'> & { cols?: number } = {}): Promise<TerminalResult> {
  const { spawn: spawnPty } = await import('@lydell/node-pty');
  const ownStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-store-'));
  try {
    return await new Promise<TerminalResult>((resolve, reject) => {
      const terminal = spawnPty(process.execPath, [BIN, ...args], {
        name: 'xterm-256color',
        cols: options.cols ?? 80,
        rows: 40,
        cwd: options.cwd ?? ROOT,
        env: cleanEnv(storeDir, { TERM: 'xterm-256color', ...options.env }) as Record<string, string>,
      });
      let output = '';
      const timer = setTimeout(() => {
        terminal.kill();
        reject(new Error(`timed out; output so far: ${JSON.stringify(output)}`));
      }, options.timeoutMs ?? 20_000);
      terminal.onData((data) => (output += data));
      terminal.onExit(({ exitCode }) => {
        clearTimeout(timer);
        resolve({ code: exitCode, output });
      });
    });
  } finally {
    if (ownStore) fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

/** Runs `node bin/study-planner ...args` (built beforehand) and collects its exit code and output. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const ownStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-store-'));
  try {
    return await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
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
  } finally {
    if (ownStore) fs.rmSync(storeDir, { recursive: true, force: true });
  }
}
