import fs from 'node:fs';
import { FileError } from './file-error.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { decodeText, readFdLimited } from './stdin.js';

export { FileError };

const MEBIBYTE = 1024 * 1024;

function describeSystemError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'does not exist; check the path';
    case 'EACCES':
    case 'EPERM':
      return "cannot be read: permission denied; check the file's permissions";
    case 'EISDIR':
      return 'is a directory, not a file; name a JSON file inside it';
    case 'ELOOP':
      return 'cannot be read: too many symbolic links';
    default:
      return `cannot be read: ${error.message}`;
  }
}

/**
 * Reads a whole text file, refusing files over `maxBytes` before reading them, and directories,
 * devices and the like. A UTF-8 byte order mark is dropped.
 */
export function readTextFile(file: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new FileError('UNREADABLE', file, describeSystemError(error as NodeJS.ErrnoException));
  }
  try {
    const small = readWholeIfSmall(fd, maxBytes);
    if (small) return decodeText(small, file);
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new FileError('UNREADABLE', file, 'is a directory, not a file; name a JSON file inside it');
    if (stat.isFile() && stat.size > maxBytes) {
      throw new FileError(
        'UNREADABLE',
        file,
        `is ${(stat.size / MEBIBYTE).toFixed(1)} MiB, over the ${maxBytes / MEBIBYTE} MiB limit for this kind of file; is it the right file?`,
      );
    }
    // Pipes and devices, and files that claim no size (as /proc's do), are read as streams.
    if (!stat.isFile() || stat.size === 0) return decodeText(readFdLimited(fd, maxBytes, file), file);
    // A regular file: exactly the bytes fstat promised (a file growing meanwhile is not followed).
    return decodeText(readExactly(fd, stat.size), file);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError('UNREADABLE', file, describeSystemError(error as NodeJS.ErrnoException));
  } finally {
    fs.closeSync(fd);
  }
}

// Most files read are plans of a few hundred bytes, thousands at a time for `check`; for them an
// fstat (and its Stats object) costs more than the read itself.
const SMALL_FILE_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * A small file's bytes without an fstat, or undefined: read from offset 0 into a buffer kept for
 * the purpose, and a second read at the end that returns nothing proves there is no more. Reads
 * at an offset never take bytes from a pipe or a terminal (they fail there, with nothing read), so
 * whatever this cannot settle (such a stream, a directory, a file past the buffer or past
 * `maxBytes`) is read as before, from the start. The buffer is reused: copy what is kept of it.
 */
function readWholeIfSmall(fd: number, maxBytes: number): Buffer | undefined {
  scratch ??= Buffer.allocUnsafe(SMALL_FILE_BYTES);
  const room = Math.min(scratch.length, maxBytes + 1);
  try {
    const read = fs.readSync(fd, scratch, 0, room, 0);
    if (read >= room || fs.readSync(fd, scratch, read, room - read, read) !== 0) return undefined;
    return scratch.subarray(0, read);
  } catch {
    return undefined;
  }
}

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Parses JSON text, with errors that say where in the file the problem is. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (text.trim() === '') throw new FileError('MALFORMED', file, 'is empty; expected a JSON object');
    if (error instanceof RangeError) throw new FileError('MALFORMED', file, 'is nested too deeply to be a plan or catalogue');
    const message = (error as Error).message;
    const stated = /position (\d+)/.exec(message);
    const offset = Math.min(stated ? Number(stated[1]) : jsonErrorOffset(text), text.length);
    const place = lineAndColumn(text, offset);
    const what = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text.slice(offset, offset + 1))}`;
    throw new FileError('MALFORMED', file, `is not valid JSON at line ${place.line}, column ${place.column}: ${what}`, place);
  }
}

/** What a path that is not a regular file is, for a message. */
function kindOfPath(stat: fs.Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a file that must be a regular file, such as the store: never through a symbolic link (a
 * link to /dev/zero would never end), never blocking on a named pipe (it is opened non-blocking and
 * refused), and never more than `maxBytes`. Throws system errors as they come (ENOENT and the
 * like), ENOTREGULAR (its message says what the path is instead) and ETOOBIG (its message: the size).
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A final symbolic link (ELOOP with O_NOFOLLOW), or a directory on systems that refuse to open one.
    if (code === 'ELOOP' || code === 'EISDIR' || code === 'ENXIO') notRegular(file);
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(kindOfPath(stat)), { code: 'ENOTREGULAR' });
    if (stat.size > maxBytes) throw Object.assign(new Error(`${(stat.size / MEBIBYTE).toFixed(1)} MiB`), { code: 'ETOOBIG' });
    return readExactly(fd, stat.size);
  } finally {
    fs.closeSync(fd);
  }
}

/** Throws ENOTREGULAR for a path that could not be opened as a file, saying what it is, when it can tell. */
function notRegular(file: string): never {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    // Gone meanwhile: say what we know.
  }
  throw Object.assign(new Error(stat ? kindOfPath(stat) : 'not a regular file'), { code: 'ENOTREGULAR' });
}

/** A regular file's bytes, exactly the size fstat promised (a file growing meanwhile is not followed). */
function readExactly(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = fs.readSync(fd, buffer, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}
