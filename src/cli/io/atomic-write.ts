import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../outcome.js';

function describe(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EEXIST': return `${file} already exists; pass --force to overwrite it, or choose another file.`;
    case 'ENOENT': return `cannot write ${file}: its directory does not exist; create it first or choose another file.`;
    case 'ENOTDIR': return `cannot write ${file}: part of its path is a file, not a directory; choose another file.`;
    case 'EISDIR': return `cannot write ${file}: it is a directory; name a file inside it.`;
    case 'EACCES':
    case 'EPERM': return `cannot write ${file}: permission denied; choose a file in a directory you can write to.`;
    case 'ENOSPC': return `cannot write ${file}: the disk is full; nothing was changed.`;
    default: return `cannot write ${file}: ${error.message}; nothing was changed.`;
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside it, is flushed to disk,
 * and then takes the target's name in one step, so a crash leaves the old file whole. Without
 * `overwrite`, an existing file is refused at that last step too (a hard link cannot replace a
 * file), so a file created meanwhile by someone else is never overwritten either.
 */
export function writeFileAtomic(file: string, text: string, { overwrite }: { overwrite: boolean }): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    if (!overwrite && fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) fs.renameSync(temp, file);
    else publishWithoutOverwriting(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(describe(file, error as NodeJS.ErrnoException));
  }
  fs.rmSync(temp, { force: true });
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
