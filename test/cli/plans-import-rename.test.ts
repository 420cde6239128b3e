import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const SECOND_YEAR = path.join(ROOT, 'examples', 'second-year.json');
// Wide, so that a status line naming a long path is one line whatever the checkout's path.
const ENV = { STUDY_PLANNER_TODAY: '2025-10-01', COLUMNS: '1000' };
const cliWith = (dir: string) => (args: string[]) => runInProcess(args, { storeDir: dir, env: ENV });
const storedPlans = (dir: string): { name: string; plan: Record<string, unknown>; updatedAt: string }[] =>
  JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).plans;

function writePlan(dir: string, name: string, plan: object): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe('plans import', () => {
  it('saves a plan file under its base name, the record of study as it was', async () => {
    const dir = makeTempDir();
    const result = await cliWith(dir)(['plans', 'import', SECOND_YEAR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('second-year: ✔ valid');
    expect(result.stdout).not.toContain('Imported');
    expect(result.stderr).toBe(`Imported ${SECOND_YEAR} as "second-year".\n`);
    const [saved] = storedPlans(dir);
    const original = JSON.parse(fs.readFileSync(SECOND_YEAR, 'utf8'));
    expect(saved!.name).toBe('second-year');
    expect(saved!.plan.grades).toEqual(original.grades);
    expect(saved!.plan.transferred).toEqual(original.transferred);
    expect(saved!.plan.schedule).toEqual(original.schedule);
    expect(saved!.plan.subjects).toEqual(original.subjects);
  });

  it('takes --name, and refuses a taken name (any letter case) without --force', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    expect((await cli(['plans', 'import', SECOND_YEAR, '--name', 'Year two'])).code).toBe(0);
    const again = await cli(['plans', 'import', SECOND_YEAR, '--name', 'YEAR TWO']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already saved.*--force/);
    expect(storedPlans(dir).map((p) => p.name)).toEqual(['Year two']);
    const forced = await cli(['plans', 'import', SECOND_YEAR, '--name', 'YEAR TWO', '--force']);
    expect(forced.code).toBe(0);
    expect(storedPlans(dir).map((p) => p.name)).toEqual(['YEAR TWO']);
  });

  it('says how to change a plan that breaks a rule, as a command to copy whatever the name holds', async () => {
    const dir = makeTempDir();
    const file = writePlan(dir, 'short.json', { residency: 'local', subjects: ['SN5023'] });
    const name = `Tom's  "$HOME" plan`;
    const result = await runInProcess(['plans', 'import', file, '--name', name], { storeDir: dir, env: { COLUMNS: '40' } });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    // The words wrap at 40 columns, never inside one (the file's path stands whole on its own line);
    // the command is broken between its words with the shell's " \\", the name quoted whole.
    expect(lines.slice(0, -3).every((line) => line.length <= 40 || !line.includes(' '))).toBe(true);
    expect(lines.some((line) => line.includes(file))).toBe(true);
    expect(lines.slice(-3)).toEqual(['  study-planner plans edit \\', `    'Tom'\\''s  "$HOME" plan'`, '']);
  });

  it("a file's name that cannot be a plan's name: refused once the file is read; a file that is not there is said to be not there", async () => {
    const dir = makeTempDir();
    const file = writePlan(dir, 'bad\u0007name.json', JSON.parse(fs.readFileSync(SECOND_YEAR, 'utf8')));
    const refused = await cliWith(dir)(['plans', 'import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`taken from the file's name contains control or invisible characters`);
    const missing = await cliWith(dir)(['plans', 'import', path.join(dir, 'gone\u001b[2J.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(missing.stderr).not.toContain("taken from the file's name");
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  });

  it('refuses a malformed file with exit 2 and saves nothing', async () => {
    const dir = makeTempDir();
    const file = writePlan(dir, 'broken.json', { residency: 'local', subjects: ['SN5023'], colour: 'blue' });
    const result = await cliWith(dir)(['plans', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.json.*nothing was imported/);
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  });

  it('imports a readable plan that breaks a rule, with its errors shown, and exits 1', async () => {
    const dir = makeTempDir();
    const file = writePlan(dir, 'short.json', { residency: 'local', subjects: ['SN5023'], grades: { SN5023: 'Z' } });
    const result = await cliWith(dir)(['plans', 'import', file, '--json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.name).toBe('short');
    expect(out.verdict.valid).toBe(false);
    expect(out.verdict.errors.map((e: { code: string }) => e.code)).toContain('RECORD_BAD_GRADE');
    expect(storedPlans(dir)[0]!.plan.grades).toEqual({ SN5023: 'Z' });
  });

  it('needs --name for standard input', async () => {
    const result = await cliWith(makeTempDir())(['plans', 'import', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--name');
  });
});

describe('plans rename', () => {
  async function twoPlans() {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    await cli(['plans', 'import', SECOND_YEAR, '--name', 'Mine']);
    await cli(['plans', 'import', SECOND_YEAR, '--name', 'Café']);
    return { dir, cli };
  }

  it('renames, keeping the plan and its time of saving', async () => {
    const { dir, cli } = await twoPlans();
    const before = storedPlans(dir)[0]!;
    const result = await cli(['plans', 'rename', 'mine', 'Year two']);
    expect(result.code).toBe(0);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'Renamed "Mine" to "Year two".\n' });
    const after = storedPlans(dir)[0]!;
    expect(after).toEqual({ ...before, name: 'Year two' });
  });

  it('refuses a name another plan has, in any case or Unicode form', async () => {
    const { dir, cli } = await twoPlans();
    for (const taken of ['Café', 'CAFÉ', 'Cafe\u0301']) {
      const result = await cli(['plans', 'rename', 'Mine', taken]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/"Café" is already saved.*choose another name/);
    }
    expect(storedPlans(dir).map((p) => p.name)).toEqual(['Mine', 'Café']);
  });

  it("allows a new spelling of the plan's own name", async () => {
    const { dir, cli } = await twoPlans();
    const result = await cli(['plans', 'rename', 'Mine', 'MINE']);
    expect(result.code).toBe(0);
    expect(storedPlans(dir).map((p) => p.name)).toEqual(['MINE', 'Café']);
    const same = await cli(['plans', 'rename', 'MINE', 'MINE']);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain('already named');
  });

  it('says when OLD is not saved, with the nearest name, and checks NEW', async () => {
    const { cli } = await twoPlans();
    const missing = await cli(['plans', 'rename', 'Mone', 'X']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Did you mean "Mine"?');
    const blank = await cli(['plans', 'rename', 'Mine', '   ']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('cannot be renamed to that name');
  });
});
