import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Input, Io, Output } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';
import { makeTempDir } from './temp-dir.js';

/** The checkout's root: tests run from here, so relative fixture paths such as examples/x.json work. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export { makeTempDir };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The whole environment the program sees (nothing of this process's leaks in), besides the store. */
  env?: Record<string, string | undefined>;
  /** The store directory; a fresh temporary one, removed when the test file ends, when not given. */
  storeDir?: string;
  /** Stdout (and stdin) claim to be a terminal, so the program colours and may prompt. */
  isTTY?: boolean;
  /** The terminal's width, when isTTY. */
  columns?: number;
  /** Stderr claims to be a terminal this many columns wide (stdout is as isTTY says). */
  stderrColumns?: number;
  /** The whole of standard input, there before the program reads it (empty when not given). */
  stdin?: string | Buffer;
}

function collector(): { stream: Output; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * The whole program (`run`, which bin/study-planner calls) in this process, from the TypeScript
 * sources, with its world injected: environment, store, captured output and an empty standard
 * input unless `stdin` says. Hundreds of times faster than spawning the built program; test/process/
 * does that where the process itself is the point (exit codes, a real pipe, the bin script). The
 * working directory is this process's (the checkout's root), so relative paths such as
 * examples/x.json work; a test that needs another one spawns (run-process.ts has `cwd`).
 */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = collector();
  const stderr = collector();
  const stdin: Input = new PassThrough().end(options.stdin ?? '');
  if (options.isTTY) {
    stdin.isTTY = true;
    stdout.stream.isTTY = true;
    stdout.stream.columns = options.columns ?? 80;
  }
  if (options.stderrColumns !== undefined) {
    stderr.stream.isTTY = true;
    stderr.stream.columns = options.stderrColumns;
  }
  const env: NodeJS.ProcessEnv = { STUDY_PLANNER_STORE_DIR: options.storeDir ?? makeTempDir('study-planner-store-') };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const io: Io = { stdout: stdout.stream, stderr: stderr.stream, stdin, env };
  const code = await run(['node', 'study-planner', ...args], io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
