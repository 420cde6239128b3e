import { describe, expect, test } from 'vitest';
import { CannotWriteError, EXIT_CODES, ExitError, InterruptedError, UsageError } from '../../src/cli/outcome.js';
import { runInProcess } from '../support/run-in-process.js';

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

  test('piped, it stays one line for a script to read', async () => {
    const r = await runInProcess(args);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
