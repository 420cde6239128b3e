import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pty from '@lydell/node-pty';
import { onTestFinished } from 'vitest';
import { BIN, ROOT } from '../cli/run-cli.js';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03' } as const;

export interface Terminal {
  /** Waits until the screen shows `text` after what earlier waits matched; returns what it saw. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Presses keys, one write each (each key is a separate keypress for the program). */
  press(...keys: string[]): void;
  /** Everything the program has shown so far, without control sequences. */
  screen(): string;
  /** The exit code, once the program has ended. */
  exited: Promise<number>;
}

/** A store directory removed when the test finishes. */
export function tempStore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-pty-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function cleanEnv(storeDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(STUDY_PLANNER_|NO_COLOR$|FORCE_COLOR$|DEBUG$|NODE_OPTIONS$|COLUMNS$|LINES$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', STUDY_PLANNER_STORE_DIR: storeDir };
}

/** Runs the built program in a real pseudo-terminal, 100 columns (unless `cols` says) by 40 rows. */
export function spawnInTerminal(args: readonly string[], { storeDir, cols = 100 }: { storeDir: string; cols?: number }): Terminal {
  const child = pty.spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows: 40, cwd: ROOT, env: cleanEnv(storeDir) });
  let raw = '';
  let seen = 0;
  const listeners = new Set<() => void>();
  child.onData((data) => {
    raw += data;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
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
    exited,
    press: (...keys) => {
      for (const key of keys) child.write(key);
    },
    waitFor: (text, timeoutMs = 15_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const rest = screen().slice(seen);
          const match = typeof text === 'string' ? (rest.includes(text) ? { index: rest.indexOf(text), length: text.length } : undefined) : (() => {
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
