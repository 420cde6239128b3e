import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../fixtures/store/in-process.js';
import { COMPLETE_PLAN } from '../support/plan-flags.js';
import { makeTempDir, ROOT, runCli, type CliOptions } from './run-cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'store');
const REAL_CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');

/**
 * The program against one store directory, run in this process (fast; the same entry point the
 * binary calls). `spawned` runs the built binary itself, for the tests that must see a real process.
 */
function cliWith(storeDir: string) {
  return (args: string[], options: { env?: Record<string, string> } = {}) =>
    runInProcess(args, { STUDY_PLANNER_STORE_DIR: storeDir, ...options.env });
}
function spawnedWith(storeDir: string) {
  return (args: string[], options: CliOptions = {}) => runCli(args, { storeDir, ...options, env: { NO_COLOR: '1', ...options.env } });
}

/** A catalogue like the real one, with its own id and fee per credit (6,000), in a temp directory. */
function otherCatalogue(dir: string): string {
  const data = JSON.parse(fs.readFileSync(REAL_CATALOGUE, 'utf8'));
  data.id = 'other-programme-2025';
  data.fees.perCredit = 6000;
  const file = path.join(dir, 'other-catalogue.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

const storeJson = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8'));

describe('config', () => {
  it('path names the store file inside STUDY_PLANNER_STORE_DIR, without creating it', async () => {
    const dir = makeTempDir();
    const cli = spawnedWith(dir);
    expect(await cli(['config', 'path'])).toEqual({ code: 0, stdout: `${path.join(dir, 'store.json')}\n`, stderr: '' });
    expect(JSON.parse((await cli(['config', 'path', '--json'])).stdout)).toEqual({ path: path.join(dir, 'store.json') });
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  });

  it('set, get, get all, unset: a round trip', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    const unset = await cli(['config', 'get', 'residency']);
    expect(unset).toMatchObject({ code: 0, stdout: '' });
    // Wrapped to the width (80 here), so compared word by word.
    expect(unset.stderr.replace(/\s+/g, ' ')).toContain(
      'residency is not set; set it with "study-planner config set residency VALUE" (local or non-local)',
    );

    expect(await cli(['config', 'set', 'residency', 'non-local'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `Saved residency = non-local in ${path.join(dir, 'store.json')}.\n`,
    });
    expect(await cli(['config', 'set', 'mode', 'part-time'])).toMatchObject({ code: 0 });
    expect(await cli(['config', 'get', 'residency'])).toEqual({ code: 0, stdout: 'non-local\n', stderr: '' });
    expect(JSON.parse((await cli(['config', 'get', 'mode', '--json'])).stdout)).toEqual({ mode: 'part-time' });
    expect(JSON.parse((await cli(['--json', 'config', 'get'])).stdout)).toEqual({
      residency: 'non-local',
      mode: 'part-time',
      catalogue: null,
    });

    const all = await cli(['config', 'get']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^Key\s+Saved default\nresidency\s+non-local\nmode\s+part-time\ncatalogue\s+\(not set\)\n/);
    expect(all.stdout).toContain(`Store: ${path.join(dir, 'store.json')}.`);

    expect(await cli(['config', 'unset', 'residency'])).toEqual({ code: 0, stdout: '', stderr: 'Removed the saved residency.\n' });
    expect(await cli(['config', 'unset', 'residency'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'residency was not set; nothing to remove.\n',
    });
    expect(JSON.parse((await cli(['config', 'unset', 'mode', '--json'])).stdout)).toEqual({ residency: null, mode: null, catalogue: null });
    expect(storeJson(dir).defaults).toEqual({});
  });

  it.each([
    [['config', 'get', 'colour'], /config has no key "colour"; use one of: residency, mode, catalogue\./],
    [
      ['config', 'set', 'residence', 'local'],
      /config has no key "residence"; use one of: residency, mode, catalogue\. Did you mean residency\?/,
    ],
    [['config', 'unset', 'modes'], /Did you mean mode\?/],
    [['config', 'set', 'residency', 'martian'], /config set residency: "martian" is not a residency; use local or non-local\./],
    [
      ['config', 'set', 'mode', 'weekends'],
      /config set mode: "weekends" is not a study mode of this programme; use full-time or part-time\./,
    ],
    [['config', 'set', 'catalogue', 'no/such/file.json'], /config set catalogue: .*no\/such\/file\.json does not exist; check the path\./],
    [['config', 'set', 'catalogue', 'examples/dissertation.json'], /catalogue .*dissertation\.json is not valid/],
    [['config', 'set', 'residency'], /missing required argument 'value'/],
    [['config', 'frobnicate'], /unknown command "frobnicate"; the commands are get, set, unset, path/],
  ])('%j exits 2 saying what is allowed', async (args, message) => {
    const dir = makeTempDir();
    const result = await cliWith(dir)(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  });

  it('the binary exits 2 on a bad value, with nothing on stdout and no store written', async () => {
    const dir = makeTempDir();
    const result = await spawnedWith(dir)(['config', 'set', 'residency', 'martian', '--json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'study-planner: config set residency: "martian" is not a residency; use local or non-local.\n',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('set catalogue keeps an absolute path to a catalogue that loads', async () => {
    const dir = makeTempDir();
    const work = makeTempDir();
    otherCatalogue(work);
    const result = await spawnedWith(dir)(['config', 'set', 'catalogue', 'other-catalogue.json'], { cwd: work });
    expect(result.code).toBe(0);
    expect(storeJson(dir).defaults.catalogue).toBe(fs.realpathSync(path.join(work, 'other-catalogue.json')));
  });

  it('mentions an environment variable that overrides the saved default', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    await cli(['config', 'set', 'residency', 'local']);
    const env = { STUDY_PLANNER_RESIDENCY: 'non-local' };
    expect((await cli(['config', 'get', 'residency'], { env })).stderr.replace(/\s+/g, ' ')).toContain(
      'STUDY_PLANNER_RESIDENCY is set ("non-local") and takes precedence over the saved residency.',
    );
    expect((await cli(['config', 'get'], { env })).stdout).toContain('STUDY_PLANNER_RESIDENCY is set');
  });
});

describe('precedence: flags, then STUDY_PLANNER_*, then saved defaults', () => {
  const initialPayment = async (cli: ReturnType<typeof cliWith>, args: string[], env: Record<string, string> = {}) => {
    const result = await cli(['fees', '--json', ...args], { env });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout).initialPayment as number;
  };

  it('residency', async () => {
    const cli = cliWith(makeTempDir());
    const none = await cli(['fees', '--json']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--residency is required when not running interactively');
    await cli(['config', 'set', 'residency', 'non-local']);
    // Local students pay 3 credits' fee up front (17,250), non-local 6 (34,500).
    expect(await initialPayment(cli, [])).toBe(34_500);
    expect(await initialPayment(cli, [], { STUDY_PLANNER_RESIDENCY: 'local' })).toBe(17_250);
    expect(await initialPayment(cli, ['--residency', 'non-local'], { STUDY_PLANNER_RESIDENCY: 'local' })).toBe(34_500);
  });

  it('catalogue', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    const other = otherCatalogue(makeTempDir());
    const perCredit = async (args: string[], env: Record<string, string> = {}) =>
      JSON.parse((await cli(['fees', '--residency', 'local', '--json', ...args], { env })).stdout).perCredit as number;
    expect(await perCredit([])).toBe(5750);
    await cli(['config', 'set', 'catalogue', other]);
    expect(await perCredit([])).toBe(6000);
    expect(await perCredit([], { STUDY_PLANNER_CATALOGUE: REAL_CATALOGUE })).toBe(5750);
    expect(await perCredit(['--catalogue', REAL_CATALOGUE], { STUDY_PLANNER_CATALOGUE: other })).toBe(5750);

    fs.rmSync(other);
    const gone = await cli(['fees', '--residency', 'local', '--json']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(
      /does not exist.*it is the saved default catalogue: change it with "study-planner config set catalogue FILE" or remove it with "study-planner config unset catalogue"/,
    );
  });

  it('a saved mode is checked against the catalogue when set', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    expect((await cli(['config', 'set', 'mode', 'full-time'])).code).toBe(0);
    expect(storeJson(dir).defaults).toEqual({ mode: 'full-time' });
  });

  it('fees --residency local --json does not load conf, but config set does (so this check can fail)', async () => {
    const record = path.join(makeTempDir(), 'imports.txt');
    const cli = spawnedWith(makeTempDir());
    const env = { NODE_OPTIONS: `--import=${path.join(FIXTURES, 'record-imports.mjs')}`, RECORD_IMPORTS: record };
    // From dist/'s modules: inside the bundle bin/study-planner runs, no import hook sees a module load.
    const script = path.join(ROOT, 'test', 'fixtures', 'run-dist.mjs');
    expect((await cli(['fees', '--residency', 'local', '--json'], { env, script })).code).toBe(0);
    const loaded = fs.readFileSync(record, 'utf8');
    expect(loaded).toContain('/dist/cli/commands/fees.js');
    expect(loaded).not.toMatch(/node_modules\/conf\//);

    expect((await cli(['config', 'set', 'residency', 'local'], { env, script })).code).toBe(0);
    expect(fs.readFileSync(record, 'utf8')).toMatch(/node_modules\/conf\//);
  });
});

describe('config with a broken store', () => {
  const broken = fs.readFileSync(path.join(FIXTURES, 'broken-json.json'), 'utf8');

  it('get exits 2 naming the file and how to recover, and changes nothing', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), broken);
    for (const args of [
      ['config', 'get'],
      ['config', 'get', 'residency'],
      ['fees', '--residency', 'local'],
      // Every answer given and no --name: the planner saves nothing, so it leaves the store where it is.
      [...COMPLETE_PLAN, '--json'],
    ]) {
      const result = await spawnedWith(dir)(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`the store ${path.join(dir, 'store.json')} is not valid JSON`);
      expect(result.stderr).toContain('repair it by hand, or move it aside');
    }
    expect(fs.readdirSync(dir)).toEqual(['store.json']);
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe(broken);
  });

  it('set moves it aside, names both files, and saves the new default', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), broken);
    const result = await spawnedWith(dir)(['config', 'set', 'mode', 'part-time']);
    expect(result.code).toBe(0);
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^store\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.bak$/);
    expect(fs.readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe(broken);
    expect(result.stderr).toContain(`the store ${path.join(dir, 'store.json')} is not valid JSON`);
    expect(result.stderr).toContain(`it was moved to ${path.join(dir, backups[0]!)} and a new store was started`);
    expect(storeJson(dir)).toEqual({ version: 2, defaults: { mode: 'part-time' }, plans: [] });
  });

  it.each([
    ['residency', 'nowhere'],
    ['catalogue', 'no-such-catalogue.json'],
  ])('set refuses a bad %s before touching the store: it stays where it is', async (key, value) => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), broken);
    const result = await spawnedWith(dir)(['config', 'set', key, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(value);
    expect(result.stderr).not.toContain('moved to');
    expect(fs.readdirSync(dir)).toEqual(['store.json']);
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe(broken);
  });

  it('path still answers', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), broken);
    expect((await cliWith(dir)(['config', 'path'])).code).toBe(0);
  });
});
