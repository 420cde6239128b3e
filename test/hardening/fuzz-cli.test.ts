// A sample of the fuzz cases (the same generators as fuzz.test.ts, a fixed seed), through the built
// program: an exit code of docs/json-and-exit-codes.md, a short plain stderr and never a stack trace, JSON on stdout
// under --json.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectJson, expectOrderly, lines, makeTempDir, ROOT, runCli } from './cli.js';
import { catalogueCase, planCase, type FuzzCase } from './generators.mjs';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
const realJson = readJson('data/polyu-msc-health-informatics-2024.json');
const inventedJson = readJson('test/fixtures/invented-programme.json');
const SEED = Number(process.env.FUZZ_SEED ?? 20240901);
const PLANS = fc.sample(planCase(realJson), { numRuns: 20, seed: SEED });
const CATALOGUES = fc.sample(catalogueCase([realJson, inventedJson]), { numRuns: 12, seed: SEED });

/** Runs `work` over `items`, `size` at a time: a few processes at once, not forty. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, i) => work(item, start + i)));
  }
}

function expectShortStderr(stderr: string, c: FuzzCase) {
  // One line for a file that cannot be used; for a plan of the wrong shape, one a problem, at most 20 and a count.
  expect(lines(stderr).length, `${c.label}: ${stderr}`).toBeLessThanOrEqual(21);
}

describe('fuzz cases through the built program', () => {
  it('plan files: check --json one at a time, and check of them all', async () => {
    const dir = makeTempDir();
    const files = PLANS.map((c, i) => {
      const file = path.join(dir, `plan-${i}.json`);
      fs.writeFileSync(file, c.bytes);
      return file;
    });
    await inBatches(PLANS, 6, async (c, i) => {
      const json = await runCli(['check', '--json', files[i]!]);
      expectOrderly(json);
      expectShortStderr(json.stderr, c);
      const [result] = expectJson(json) as { file: string; valid: boolean }[];
      expect(result!.file).toBe(files[i]);
      expect(result!.valid).toBe(json.code === 0);
    });
    // The report: every file judged or refused, one bad file never stopping the rest.
    const human = await runCli(['check', ...files]);
    expectOrderly(human);
    expect(human.stdout).toContain(`${PLANS.length} plans checked`);
    expect(lines(human.stderr).length).toBeLessThanOrEqual(21 * PLANS.length);
  });

  it('catalogue files: subjects --json, and check --json with those that load', async () => {
    const dir = makeTempDir();
    await inBatches(CATALOGUES, 6, async (c, i) => {
      const file = path.join(dir, `catalogue-${i}.json`);
      fs.writeFileSync(file, c.bytes);
      const subjects = await runCli(['--catalogue', file, 'subjects', '--json']);
      expectOrderly(subjects, [0, 2]);
      if (subjects.code === 2) {
        // A catalogue that cannot be used: one sentence on stderr, nothing on stdout.
        expect(lines(subjects.stderr), `${c.label}: ${subjects.stderr}`).toHaveLength(1);
        expect(subjects.stderr).toMatch(/^study-planner: catalogue .* (is|cannot|does)/);
        expect(subjects.stdout).toBe('');
        return;
      }
      expect(Array.isArray(expectJson(subjects))).toBe(true);
      const check = await runCli(['--catalogue', file, 'check', '--json', 'examples/dissertation.json']);
      expectOrderly(check);
      expect((expectJson(check) as unknown[]).length).toBe(1);
    });
  });

  it('the sample holds both usable and unusable files of each kind', () => {
    // Otherwise the sample tries too little: guard against a generator that drifted.
    const labels = [...PLANS, ...CATALOGUES].map((c) => c.label);
    expect(labels.some((l) => l.startsWith('random'))).toBe(true);
    expect(labels.some((l) => /text (bom|crlf)/.test(l))).toBe(true);
    expect(labels.some((l) => l.includes('replaced'))).toBe(true);
  });
});
