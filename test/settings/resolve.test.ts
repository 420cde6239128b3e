import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { readStdinText } from '../../src/cli/io/stdin.js';
import { UsageError } from '../../src/cli/outcome.js';
import { parseSetting, resolveSetting, settingFromEnv, type SettingLayers } from '../../src/cli/settings/resolve.js';
import { SETTING_NAMES, SETTINGS } from '../../src/cli/settings/table.js';
import { runInProcess } from '../support/run-in-process.js';

const catalogue = loadCatalogue(undefined);
const resolved = (name: 'residency' | 'mode' | 'catalogue', layers: SettingLayers) => resolveSetting(name, layers, catalogue);

describe('resolveSetting: the flag, then the draft, then the environment, then the saved default', () => {
  test.each<[string, SettingLayers, { value: string; source: string } | undefined]>([
    ['nothing', { env: {} }, undefined],
    ['the saved default alone', { env: {}, saved: { residency: 'non-local' } }, { value: 'non-local', source: 'saved default' }],
    [
      'the environment over the saved default',
      { env: { STUDY_PLANNER_RESIDENCY: 'local' }, saved: { residency: 'non-local' } },
      { value: 'local', source: 'environment' },
    ],
    [
      'an empty variable counts as unset',
      { env: { STUDY_PLANNER_RESIDENCY: '' }, saved: { residency: 'non-local' } },
      { value: 'non-local', source: 'saved default' },
    ],
    [
      'the draft over the environment',
      { env: { STUDY_PLANNER_RESIDENCY: 'local' }, draft: { residency: 'non-local' } },
      { value: 'non-local', source: 'draft' },
    ],
    [
      'the flag over everything',
      {
        flag: 'local',
        env: { STUDY_PLANNER_RESIDENCY: 'non-local' },
        saved: { residency: 'non-local' },
        draft: { residency: 'non-local' },
      },
      { value: 'local', source: 'flag' },
    ],
  ])('residency: %s', (_what, layers, expected) => {
    expect(resolved('residency', layers)).toEqual(expected);
  });

  test('a mode by its label, in any case, is its identifier', () => {
    expect(resolved('mode', { flag: 'Part-Time', env: {} })).toEqual({ value: 'part-time', source: 'flag' });
    expect(resolved('mode', { env: { STUDY_PLANNER_MODE: 'FULL-TIME' } })).toEqual({ value: 'full-time', source: 'environment' });
  });

  test('the catalogue is never in the draft, and a path is taken as given (loading it checks it)', () => {
    expect(resolved('catalogue', { env: {}, draft: { catalogue: 'x.json' } })).toBeUndefined();
    expect(resolved('catalogue', { env: { STUDY_PLANNER_CATALOGUE: 'other.json' }, saved: { catalogue: '/saved.json' } })).toEqual({
      value: 'other.json',
      source: 'environment',
    });
  });

  test('the saved defaults are read only when nothing before them answers', () => {
    let reads = 0;
    const saved = () => (reads++, { residency: 'local' as const });
    expect(resolved('residency', { flag: 'non-local', env: {}, saved })?.value).toBe('non-local');
    expect(reads).toBe(0);
    expect(resolved('residency', { env: {}, saved })?.value).toBe('local');
    expect(reads).toBe(1);
  });
});

describe('one message per mistake, naming where the value came from', () => {
  test.each<[string, 'residency' | 'mode', SettingLayers, string]>([
    ['flag', 'residency', { flag: 'martian', env: {} }, '--residency "martian" is not a residency; use local or non-local.'],
    ['empty flag', 'residency', { flag: '', env: {} }, '--residency "" is not a residency; use local or non-local.'],
    [
      'environment',
      'residency',
      { env: { STUDY_PLANNER_RESIDENCY: 'overseas' } },
      'STUDY_PLANNER_RESIDENCY "overseas" is not a residency; use local or non-local.',
    ],
    [
      'saved default',
      'residency',
      { env: {}, saved: { residency: 'mars' } },
      'the saved default residency "mars" is not a residency; use local or non-local (change it with "study-planner config set residency VALUE").',
    ],
    [
      'draft',
      'residency',
      { env: {}, draft: { residency: 'mars' } },
      `the draft's residency "mars" is not a residency; use local or non-local (pass --residency VALUE to replace it).`,
    ],
    ['flag', 'mode', { flag: 'sandwich', env: {} }, '--mode "sandwich" is not a study mode of this programme; use full-time or part-time.'],
    [
      'environment',
      'mode',
      { env: { STUDY_PLANNER_MODE: 'weekends' } },
      'STUDY_PLANNER_MODE "weekends" is not a study mode of this programme; use full-time or part-time.',
    ],
    [
      'saved default',
      'mode',
      { env: {}, saved: { mode: 'sandwich' } },
      'the saved default mode "sandwich" is not a study mode of this programme; use full-time or part-time (change it with "study-planner config set mode VALUE").',
    ],
  ])('%s %s', (_source, name, layers, message) => {
    expect(() => resolved(name, layers)).toThrow(new UsageError(message));
  });

  test('a bad value that a layer before it hides is never read', () => {
    expect(resolved('residency', { flag: 'local', env: { STUDY_PLANNER_RESIDENCY: 'mars' }, saved: { residency: 'venus' } })?.value).toBe(
      'local',
    );
  });

  test('a control character in a bad value is shown escaped', () => {
    expect(() => parseSetting('residency', 'a\u001b[31mb', 'flag')).toThrow('--residency "a\\x1b[31mb" is not a residency');
  });
});

describe('the table', () => {
  test('every setting has its flag, its STUDY_PLANNER_ variable and its saved key, all after its name', () => {
    for (const name of SETTING_NAMES) {
      expect(SETTINGS[name]).toMatchObject({ flag: `--${name}`, env: `STUDY_PLANNER_${name.toUpperCase()}`, savedKey: name });
    }
    expect(SETTING_NAMES).toEqual(['residency', 'mode', 'catalogue']);
  });

  test('settingFromEnv is the one lookup: an empty variable is no value', () => {
    expect(settingFromEnv('mode', { STUDY_PLANNER_MODE: 'part-time' })).toBe('part-time');
    expect(settingFromEnv('mode', { STUDY_PLANNER_MODE: '' })).toBeUndefined();
    expect(settingFromEnv('mode', {})).toBeUndefined();
  });
});

describe('config set and get read values through the same table', () => {
  test.each([
    ['residency', 'martian'],
    ['mode', 'weekends'],
  ] as const)("config set %s %s: the message is parseSetting's", async (name, value) => {
    const expected = (() => {
      try {
        parseSetting(name, value, 'config set', catalogue);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    const result = await runInProcess(['config', 'set', name, value]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `study-planner: ${expected}\n` });
  });

  test('config set mode saves the identifier the parser finds; config get names the variable that overrides it', async () => {
    const dir = (await import('../support/temp-dir.js')).makeTempDir();
    expect((await runInProcess(['config', 'set', 'mode', 'Part-Time'], { storeDir: dir })).stderr).toMatch(/^Saved mode = part-time in /);
    const got = await runInProcess(['config', 'get', 'mode'], { storeDir: dir, env: { STUDY_PLANNER_MODE: 'full-time' } });
    expect(got).toEqual({
      code: 0,
      stdout: 'part-time\n',
      // Wrapped to 80 columns.
      stderr: 'Note: STUDY_PLANNER_MODE is set ("full-time") and takes precedence over the\nsaved mode.\n',
    });
  });
});

describe('standard input is the one the context was given', () => {
  test('a stream without a descriptor is read from what it holds', () => {
    expect(readStdinText(new PassThrough().end('\ufeff{"a": 1}'), 1024)).toBe('{"a": 1}');
    expect(readStdinText(new PassThrough().end(), 1024)).toBe('');
  });

  test("check - reads the injected standard input, not this process's", async () => {
    const { run } = await import('../../src/cli/main.js');
    const { Writable } = await import('node:stream');
    const fs = await import('node:fs');
    let stdout = '';
    const sink = (keep: boolean) => new Writable({ write: (chunk, _encoding, done) => ((stdout += keep ? String(chunk) : ''), done()) });
    const plan = fs.readFileSync(new URL('../../examples/dissertation.json', import.meta.url));
    const stdin = new PassThrough().end(plan);
    const code = await run(['node', 'study-planner', 'check', '--json', '-'], {
      stdin,
      stdout: sink(true),
      stderr: sink(false),
      env: { STUDY_PLANNER_STORE_DIR: '/nonexistent' },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: '-', valid: true });
  });

  test('past the limit is refused', () => {
    expect(() => readStdinText(new PassThrough().end('x'.repeat(2048)), 1024)).toThrow(/limit/);
  });
});
