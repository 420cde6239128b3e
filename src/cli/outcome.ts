/**
 * What a command can end in. Commands return an Outcome or throw an ExitError; only main.ts turns
 * them into exit codes (docs/json-and-exit-codes.md lists them).
 */
export type Outcome = 'success' | 'invalid' | 'failed';

export const EXIT_CODES = { success: 0, invalid: 1, failed: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * An error the user can act on, carrying the exit code it ends the program with. main.ts prints its
 * message and exits with its code; any other error is a bug. Each subclass's name says what happened.
 */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

/** The program could not do the work as asked (a bad flag or value, a bad file, a missing answer): exit 2. */
export class UsageError extends ExitError {
  override name = 'UsageError';
  constructor(message: string) {
    super(EXIT_CODES.failed, message);
  }
}

/** A file or the store could not be written (a full disk, a read-only file system, no permission): exit 2. */
export class CannotWriteError extends ExitError {
  override name = 'CannotWriteError';
  constructor(message: string) {
    super(EXIT_CODES.failed, message);
  }
}

/** The user pressed Ctrl-C (or a signal arrived); the message says what was kept, if anything: exit 130. */
export class InterruptedError extends ExitError {
  override name = 'InterruptedError';
  constructor(message: string) {
    super(EXIT_CODES.interrupted, message);
  }
}
