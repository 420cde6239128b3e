import { describe, expect, test } from 'vitest';
import { CannotWriteError, EXIT_CODES, ExitError, InterruptedError, UsageError } from '../../src/cli/outcome.js';

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
