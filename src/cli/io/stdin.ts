import fs from 'node:fs';
import { FileError } from './file-error.js';

/** Reads a stream of unknown size (a pipe, standard input) up to `maxBytes`. */
export function readFdLimited(fd: number, maxBytes: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new FileError('UNREADABLE', file, `could not be read: ${(error as Error).message}`);
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw new FileError('UNREADABLE', file, `is over the ${maxBytes / (1024 * 1024)} MiB limit for this kind of file; is it the right file?`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

export function readStdinText(maxBytes: number): string {
  return decodeText(readFdLimited(0, maxBytes, '-'), '-');
}

/** UTF-8 text without its byte order mark; binary data is refused. */
export function decodeText(buffer: Buffer, file: string): string {
  if (buffer.includes(0)) throw new FileError('MALFORMED', file, 'is a binary file, not JSON text');
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
