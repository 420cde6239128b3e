import fs from 'node:fs';
import path from 'node:path';

/** Older than this, a temporary file is no write in progress: every write takes milliseconds. */
export const LEFTOVER_AGE_MS = 60_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names a killed write can leave beside `file`: our temporary files for it, its lock and its
 * lock's break lock (atomic-write.ts tempNameBeside), a break lock set aside while being broken
 * (lock.ts; older versions set the lock itself aside), and the temporary files conf wrote before
 * our writer took over (atomically's `<file>.tmp-<16 digits>`).
 */
function leftoverPattern(file: string): RegExp {
  const base = escapeRegExp(path.basename(file));
  return new RegExp(
    `^(?:\\.${base}(?:\\.lock(?:\\.break)?)?\\.tmp-\\d+-[0-9a-f]{8}|${base}\\.lock(?:\\.break)?\\.stale-\\d+-[0-9a-f-]{36}|${base}\\.tmp-\\d{10}[0-9a-f]{6})$`,
  );
}

/**
 * Removes what killed writes left beside `file`, once old enough to be no write in progress. Run
 * while holding the file's lock, so no writer of ours is between its steps. Tidying is a courtesy:
 * a file that cannot be looked at or removed is left, and never stops the save.
 */
export function removeLeftovers(file: string, now = Date.now()): string[] {
  const directory = path.dirname(file);
  const pattern = leftoverPattern(file);
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const leftover = path.join(directory, name);
    try {
      const stat = fs.lstatSync(leftover);
      if (!stat.isFile() || now - stat.mtimeMs < LEFTOVER_AGE_MS) continue;
      fs.unlinkSync(leftover);
      removed.push(leftover);
    } catch {
      // Gone already (another process tidied it), or not ours to remove.
    }
  }
  return removed;
}
