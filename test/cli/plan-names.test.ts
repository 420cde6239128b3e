import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

// As a script or an adviser meets it: one saved name whatever the letter case or Unicode form.

const PLAN = [
  'plan',
  '--no-input',
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'Epidemiology',
  'LGT5037',
  '--elective',
  'COMP5434',
  'APSS6403',
  '--route',
  'dissertation',
];
const CAFE_NFC = 'caf\u00e9';
const CAFE_NFD = 'cafe\u0301';

const storedPlans = (storeDir: string): { name: string; plan: { fellowship?: boolean } }[] =>
  JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')).plans;

describe('plan --name', () => {
  it('plan --name will not replace a saved plan without --force', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', 'Mine'], { storeDir })).code).toBe(0);
    const again = await runInProcess([...PLAN, '--fellowship', '--name', 'Mine'], { storeDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a plan named "Mine" is already saved; pass --force');
    expect(JSON.parse((await runInProcess(['plans', 'export', 'Mine'], { storeDir })).stdout).fellowship).toBe(false);
    expect((await runInProcess([...PLAN, '--fellowship', '--name', 'Mine', '--force'], { storeDir })).code).toBe(0);
    expect(JSON.parse((await runInProcess(['plans', 'export', 'Mine'], { storeDir })).stdout).fellowship).toBe(true);
  });

  it('"my plan" beside "My plan" is taken: exit 2 naming the saved plan, and one plan is kept', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', 'My plan'], { storeDir })).code).toBe(0);
    const before = fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8');
    const again = await runInProcess([...PLAN, '--fellowship', '--name', 'my plan'], { storeDir });
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'study-planner: a plan named "My plan" is already saved (names that differ only in letter case or Unicode form are one name); ' +
        'pass --force to replace it, or choose another name with --name.\n',
    });
    expect(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')).toBe(before);
  });

  it('with --force replaces it: one plan remains, under the name as last written', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', 'My plan'], { storeDir })).code).toBe(0);
    const forced = await runInProcess([...PLAN, '--fellowship', '--name', 'MY PLAN', '--force'], { storeDir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Saved as "MY PLAN"');
    expect(storedPlans(storeDir).map((p) => [p.name, p.plan.fellowship])).toEqual([['MY PLAN', true]]);
  });

  it('under --json the refusal is the same, and stdout stays empty', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', 'My plan'], { storeDir })).code).toBe(0);
    const again = await runInProcess([...PLAN, '--json', '--name', 'MY PLAN'], { storeDir });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('a plan named "My plan" is already saved');
  });

  it('"café" typed decomposed (NFD) and composed (NFC) is one name, stored composed', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', CAFE_NFD], { storeDir })).code).toBe(0);
    expect(storedPlans(storeDir).map((p) => p.name)).toEqual([CAFE_NFC]);
    const again = await runInProcess([...PLAN, '--name', CAFE_NFC.toUpperCase()], { storeDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`a plan named "${CAFE_NFC}" is already saved`);
    expect((await runInProcess([...PLAN, '--fellowship', '--name', CAFE_NFC, '--force'], { storeDir })).code).toBe(0);
    expect(storedPlans(storeDir).map((p) => [p.name, p.plan.fellowship])).toEqual([[CAFE_NFC, true]]);
  });
});

describe('finding a saved plan by any case or Unicode form', () => {
  it('compare finds a saved plan ignoring case, as plans does', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', 'Mine'], { storeDir })).code).toBe(0);
    const result = await runInProcess(['compare', 'MINE', path.join(ROOT, 'examples', 'coursework.json'), '--json'], { storeDir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
  });

  it('plans show, export, compare and delete', async () => {
    const storeDir = makeTempDir();
    expect((await runInProcess([...PLAN, '--name', `Mon ${CAFE_NFC}`], { storeDir })).code).toBe(0);
    const other = `MON ${CAFE_NFD.toUpperCase()}`;
    const shown = await runInProcess(['plans', 'show', other], { storeDir });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Mon ${CAFE_NFC}: ✔ valid`);
    expect(JSON.parse((await runInProcess(['plans', 'export', other], { storeDir })).stdout).residency).toBe('local');
    const compared = await runInProcess(['compare', other, path.join(ROOT, 'examples', 'coursework.json'), '--json'], { storeDir });
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout)).toHaveLength(2);
    expect(await runInProcess(['plans', 'delete', other, '--force'], { storeDir })).toEqual({
      code: 0,
      stdout: '',
      stderr: `Deleted the saved plan "Mon ${CAFE_NFC}".\n`,
    });
    expect(storedPlans(storeDir)).toEqual([]);
  });
});

describe('a store from before: two plans whose names differ only in case', () => {
  function legacyStore(): string {
    const storeDir = makeTempDir();
    const plan = (fellowship: boolean) => ({
      catalogue: 'polyu-msc-health-informatics-2024',
      residency: 'local',
      mode: 'part-time',
      fellowship,
      subjects: ['SN5023'],
    });
    const plans = [
      { name: 'My plan', plan: plan(false), updatedAt: '2024-09-01T12:00:00.000Z' },
      { name: 'my plan', plan: plan(true), updatedAt: '2024-09-02T12:00:00.000Z' },
    ];
    fs.writeFileSync(path.join(storeDir, 'store.json'), JSON.stringify({ version: 1, defaults: {}, plans }));
    return storeDir;
  }

  it('loads and lists both; each is found by its exact name; another spelling is ambiguous (exit 2)', async () => {
    const storeDir = legacyStore();
    const list = await runInProcess(['plans', 'list', '--json'], { storeDir });
    expect(JSON.parse(list.stdout).map((p: { name: string }) => p.name)).toEqual(['my plan', 'My plan'].sort((a, b) => a.localeCompare(b)));
    expect(JSON.parse((await runInProcess(['plans', 'export', 'my plan'], { storeDir })).stdout).fellowship).toBe(true);
    expect(JSON.parse((await runInProcess(['plans', 'export', 'My plan'], { storeDir })).stdout).fellowship).toBe(false);
    const ambiguous = await runInProcess(['plans', 'show', 'MY PLAN'], { storeDir });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('"MY PLAN" could mean any of the saved plans "My plan" and "my plan"');
  });

  it('saving: taken whatever the spelling; --force replaces the plan named exactly, and refuses a spelling that is neither', async () => {
    const storeDir = legacyStore();
    const taken = await runInProcess([...PLAN, '--name', 'MY PLAN'], { storeDir });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('plans named "My plan" and "my plan" are already saved');
    expect((await runInProcess([...PLAN, '--name', 'MY PLAN', '--force'], { storeDir })).code).toBe(2);
    expect(storedPlans(storeDir)).toHaveLength(2);
    expect((await runInProcess([...PLAN, '--name', 'my plan', '--force'], { storeDir })).code).toBe(0);
    expect(storedPlans(storeDir).map((p) => [p.name, p.plan.fellowship])).toEqual([
      ['My plan', false],
      ['my plan', false],
    ]);
  });
});
