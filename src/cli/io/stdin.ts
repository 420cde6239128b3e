import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { FileError } from './file-error.js';

const MAX_PAUSE_MS = 50;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` milliseconds, using no processor time meanwhile. */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Reads a stream of unknown size (a pipe, standard input) up to `maxBytes`. */
export function readFdLimited(fd: number, maxBytes: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  let idle = 0;
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking descriptor with nothing yet: wait a little, without spinning the processor.
      if (code === 'EAGAIN') {
        pause((idle = Math.min(MAX_PAUSE_MS, idle * 2 || 1)));
        continue;
      }
      if (code === 'EOF') break;
      throw new FileError('UNREADABLE', file, `could not be read: ${(error as Error).message}`);
    }
    if (read === 0) break;
    idle = 0;
    total += read;
    if (total > maxBytes) throw tooBig(file, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

/**
 * The text on the standard input the context was given, up to `maxBytes`. A process's standard input
 * is read through its descriptor, waiting (without spinning) on one that is non-blocking; a stream
 * with no descriptor (a test's) must already hold its whole text, as nothing here waits for it.
 */
export function readStdinText(stdin: Readable, maxBytes: number): string {
  const fd = (stdin as { fd?: unknown }).fd;
  const bytes = typeof fd === 'number' ? readFdLimited(fd, maxBytes, '-') : readBuffered(stdin, maxBytes);
  return decodeText(bytes, '-');
}

function readBuffered(stdin: Readable, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let chunk: unknown; (chunk = stdin.read()) !== null; ) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > maxBytes) throw tooBig('-', maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function tooBig(file: string, maxBytes: number): FileError {
  return new FileError(
    'UNREADABLE',
    file,
    `is over the ${maxBytes / (1024 * 1024)} MiB limit for this kind of file; is it the right file?`,
  );
}

/** UTF-8 text without its byte order mark; binary data is refused. */
export function decodeText(buffer: Buffer, file: string): string {
  if (buffer.includes(0)) throw new FileError('MALFORMED', file, 'is a binary file, not JSON text');
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
