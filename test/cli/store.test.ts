import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { BrokenStoreError, readStore } from '../../src/cli/io/store-file.js';
import { defaultStoreDirectory, homeDirectory, storeDirectory } from '../../src/cli/io/store-location.js';
import { planNameProblem } from '../../src/cli/io/store-schema.js';
import { openCommandStore, openStore, type StoreOptions } from '../../src/cli/io/store.js';
import { ExitError, UsageError } from '../../src/cli/outcome.js';
import { makeTempDir } from './run-cli.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'store');
const PLAN: PlanFile = {
  catalogue: 'polyu-msc-health-informatics-2024',
  residency: 'local',
  mode: 'part-time',
  fellowship: false,
  subjects: ['SN5023', 'Epidemiology'],
};

/** A store in a fresh directory, with a clock that ticks one minute per reading and notices kept. */
async function freshStore(options: Partial<StoreOptions> = {}, dir = makeTempDir()) {
  const notices: string[] = [];
  let minute = 0;
  const now = () => new Date(Date.UTC(2024, 8, 1, 12, minute++));
  const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: (m) => notices.push(m), now, ...options });
  return { store, dir, notices, file: path.join(dir, 'store.json') };
}

function onDisk(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const backupsIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => /^store\.json\.corrupt-.+\.bak$/.test(f))
    .sort();

describe('the store: round trips', () => {
  it('starts empty without creating a file, and keeps plans, defaults and the draft', async () => {
    const { store, file } = await freshStore();
    expect(store.path).toBe(file);
    expect([store.listPlans(), store.defaults(), store.getDraft()]).toEqual([[], {}, undefined]);
    expect(fs.existsSync(file)).toBe(false);

    const saved = store.savePlan('My plan', PLAN);
    expect(saved).toEqual({ name: 'My plan', plan: PLAN, updatedAt: '2024-09-01T12:00:00.000Z' });
    store.setDefault('residency', 'non-local');
    store.saveDraft({
      catalogue: 'polyu-msc-health-informatics-2024',
      answers: { residency: 'local', picks: { core: ['epidemiology'] }, routes: {} },
      updatedAt: 'ignored',
    });

    // A second store on the same directory (another run of the program) sees it all.
    const again = await openStore({ env: { STUDY_PLANNER_STORE_DIR: path.dirname(file) }, notice: () => {} });
    expect(again.listPlans()).toEqual([saved]);
    expect(again.getPlan('My plan')).toEqual(saved);
    // One name whatever the letter case (store-names.test.ts has the rest of that rule).
    expect(again.getPlan('my plan')).toEqual(saved);
    expect(again.defaults()).toEqual({ residency: 'non-local' });
    expect(again.getDraft()).toEqual({
      catalogue: 'polyu-msc-health-informatics-2024',
      answers: { residency: 'local', picks: { core: ['epidemiology'] }, routes: {} },
      updatedAt: '2024-09-01T12:01:00.000Z',
    });
  });

  it('replaces a plan saved again under the same name, in its place, with a new time', async () => {
    const { store } = await freshStore();
    store.savePlan('a', PLAN);
    store.savePlan('b', PLAN);
    // Only when asked to: a taken name is refused, and the store is left as it was.
    expect(() => store.savePlan('a', { ...PLAN, fellowship: true })).toThrow(
      'a plan named "a" is already saved; pass --force to replace it',
    );
    const replaced = store.savePlan('a', { ...PLAN, fellowship: true }, { replace: true });
    expect(store.listPlans().map((p) => [p.name, p.plan.fellowship, p.updatedAt])).toEqual([
      ['a', true, replaced.updatedAt],
      ['b', false, '2024-09-01T12:01:00.000Z'],
    ]);
  });

  it('an edit replaces the plan as it read it, or nothing when another save came between', async () => {
    const { store } = await freshStore();
    const read = store.savePlan('Mine', PLAN);
    const edited = { ...PLAN, mode: 'full-time' };
    // Saved under the name as given: respelt in another letter case, the plan is renamed too.
    const saved = store.savePlan('mine', edited, { replace: true, asRead: read });
    expect(saved.name).toBe('mine');
    expect(store.listPlans().map((p) => [p.name, p.plan])).toEqual([['mine', edited]]);
    // A second edit of the copy read before the first was saved would undo it: refused, nothing saved.
    expect(() => store.savePlan('Mine', { ...PLAN, fellowship: true }, { replace: true, asRead: read })).toThrow(
      /"Mine" was deleted or renamed by another study-planner while this edit ran; nothing was saved/,
    );
    const again = store.savePlan('mine', PLAN, { replace: true });
    expect(() => store.savePlan('mine', { ...PLAN, fellowship: true }, { replace: true, asRead: saved })).toThrow(
      /"mine" was changed by another study-planner while this edit ran; nothing was saved/,
    );
    expect(store.getPlan('mine')).toEqual(again);
    store.deletePlan('mine');
    expect(() => store.savePlan('mine', PLAN, { replace: true, asRead: again })).toThrow(/was deleted or renamed/);
    expect(store.listPlans()).toEqual([]);
  });

  it('deletes plans, and says when there was nothing to delete', async () => {
    const { store } = await freshStore();
    store.savePlan('a', PLAN);
    store.savePlan('b', PLAN);
    expect(store.deletePlan('a')).toBe(true);
    expect(store.deletePlan('a')).toBe(false);
    expect(store.listPlans().map((p) => p.name)).toEqual(['b']);
  });

  it('unsets defaults and clears the draft, leaving the rest', async () => {
    const { store, file } = await freshStore();
    store.setDefault('residency', 'local');
    store.setDefault('mode', 'full-time');
    store.saveDraft({ catalogue: 'x', answers: { picks: {}, routes: {} }, updatedAt: '' });
    store.unsetDefault('residency');
    store.unsetDefault('residency');
    store.clearDraft();
    expect(store.defaults()).toEqual({ mode: 'full-time' });
    expect(store.getDraft()).toBeUndefined();
    expect(onDisk(file)).toEqual({ version: 2, defaults: { mode: 'full-time' }, plans: [] });
  });

  it('keeps the catalogue default as an absolute path', async () => {
    const { store } = await freshStore();
    store.setDefault('catalogue', 'data/some.json');
    expect(store.defaults().catalogue).toBe(path.resolve('data/some.json'));
  });

  it.runIf(process.platform !== 'win32')('writes the file readable by its owner alone', async () => {
    const { store, file } = await freshStore();
    store.savePlan('a', PLAN);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('trims plan names and refuses ones that cannot be shown safely', async () => {
    const { store } = await freshStore();
    expect(store.savePlan('  spaced  ', PLAN).name).toBe('spaced');
    for (const bad of ['', '   ', 'x'.repeat(81), 'red\u001b[31m', 'two\nlines', 'hidden\u202etext']) {
      expect(() => store.savePlan(bad, PLAN), JSON.stringify(bad)).toThrow(UsageError);
    }
    expect(store.listPlans().map((p) => p.name)).toEqual(['spaced']);
  });

  it.each([
    ['', 'is empty'],
    [' a', 'starts or ends with a space'],
    ['é'.repeat(80), undefined],
    ['é'.repeat(81), 'is longer than 80 characters'],
    ['tab\there', 'contains control or invisible characters'],
    ['zero\u200bwidth', 'contains control or invisible characters'],
    ['Plan B (cheaper) — 2025', undefined],
  ])('plan name %j: %s', (name, problem) => {
    expect(planNameProblem(name)).toBe(problem);
  });

  it('writes nothing at all for an operation that changes nothing', async () => {
    const { store, file } = await freshStore();
    store.unsetDefault('mode');
    store.clearDraft();
    expect(store.deletePlan('none')).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a read-only store reads but refuses to write', async () => {
    const { file } = await freshStore();
    fs.copyFileSync(path.join(FIXTURES, 'three-plans.json'), file);
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: path.dirname(file) }, notice: () => {}, readOnly: true });
    expect(store.listPlans()).toHaveLength(3);
    expect(() => store.savePlan('x', PLAN)).toThrow(/read-only/);
  });
});

describe('the store: a broken file is never lost', () => {
  const broken = [
    ['not JSON', fs.readFileSync(path.join(FIXTURES, 'broken-json.json')), /is not valid JSON/],
    [
      'JSON of the wrong shape',
      fs.readFileSync(path.join(FIXTURES, 'wrong-shape.json')),
      /is not a valid store: at defaults\.residency: must be one of "local", "non-local"/,
    ],
    ['an unknown field', Buffer.from('{"version":1,"defaults":{},"plans":[],"extra":1}'), /at extra: is not a known field/],
    [
      'two plans with one name',
      Buffer.from(
        JSON.stringify({
          version: 1,
          defaults: {},
          plans: [
            { name: 'a', plan: PLAN, updatedAt: '2024-09-01T12:00:00.000Z' },
            { name: 'a', plan: PLAN, updatedAt: '2024-09-01T12:00:00.000Z' },
          ],
        }),
      ),
      /must not hold two plans with the same name/,
    ],
    ['an empty file', Buffer.from(''), /is empty/],
    ['a binary file', Buffer.from([0x7b, 0x00, 0x01, 0x02]), /binary/],
    ['a JSON array', Buffer.from('[]'), /at the top level: must be a JSON object, not an array/],
    [
      'a bad plan inside',
      Buffer.from(
        JSON.stringify({
          version: 1,
          defaults: {},
          plans: [{ name: 'a', plan: { ...PLAN, subjects: 'SN5023' }, updatedAt: '2024-09-01T12:00:00.000Z' }],
        }),
      ),
      /at plans\[0\]\.plan\.subjects: must be a list of subject names/,
    ],
  ] as const;

  it.each(broken)('%s: reading stops with the file named and the way out, and changes nothing', async (_what, bytes, detail) => {
    const { store, file, dir, notices } = await freshStore();
    fs.writeFileSync(file, bytes);
    for (const read of [() => store.listPlans(), () => store.defaults(), () => store.getPlan('a'), () => store.getDraft()]) {
      let error: unknown;
      try {
        read();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BrokenStoreError);
      expect((error as Error).message).toMatch(detail);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/repair it by hand, or move it aside/);
    }
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(backupsIn(dir)).toEqual([]);
    expect(notices).toEqual([]);
  });

  it.each(broken)('%s: writing moves it aside to a timestamped backup, says so, and starts afresh', async (_what, bytes, detail) => {
    const { store, file, dir, notices } = await freshStore();
    fs.writeFileSync(file, bytes);
    store.savePlan('new', PLAN);
    const backup = path.join(dir, 'store.json.corrupt-2024-09-01T12-00-00.000Z.bak');
    expect(backupsIn(dir)).toEqual([path.basename(backup)]);
    expect(fs.readFileSync(backup)).toEqual(bytes);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(detail);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(backup);
    expect(store.listPlans().map((p) => p.name)).toEqual(['new']);
  });

  it('every kind of write sets a broken store aside, and one with nothing to write leaves it in place', async () => {
    type Write = (s: Awaited<ReturnType<typeof freshStore>>['store']) => unknown;
    const writing: Write[] = [
      (s) => s.setDefault('residency', 'local'),
      (s) => s.saveDraft({ catalogue: 'x', answers: { picks: {}, routes: {} }, updatedAt: '' }),
      (s) => s.savePlan('a', PLAN),
    ];
    const nothingToWrite: Write[] = [(s) => s.unsetDefault('residency'), (s) => s.clearDraft(), (s) => s.deletePlan('a')];
    for (const [writes, setAside] of [
      [writing, true],
      [nothingToWrite, false],
    ] as const) {
      for (const write of writes) {
        const { store, file, dir, notices } = await freshStore();
        fs.writeFileSync(file, '{oops');
        write(store);
        expect(backupsIn(dir)).toHaveLength(setAside ? 1 : 0);
        expect(notices).toHaveLength(setAside ? 1 : 0);
        if (!setAside) expect(fs.readFileSync(file, 'utf8')).toBe('{oops');
      }
    }
  });

  it('a broken store moved aside for a save that then fails is put back: "nothing was changed" stays true', async () => {
    const { store, file, dir, notices } = await freshStore();
    fs.writeFileSync(file, '{oops');
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
    });
    expect(() => store.savePlan('a', PLAN)).toThrow(/nothing was changed/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('{oops');
    expect(backupsIn(dir)).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('with set-aside for reads (the planner), reading goes on with an empty store, said once, and moves nothing', async () => {
    const { store, file, dir, notices } = await freshStore({ onBrokenRead: 'set-aside' });
    fs.writeFileSync(file, '{oops');
    expect(store.defaults()).toEqual({});
    expect(store.listPlans()).toEqual([]);
    expect(backupsIn(dir)).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/going on without it: it is moved aside, not deleted, once something is saved/)]);
    // The first save moves it aside, and says where.
    store.setDefault('residency', 'local');
    expect(backupsIn(dir)).toHaveLength(1);
    expect(notices[1]).toMatch(/it was moved to .*corrupt-.*\.bak and a new store was started/);
  });

  it('opened with set-aside for reads, a broken store stays where it is until a save: one that fails leaves it there', async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), '{oops');
    const notices: string[] = [];
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: (m) => notices.push(m), onBrokenRead: 'set-aside' });
    expect(notices).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe('{oops');
    // Nothing to write (a default that is not set): nothing moved.
    store.unsetDefault('residency');
    expect(backupsIn(dir)).toEqual([]);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
    });
    expect(() => store.setDefault('residency', 'local')).toThrow(/nothing was changed/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe('{oops');
    expect(backupsIn(dir)).toEqual([]);
  });

  it('never moves one backup over another', async () => {
    const dir = makeTempDir();
    const fixed = () => new Date(Date.UTC(2024, 8, 1, 12));
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {}, now: fixed });
    for (const text of ['{one', '{two', '{three']) {
      fs.writeFileSync(path.join(dir, 'store.json'), text);
      store.setDefault('residency', 'local');
    }
    const names = backupsIn(dir);
    expect(names).toEqual([
      'store.json.corrupt-2024-09-01T12-00-00.000Z-2.bak',
      'store.json.corrupt-2024-09-01T12-00-00.000Z-3.bak',
      'store.json.corrupt-2024-09-01T12-00-00.000Z.bak',
    ]);
    expect(names.map((n) => fs.readFileSync(path.join(dir, n), 'utf8')).sort()).toEqual(['{one', '{three', '{two']);
  });

  it('a store from a newer version is neither read nor replaced', async () => {
    const { store, file, dir } = await freshStore();
    const text = JSON.stringify({ version: 3, everything: 'different' });
    fs.writeFileSync(file, text);
    expect(() => store.listPlans()).toThrow(/newer version of study-planner.*upgrade/);
    expect(() => store.savePlan('x', PLAN)).toThrow(/newer version/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(backupsIn(dir)).toEqual([]);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it.each([
    [
      'a directory where the file should be',
      (dir: string) => fs.mkdirSync(path.join(dir, 'store.json')),
      /store\.json is a directory, not a regular file; nothing was read or changed/,
      /store\.json is a directory, not a regular file; nothing was read or changed/,
    ],
    [
      'a file where the directory should be',
      (dir: string) => fs.writeFileSync(path.join(dir, 'sub'), ''),
      /part of its path is a file/,
      /part of its path is a file/,
    ],
  ])('%s: reading and writing exit 2 with a sentence, not a stack', async (_what, arrange, onRead, onWrite) => {
    const dir = makeTempDir();
    arrange(dir);
    const env = { STUDY_PLANNER_STORE_DIR: fs.existsSync(path.join(dir, 'sub')) ? path.join(dir, 'sub') : dir };
    const reader = await openStore({ env, notice: () => {}, readOnly: true });
    expect(() => reader.listPlans()).toThrow(UsageError);
    expect(() => reader.listPlans()).toThrow(onRead);
    let error: unknown;
    try {
      (await openStore({ env, notice: () => {} })).savePlan('x', PLAN);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExitError);
    expect((error as ExitError).code).toBe(2);
    expect((error as Error).message).toMatch(onWrite);
  });

  it('readStore reports a missing file as missing and a good one as its content', () => {
    const dir = makeTempDir();
    expect(readStore(path.join(dir, 'store.json'))).toEqual({ state: 'missing' });
    const read = readStore(path.join(FIXTURES, 'three-plans.json'));
    expect(read.state === 'ok' && read.data.plans.map((p) => p.name)).toEqual(['Dissertation route', 'Coursework', 'Unfinished']);
  });

  it("keeps the planner's answers to another catalogue's steps in the draft", async () => {
    const { store } = await freshStore();
    const draft = {
      catalogue: 'x',
      answers: { picks: { 'core-pick': ['a', 'b'] }, routes: { 'dissertation-or-coursework': 'coursework' } },
      updatedAt: '',
    };
    store.saveDraft(draft);
    expect(store.getDraft()).toEqual({ ...draft, updatedAt: '2024-09-01T12:00:00.000Z' });
  });

  it('a saved plan may carry fields added to plan files later (a schedule, say)', async () => {
    const { store, file } = await freshStore();
    const withSchedule = { ...PLAN, schedule: [{ term: 'Semester One 2024/25', subjects: ['SN5023'] }] } as PlanFile;
    store.savePlan('scheduled', withSchedule);
    expect(readStore(file)).toMatchObject({ state: 'ok' });
    expect(store.getPlan('scheduled')?.plan).toEqual(withSchedule);
  });
});

describe('where the store lives', () => {
  it('STUDY_PLANNER_STORE_DIR, made absolute, wins', () => {
    expect(storeDirectory({ STUDY_PLANNER_STORE_DIR: 'rel/dir' })).toBe(path.resolve('rel/dir'));
    expect(storeDirectory({ STUDY_PLANNER_STORE_DIR: '', XDG_CONFIG_HOME: '/xdg' })).toBe(
      defaultStoreDirectory({ XDG_CONFIG_HOME: '/xdg' }),
    );
  });

  it.each([
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, path.join('/xdg', 'study-planner')],
    ['linux', {}, path.join('/home/u', '.config', 'study-planner')],
    ['darwin', {}, path.join('/home/u', 'Library', 'Preferences', 'study-planner')],
    ['win32', { APPDATA: '/appdata' }, path.join('/appdata', 'study-planner', 'Config')],
  ] as const)('on %s with %j: %s', (platform, env, expected) => {
    expect(defaultStoreDirectory(env, platform, '/home/u')).toBe(expected);
  });

  it('without HOME and without an account entry: the usage error that says what to set, not an internal error', () => {
    const noEntry = () => {
      throw Object.assign(new Error('A system error occurred: uv_os_homedir returned ENOENT'), { code: 'ERR_SYSTEM_ERROR' });
    };
    const homedir = vi.spyOn(os, 'homedir').mockImplementation(noEntry);
    const userInfo = vi.spyOn(os, 'userInfo').mockImplementation(noEntry);
    try {
      expect(() => homeDirectory()).toThrow(UsageError);
      expect(() => homeDirectory()).toThrow(/set HOME to one, or STUDY_PLANNER_STORE_DIR/);
    } finally {
      homedir.mockRestore();
      userInfo.mockRestore();
    }
  });

  it.runIf(process.platform === 'linux')('is where conf itself would put it', async () => {
    const xdg = makeTempDir();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = xdg;
    try {
      const { default: Conf } = await import('conf');
      const conf = new Conf({ projectName: 'study-planner', projectSuffix: '', configName: 'store' });
      expect(conf.path).toBe(path.join(defaultStoreDirectory(process.env), 'store.json'));
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});

describe("a command's store notices", () => {
  const noticeOf = async (atTerminal: boolean) => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'store.json'), '{oops');
    let said = '';
    const stderr = Object.assign({}, { isTTY: atTerminal, columns: 40 });
    const io = { stdin: process.stdin, stdout: process.stdout, stderr, env: { STUDY_PLANNER_STORE_DIR: dir, COLUMNS: '40' } };
    await openCommandStore({ io: io as never, err: (text: string) => void (said += text) }, { onBrokenRead: 'set-aside' });
    return said;
  };

  it('at a terminal break between words, as errors do; piped, stay one line', async () => {
    const fitted = await noticeOf(true);
    const lines = fitted.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    // Every line fits, but for a word (the store's path) wider than a line, which stands whole.
    for (const line of lines) expect(line.length <= 40 || !line.includes(' ')).toBe(true);
    const words = (text: string) => text.replace(/\S*store\.json/g, 'STORE').replace(/\s+/g, ' ');
    expect(words(fitted)).toBe(words(await noticeOf(false)));
    expect((await noticeOf(false)).trimEnd().split('\n')).toHaveLength(1);
  });
});
