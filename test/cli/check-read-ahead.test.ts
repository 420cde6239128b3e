import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadAhead, READ_AHEAD_CHARACTERS } from '../../src/cli/commands/check-files.js';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { loadPlanFile } from '../../src/cli/io/plan-file.js';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

const catalogue = loadCatalogue(undefined);
const noStdin = Readable.from([]);

/** A valid plan file padded with spaces to about `characters` characters. */
function paddedPlan(dir: string, name: string, characters: number): string {
  const file = path.join(dir, name);
  const plan = fs.readFileSync('examples/dissertation.json', 'utf8');
  fs.writeFileSync(file, plan + ' '.repeat(Math.max(0, characters - plan.length)));
  return file;
}

describe('check reads a run of files ahead of judging them', () => {
  it('loads what loadPlanFile loads, file by file and in order, failures included', () => {
    const dir = makeTempDir();
    const files = [
      'examples/dissertation.json',
      path.join(dir, 'missing.json'),
      'examples/incomplete.json',
      dir,
      'examples/coursework.json',
    ];
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"subjects": [}');
    files.push(path.join(dir, 'broken.json'));
    expect(loadAhead(catalogue, files, 0, noStdin)).toEqual(files.map((f) => loadPlanFile(catalogue, f, noStdin)));
    expect(loadAhead(catalogue, files, 2, noStdin)).toEqual(files.slice(2).map((f) => loadPlanFile(catalogue, f, noStdin)));
  });

  it('stops once the texts it holds reach the bound, but always reads one file', () => {
    const dir = makeTempDir();
    const big = Math.ceil(READ_AHEAD_CHARACTERS * 0.6);
    const files = ['a', 'b', 'c', 'd'].map((n) => paddedPlan(dir, `${n}.json`, big));
    // 0.6 of the bound held after one file, 1.2 after two: two files, then the next two.
    expect(loadAhead(catalogue, files, 0, noStdin)).toHaveLength(2);
    expect(loadAhead(catalogue, files, 2, noStdin)).toHaveLength(2);
    const huge = [paddedPlan(dir, 'huge.json', READ_AHEAD_CHARACTERS + 10), ...files.slice(0, 1)];
    expect(loadAhead(catalogue, huge, 0, noStdin)).toHaveLength(1);
    // Files that cannot be read hold no text, so they never stop a run early.
    const unreadable = Array.from({ length: 50 }, (_, i) => path.join(dir, `gone-${i}.json`));
    expect(loadAhead(catalogue, unreadable, 0, noStdin)).toHaveLength(50);
  });

  it('check --json over runs of large files reports every file, in order', async () => {
    const dir = makeTempDir();
    const big = Math.ceil(READ_AHEAD_CHARACTERS * 0.45);
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => paddedPlan(dir, `${n}.json`, big));
    files.splice(2, 0, path.join(dir, 'missing.json'));
    const r = await runInProcess(['check', '--json', ...files]);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { file: string }) => x.file)).toEqual(files);
    expect(results.map((x: { valid: boolean }) => x.valid)).toEqual([true, true, false, true, true, true]);
  });
});
