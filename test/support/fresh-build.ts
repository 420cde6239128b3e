import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Written by every build (tsc emits every file each time, then scripts/bundle.mjs makes the bundle
// and its code cache from dist/), so the oldest of them dates the build. bin/study-planner runs the
// bundle, so a tsc-only build (dist/ newer than the bundle) is not a fresh one either.
const BUILT = [path.join('dist', 'cli', 'main.js'), path.join('dist', 'bundle.cjs'), path.join('dist', 'bundle.cache')];
// What the build is made from, besides src/ and data/ (the code cache is made for bin's wrapper).
const BUILD_SCRIPTS = [
  path.join('scripts', 'bundle.mjs'),
  path.join('scripts', 'cli-table3-hotspots.mjs'),
  path.join('scripts', 'bundle-cache.cjs'),
  path.join('bin', 'study-planner'),
  'package-lock.json',
];

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function modifiedAt(file: string): number {
  try {
    return fs.statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return 0;
  }
}

function builtAt(): number {
  const times = BUILT.map(modifiedAt);
  // The bundle is made after tsc: one older than dist/ was left behind by a tsc-only build.
  return times[1]! < times[0]! ? 0 : Math.min(...times);
}

/**
 * Vitest's global setup for the tests that run the built program: they would test yesterday's
 * code if dist/ or the bundle were older than src/, data/ or the build scripts, so the program is
 * built first whenever it is.
 */
export default function freshBuild(): void {
  const changed = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'data')), ...BUILD_SCRIPTS.map(modifiedAt));
  if (builtAt() >= changed) return;
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error(
      'dist/ or its bundle is older than src/, data/ or the build scripts, and "npm run build" failed (see above): fix the build, then run the tests again.',
    );
  }
}
