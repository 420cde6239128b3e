import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const tempDirs: string[] = [];
// Registered when a test file imports this module: its temporary directories go when it ends.
// (Not per test: onTestFinished cannot tell concurrent tests apart.)
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory of its own for a test, removed when the test file ends. */
export function makeTempDir(prefix = 'study-planner-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
