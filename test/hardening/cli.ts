import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { makeTempDir, runCli, type CliOptions, type CliResult } from '../support/run-process.js';

export { BIN, makeTempDir, ROOT, runCli } from '../support/run-process.js';

const PRELOAD = fileURLToPath(new URL('./peak-memory.cjs', import.meta.url));
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export interface MeasuredResult extends CliResult {
  ms: number;
  peakMiB: number;
}

/** runCli, with the wall-clock time and the program's peak resident memory. */
export async function runMeasured(args: readonly string[], options: CliOptions = {}): Promise<MeasuredResult> {
  const report = path.join(makeTempDir('study-planner-peak-'), 'peak');
  const start = performance.now();
  const result = await runCli(args, {
    ...options,
    env: { ...options.env, NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`, PEAK_MEMORY_FILE: report },
  });
  const ms = performance.now() - start;
  return { ...result, ms, peakMiB: Number(fs.readFileSync(report, 'utf8')) / 1024 };
}

/** What every run must look like, whatever went wrong: an exit code of docs/json-and-exit-codes.md and a short, plain stderr. */
export function expectOrderly(result: CliResult, codes: readonly number[] = [0, 1, 2]): void {
  expect(codes, `exit ${result.code}; stderr: ${result.stderr}`).toContain(result.code);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/internal error|TypeError|RangeError|SyntaxError:|Cannot read|undefined is not/);
}

/** stdout holds exactly one JSON value; returns it. */
export function expectJson(result: CliResult): unknown {
  expect(() => JSON.parse(result.stdout), `stdout is not JSON: ${result.stdout.slice(0, 300)}`).not.toThrow();
  return JSON.parse(result.stdout);
}

/** No control character, DEL, C1 control or bidi override reaches the terminal raw (tab and newline aside). */
export function expectHarmless(text: string, where: string): void {
  const found = RAW_CONTROL.exec(text);
  expect(
    found,
    `${where} holds a raw U+${found?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 30), (found?.index ?? 0) + 30))}`,
  ).toBeNull();
}

/** Lines of a stream's text, without the empty last one. */
export const lines = (text: string) => text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
