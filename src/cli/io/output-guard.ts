import fs from 'node:fs';
import { EXIT_CODES } from '../outcome.js';

interface GuardedProcess {
  on(event: 'SIGXFSZ', listener: () => void): unknown;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  exitCode?: number | string | null | undefined;
  exit(code?: number): never;
}

function reason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file is at its size limit';
    case 'EIO':
      return 'an input/output error';
    case 'EBADF':
      return 'it is closed';
    default:
      return error.code ?? error.message;
  }
}

/**
 * A failed write to stdout or stderr ends the program quietly and at once, whichever way it fails
 * (thrown by a write to a file, or emitted by a pipe or terminal): a reader that went away (EPIPE)
 * is not an error, exit 0; anything else (a full disk, say) is one line on stderr, if stderr still
 * works, and exit 2. Never a stack trace: nothing useful can be printed where printing failed.
 */
export function guardOutput(proc: GuardedProcess): void {
  // A write past the file size limit (ulimit -f) raises SIGXFSZ, whose default ends the process at
  // once, with no word and no cleanup. Handled, the write fails with EFBIG instead, which every
  // writer reports in one sentence ("would pass the size limit for files") with nothing changed.
  proc.on('SIGXFSZ', () => {});
  let ending = false;
  const fail = (name: 'stdout' | 'stderr', error: NodeJS.ErrnoException): never => {
    if (ending) proc.exit(EXIT_CODES.failed);
    ending = true;
    if (error.code === 'EPIPE') proc.exit(EXIT_CODES.success);
    if (name === 'stdout') {
      try {
        fs.writeSync(2, `study-planner: could not write the output: ${reason(error)}.\n`);
      } catch {
        // stderr failed too: the exit code is all that is left to say it.
      }
    }
    return proc.exit(EXIT_CODES.failed);
  };
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = proc[name];
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((...args: unknown[]) => {
      try {
        return write(...args);
      } catch (error) {
        return fail(name, error as NodeJS.ErrnoException);
      }
    }) as typeof stream.write;
    stream.on('error', (error: NodeJS.ErrnoException) => fail(name, error));
  }
}
