import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Written by every build (tsc emits every file each time), so its age is the build's.
const BUILT = path.join(ROOT, 'dist', 'cli', 'main.js');

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function builtAt(): number {
  try {
    return fs.statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Vitest's global setup for the tests that run the built program: they would test yesterday's
 * code if dist/ were older than src/ or data/, so the program is built first whenever it is.
 */
export default function freshBuild(): void {
  const changed = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'data')));
  if (builtAt() >= changed) return;
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error('dist/ is older than src/ or data/, and "npm run build" failed (see above): fix the build, then run the tests again.');
  }
}
