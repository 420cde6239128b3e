import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runCli } from '../support/run-process.js';

const BUNDLED = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');
const RECORDER = path.join(ROOT, 'test', 'fixtures', 'record-requires.cjs');
// From dist/'s modules, not the bundle bin/study-planner runs: valibot is inside the bundle, where
// no require hook can see whether it is loaded.
const FROM_DIST = path.join(ROOT, 'test', 'fixtures', 'run-dist.mjs');

async function loadsValibot(args: string[]): Promise<{ code: number | null; valibot: boolean; stdout: string; stderr: string }> {
  const record = path.join(makeTempDir(), 'requires.txt');
  const result = await runCli(args, { script: FROM_DIST, env: { NODE_OPTIONS: `--require=${RECORDER}`, RECORD_REQUIRES: record } });
  return { ...result, valibot: /node_modules\/valibot\//.test(fs.readFileSync(record, 'utf8')) };
}

describe('catalogues validated when the program was built', () => {
  it('the bundled catalogue is not validated again: fees --json does not load valibot', async () => {
    const result = await loadsValibot(['fees', '--residency', 'local', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).payable).toBe(172_500);
    expect(result.valibot).toBe(false);
  });

  it('an exact copy elsewhere is trusted too, but an edited copy is validated in full', async () => {
    const dir = makeTempDir();
    const copy = path.join(dir, path.basename(BUNDLED));
    fs.copyFileSync(BUNDLED, copy);
    expect((await loadsValibot(['--catalogue', copy, 'fees', '--residency', 'local', '--json'])).valibot).toBe(false);

    const edited = JSON.parse(fs.readFileSync(BUNDLED, 'utf8'));
    edited.fees.perCredit = -1;
    fs.writeFileSync(copy, JSON.stringify(edited, null, 2));
    const result = await loadsValibot(['--catalogue', copy, 'fees', '--residency', 'local', '--json']);
    expect(result.valibot).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fees.perCredit');
  });

  it('a plan file is still validated (the shortcut is for catalogues only)', async () => {
    const result = await loadsValibot(['check', path.join(ROOT, 'examples', 'dissertation.json')]);
    expect(result.code).toBe(0);
    expect(result.valibot).toBe(true);
  });
});
