import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pty from '@lydell/node-pty';
import { onTestFinished } from 'vitest';
import { BIN, cleanEnv, ROOT } from '../support/run-process.js';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03' } as const;

export interface Terminal {
  /** Waits until the screen shows `text` after what earlier waits matched; returns what it saw. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Presses keys, one write each (each key is a separate keypress for the program). */
  press(...keys: string[]): void;
  /** Everything the program has shown so far, without control sequences. */
  screen(): string;
  /** Everything the program has shown so far, as the terminal received it. */
  raw(): string;
  /** The exit code, once the program has ended. */
  exited: Promise<number>;
}

/** A store directory removed when the test finishes. */
export function tempStore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-pty-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TerminalOptions {
  storeDir: string;
  cols?: number;
  /** Added to (or, with `undefined`, removed from) the clean environment of run-process.ts. */
  env?: Record<string, string | undefined>;
  /** `ulimit -f` for the program, in 1 KiB blocks: a file system that takes no more, as when full. */
  fileBlocks?: number;
  /** What runs instead of the program (an interactive shell, say), with `args` as its arguments. */
  file?: string;
}

// How long the terminal must stay silent after the program exits before its output counts as all read.
const OUTPUT_QUIET_MS = 100;

/**
 * Runs the built program in a real pseudo-terminal, 100 columns (unless `cols` says) by 40 rows:
 * the one terminal driver. Only what needs a real terminal belongs here (raw keys, Ctrl-C as a
 * signal, the prompts' drawing); a command's output at a terminal's width runs in process
 * (run-in-process.ts, with isTTY and columns).
 */
export function spawnInTerminal(
  args: readonly string[],
  { storeDir, cols = 100, env, fileBlocks, file: other }: TerminalOptions,
): Terminal {
  const childEnv = cleanEnv(storeDir, { TERM: 'xterm-256color', ...env }) as Record<string, string>;
  const [file, argv] =
    other !== undefined
      ? [other, [...args]]
      : fileBlocks === undefined
        ? [process.execPath, [BIN, ...args]]
        : ['bash', ['-c', `ulimit -f ${fileBlocks}; exec "$0" "$@"`, process.execPath, BIN, ...args]];
  const child = pty.spawn(file, argv, { name: 'xterm-256color', cols, rows: 40, cwd: ROOT, env: childEnv });
  let raw = '';
  let seen = 0;
  let lastData = Date.now();
  const listeners = new Set<() => void>();
  child.onData((data) => {
    raw += data;
    lastData = Date.now();
    for (const listener of listeners) listener();
  });
  // node-pty may report the exit before the last of the output has been read from the terminal
  // (seen on a loaded machine: a 201-plan check "exited" with its summary still unread), so the
  // exit counts once the terminal has been quiet for a moment since it.
  const exited = new Promise<number>((resolve) =>
    child.onExit(({ exitCode }) => {
      const since = Date.now();
      const settle = () =>
        Date.now() - Math.max(lastData, since) >= OUTPUT_QUIET_MS || Date.now() - since >= 2_000
          ? resolve(exitCode)
          : setTimeout(settle, 10);
      settle();
    }),
  );
  let running = true;
  void exited.then(() => {
    running = false;
    for (const listener of listeners) listener();
  });
  onTestFinished(() => {
    if (running) child.kill();
  });
  const screen = () => stripVTControlCharacters(raw);
  return {
    screen,
    raw: () => raw,
    exited,
    press: (...keys) => {
      for (const key of keys) child.write(key);
    },
    waitFor: (text, timeoutMs = 15_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const rest = screen().slice(seen);
          const match =
            typeof text === 'string'
              ? rest.includes(text)
                ? { index: rest.indexOf(text), length: text.length }
                : undefined
              : (() => {
                  const m = text.exec(rest);
                  return m ? { index: m.index, length: m[0].length } : undefined;
                })();
          if (match) {
            done();
            const upTo = seen + match.index + match.length;
            const saw = screen().slice(seen, upTo);
            seen = upTo;
            resolve(saw);
          } else if (!running) {
            done();
            reject(new Error(`the program ended without showing ${String(text)}; it showed:\n${rest.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${String(text)} on the screen after ${timeoutMs} ms; it shows:\n${screen().slice(seen).slice(-3000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Runs the program in a terminal without pressing a key; its exit code and everything it showed, raw (\r\n line ends). */
export async function runInTerminal(
  args: readonly string[],
  options: Partial<TerminalOptions> = {},
): Promise<{ code: number; output: string }> {
  const terminal = spawnInTerminal(args, { storeDir: options.storeDir ?? tempStore(), cols: options.cols ?? 80, env: options.env });
  const code = await terminal.exited;
  return { code, output: terminal.raw() };
}

/** Text as the screen shows it wherever its lines break: any run of white space (or none) between its characters. */
export const words = (text: string) =>
  new RegExp([...text.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));
