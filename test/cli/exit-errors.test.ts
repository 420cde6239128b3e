import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CannotWriteError, EXIT_CODES, ExitError, InterruptedError, UsageError } from '../../src/cli/outcome.js';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

// main.ts maps the one base class to its exit code; each subclass says what happened.
describe('errors carry their exit code', () => {
  test.each([
    [new UsageError('--residency "x" is not a residency'), 'UsageError', EXIT_CODES.failed],
    [new CannotWriteError('cannot write plan.json: the disk is full'), 'CannotWriteError', EXIT_CODES.failed],
    [new InterruptedError('Stopped.'), 'InterruptedError', EXIT_CODES.interrupted],
  ])('%s', (error, name, code) => {
    expect(error).toBeInstanceOf(ExitError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  test('a full disk is not a usage error', () => {
    expect(new CannotWriteError('x')).not.toBeInstanceOf(UsageError);
  });
});

describe('an error at a terminal is broken between words', () => {
  const args = ['plans', 'show', 'a plan that nobody ever saved under this long name'];

  test('at 40 columns: every line fits, no word is split, and the words are the same', async () => {
    const piped = await runInProcess(args);
    const r = await runInProcess(args, { stderrColumns: 40 });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.join(' ')).toBe(piped.stderr.trimEnd());
  });

  test('a path wider than the screen is never cut: it stands whole on a line of its own', async () => {
    const dir = path.join(makeTempDir(), 'a-rather-long-directory-name', 'for-the-store-of-plans');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'store.json'), '{"version": 2,');
    const r = await runInProcess(['plans', 'list'], { stderrColumns: 40, storeDir: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    // The store's path, quoted in the command to move it aside, is on one line, whole.
    expect(lines.some((line) => line.includes(`"${path.join(dir, 'store.json')}"`))).toBe(true);
    for (const line of lines) expect(line.length <= 40 || !line.includes(' ')).toBe(true);
  });

  test('piped, it stays one line for a script to read', async () => {
    const r = await runInProcess(args);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
