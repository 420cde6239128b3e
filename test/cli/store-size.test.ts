import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../src/cli/io/store.js';
import { UsageError } from '../../src/cli/outcome.js';
import { makeTempDir } from './run-cli.js';

it('a save that would make the store larger than it can be read back is refused, and the store kept as it was', async () => {
  const dir = makeTempDir();
  const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
  store.savePlan('small', { residency: 'local', mode: 'part-time', fellowship: false, subjects: ['SN5023'] });
  const before = fs.readFileSync(path.join(dir, 'store.json'), 'utf8');
  // 33 MiB of subjects, twice over: the second save would pass 64 MiB.
  const huge = { residency: 'local' as const, mode: 'part-time', fellowship: false, subjects: ['x'.repeat(33 * 1024 * 1024)] };
  store.savePlan('big 1', huge);
  const once = fs.readFileSync(path.join(dir, 'store.json'), 'utf8');
  expect(() => store.savePlan('big 2', huge)).toThrow(UsageError);
  expect(() => store.savePlan('big 2', huge)).toThrow(/over the 64 MiB it can be read back at; nothing was changed/);
  expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe(once);
  expect(store.listPlans().map((p) => p.name)).toEqual(['small', 'big 1']);
  expect(before.length).toBeLessThan(once.length);
});
