import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CannotWriteError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';

function describe(file: string, error: NodeJS.ErrnoException): string {
  const name = safeLine(file);
  switch (error.code) {
    case 'EEXIST':
      return `${name} already exists; pass --force to overwrite it, or choose another file.`;
    case 'ENOENT':
      return `cannot write ${name}: its directory does not exist; create it first or choose another file.`;
    case 'ENOTDIR':
      return `cannot write ${name}: part of its path is a file, not a directory; choose another file.`;
    case 'EISDIR':
      return `cannot write ${name}: it is a directory; name a file inside it.`;
    case 'ELOOP':
      return `cannot write ${name}: its path goes round a loop of symbolic links; choose another file.`;
    case 'ENAMETOOLONG':
      return `cannot write ${name}: the name is too long for the file system; choose a shorter one.`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${name}: permission denied; choose a file in a directory you can write to.`;
    case 'EROFS':
      return `cannot write ${name}: the file system is read-only; choose another place.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${name}: the disk is full; nothing was changed.`;
    case 'EFBIG':
      return `cannot write ${name}: the file would pass the size limit for files; nothing was changed.`;
    case 'ESHORT':
      return `cannot write ${name}: not every byte reached the disk; nothing was changed.`;
    case 'ECHANGED':
      // Found after the rename: what is there now is neither the old file nor ours.
      return `cannot be sure ${name} holds what was written: another process replaced it at the same moment; check it, and write it again if needed.`;
    case 'ENOTREGULAR':
      return `cannot write ${name}: it is ${error.message}, not a regular file; name a regular file (it is never replaced, even with --force).`;
    default:
      return `cannot write ${name}: ${safeLine(error.message)}; nothing was changed.`;
  }
}

export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** Refuses a target that exists and is not a regular file (a link is judged by what it points to). */
export function checkRegular(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw error;
  }
  if (!stat.isFile()) throw Object.assign(new Error(kindOf(stat)), { code: 'ENOTREGULAR' });
}

/**
 * Writes every byte of `data` to `fd`, however many calls it takes: a single write may take only
 * part of it (a nearly full disk, a size limit), and a file short of its end must never be kept.
 */
export function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) {
    const written = fs.writeSync(fd, data, offset, data.length - offset);
    if (written <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Removes a temporary file if it is there; a failure to tidy up never hides the result. */
function removeQuietly(temp: string): void {
  try {
    fs.rmSync(temp, { force: true });
  } catch {
    // Nothing was made there (its directory is not one), or it cannot be removed: either way the
    // target is untouched, which is what matters.
  }
}

/** The temporary file a write beside `file` uses (leftovers.ts knows the pattern, to tidy up after a crash). */
export function tempNameBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes `data` to a fresh temporary file beside `file`: every byte, flushed to disk, and its size
 * checked against what was meant. Returns the temporary file's path and identity; on any failure it
 * is removed and the system error thrown. This is the one way our files get their bytes.
 */
export function writeTempBeside(file: string, data: Uint8Array, mode: number): { temp: string; stat: fs.Stats } {
  const temp = tempNameBeside(file);
  try {
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      writeAll(fd, data);
      fs.fsyncSync(fd);
      const stat = fs.fstatSync(fd);
      // What the disk says it holds, not what the calls said they wrote.
      if (stat.size !== data.length)
        throw Object.assign(new Error(`the file holds ${stat.size} bytes of ${data.length}`), { code: 'ESHORT' });
      return { temp, stat };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

/** Flushes a directory's entries (a rename) to disk; where directories cannot be opened or flushed, a no-op. */
export function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = fs.openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EBADF') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `data`, whole or not at all: a temporary file beside it gets every byte and
 * is flushed and checked, then takes the file's name in one rename, and the directory is flushed.
 * On any failure the previous file is untouched, the temporary file removed, and the system error
 * thrown (ENOTREGULAR for a target that is not a regular file: it is never replaced). Afterwards
 * the file under that name is checked to be the one written, so a caller can say "saved".
 */
export function replaceFile(file: string, data: Uint8Array, mode: number): void {
  checkRegular(file);
  const { temp, stat } = writeTempBeside(file, data, mode);
  try {
    // Checked again just before the rename: something may have taken the name meanwhile.
    checkRegular(file);
    fs.renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  // Past the rename the file is replaced: a failure now must not be reported as if it were not.
  try {
    syncDirectory(path.dirname(file));
    const now = fs.lstatSync(file);
    if (now.ino !== stat.ino || now.dev !== stat.dev || now.size !== data.length) {
      throw Object.assign(new Error('another process replaced the file as it was written'), { code: 'ECHANGED' });
    }
  } catch (error) {
    throw Object.assign(error as Error, { afterReplace: true });
  }
}

/**
 * Writes a whole file or nothing (see replaceFile), so a crash leaves the old file whole. Without
 * `overwrite`, an existing file is refused at the last step too (a hard link cannot replace a
 * file), so a file created meanwhile by someone else is never overwritten either. A target that is
 * not a regular file (a device, a named pipe) is refused even with `overwrite`.
 */
export function writeFileAtomic(file: string, text: string, { overwrite }: { overwrite: boolean }): void {
  const data = Buffer.from(text, 'utf8');
  try {
    if (overwrite) return replaceFile(file, data, 0o644);
    checkRegular(file);
    if (fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    const { temp } = writeTempBeside(file, data, 0o644);
    try {
      publishWithoutOverwriting(temp, file);
      syncDirectory(path.dirname(file));
    } finally {
      removeQuietly(temp);
    }
  } catch (error) {
    throw new CannotWriteError(describe(file, error as NodeJS.ErrnoException));
  }
}

function publishWithoutOverwriting(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    if (fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    fs.renameSync(temp, file);
  }
}
