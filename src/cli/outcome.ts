/**
 * What a command can end in. Commands return or throw these; only main.ts turns them into
 * the exit codes of the contract.
 */
export type Outcome = 'success' | 'invalid' | 'failed';

/** The program could not do the work (bad usage, a bad file, a missing answer): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user pressed Ctrl-C (or a signal arrived); `kept` says what was saved, if anything. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

export const EXIT_CODES = { success: 0, invalid: 1, failed: 2, interrupted: 130 } as const;
