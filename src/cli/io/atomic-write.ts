import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';

function describe(file: string, error: NodeJS.ErrnoException): string {
  const name = safeLine(file);
  switch (error.code) {
    case 'EEXIST': return `${name} already exists; pass --force to overwrite it, or choose another file.`;
    case 'ENOENT': return `cannot write ${name}: its directory does not exist; create it first or choose another file.`;
    case 'ENOTDIR': return `cannot write ${name}: part of its path is a file, not a directory; choose another file.`;
    case 'EISDIR': return `cannot write ${name}: it is a directory; name a file inside it.`;
    case 'ELOOP': return `cannot write ${name}: its path goes round a loop of symbolic links; choose another file.`;
    case 'ENAMETOOLONG': return `cannot write ${name}: the name is too long for the file system; choose a shorter one.`;
    case 'EACCES':
    case 'EPERM': return `cannot write ${name}: permission denied; choose a file in a directory you can write to.`;
    case 'EROFS': return `cannot write ${name}: the file system is read-only; choose another place.`;
    case 'ENOSPC':
    case 'EDQUOT': return `cannot write ${name}: the disk is full; nothing was changed.`;
    case 'EFBIG': return `cannot write ${name}: the file would pass the size limit for files; nothing was changed.`;
    case 'ENOTREGULAR': return `cannot write ${name}: it is ${error.message}, not a regular file; name a regular file (it is never replaced, even with --force).`;
    default: return `cannot write ${name}: ${safeLine(error.message)}; nothing was changed.`;
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** Refuses a target that exists and is not a regular file (a link is judged by what it points to). */
function checkRegular(file: string): void {
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

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside it, every byte written
 * and flushed to disk, and then takes the target's name in one step, so a crash leaves the old file
 * whole. Without `overwrite`, an existing file is refused at that last step too (a hard link cannot
 * replace a file), so a file created meanwhile by someone else is never overwritten either. A
 * target that is not a regular file (a device, a named pipe) is refused even with `overwrite`.
 */
export function writeFileAtomic(file: string, text: string, { overwrite }: { overwrite: boolean }): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    checkRegular(file);
    if (!overwrite && fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) {
      // Checked again just before the rename: something may have taken the name meanwhile.
      checkRegular(file);
      fs.renameSync(temp, file);
    } else publishWithoutOverwriting(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw new UsageError(describe(file, error as NodeJS.ErrnoException));
  }
  removeQuietly(temp);
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
