// The store under faults. A write that cannot finish (a file size limit, a full disk, a
// failing fsync or rename) leaves the store exactly as it was and says so (exit 2), whatever the
// environment (SNAP included); the store is read only when it is a regular file; leftovers of
// killed saves are tidied; a name that shows as nothing is refused.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaceFile, writeFileAtomic } from '../../src/cli/io/atomic-write.js';
import { readStore } from '../../src/cli/io/store-file.js';
import { openStore } from '../../src/cli/io/store.js';
import { CannotWriteError } from '../../src/cli/outcome.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { COMPLETE_PLAN } from '../support/plan-flags.js';
import { BIN, expectOrderly, lines, makeTempDir, ROOT, runCli } from './cli.js';

const PLAN: PlanFile = {
  catalogue: 'polyu-msc-health-informatics-2024',
  residency: 'local',
  mode: 'full-time',
  fellowship: false,
  subjects: ['SN5023'],
};

/** The program under `ulimit -f` (in 1 KiB blocks): writes past that size are cut short, as on a nearly full disk. */
function runLimited(args: readonly string[], storeDir: string, fileBlocks: number, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(STUDY_PLANNER_|NODE_OPTIONS$|SNAP$)/.test(key)) childEnv[key] = value;
  Object.assign(childEnv, { STUDY_PLANNER_STORE_DIR: storeDir, NO_COLOR: '1' }, env);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['-c', `ulimit -f ${fileBlocks}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function savedNames(dir: string): string[] {
  const read = readStore(path.join(dir, 'store.json'));
  if (read.state !== 'ok') throw new Error(`the store does not read back: ${JSON.stringify(read)}`);
  return read.data.plans.map((p) => p.name).sort();
}

/** Everything in the directory but the store itself: temporary files, backups, locks. */
const strays = (dir: string) => fs.readdirSync(dir).filter((name) => name !== 'store.json');

async function threePlans(): Promise<string> {
  const dir = makeTempDir();
  for (const name of ['one', 'two', 'three']) expectOrderly(await runCli([...COMPLETE_PLAN, '--name', name], { storeDir: dir }), [0]);
  // Three plans make a store larger than the 1 KiB limit below, so a fourth cannot be written whole.
  expect(fs.statSync(path.join(dir, 'store.json')).size).toBeGreaterThan(1024);
  return dir;
}

describe.concurrent('a write cut short (ulimit -f 1: files stop at 1 KiB)', () => {
  it.each([
    ['as usual', {}],
    ['with SNAP set (Node installed as a snap)', { SNAP: '/snap/node/1' }],
  ])('%s: a fourth plan is refused with exit 2 and one sentence, and the three saved plans stay whole', async (_how, env) => {
    const dir = await threePlans();
    const before = fs.readFileSync(path.join(dir, 'store.json'));
    const result = await runLimited([...COMPLETE_PLAN, '--name', 'four'], dir, 1, env);
    expectOrderly(result, [2]);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^study-planner: cannot save to the store .*store\.json: the file would pass the size limit for files; nothing was changed\./,
      ),
    ]);
    expect(result.stderr).not.toContain('Saved as');
    expect(fs.readFileSync(path.join(dir, 'store.json'))).toEqual(before);
    expect(savedNames(dir)).toEqual(['one', 'three', 'two']);
    expect(strays(dir)).toEqual([]);
  });

  it.each([
    ['as usual', {}],
    ['with SNAP set', { SNAP: '/snap/node/1' }],
  ])('%s: config set is refused the same way; the store is neither cut short nor set aside', async (_how, env) => {
    const dir = await threePlans();
    const before = fs.readFileSync(path.join(dir, 'store.json'));
    const result = await runLimited(['config', 'set', 'residency', 'non-local'], dir, 1, env);
    expectOrderly(result, [2]);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/cannot save to the store .*the file would pass the size limit/)]);
    expect(fs.readFileSync(path.join(dir, 'store.json'))).toEqual(before);
    expect(strays(dir)).toEqual([]);
    // And the next command, without the limit, finds everything.
    const list = await runCli(['plans', 'list'], { storeDir: dir });
    expectOrderly(list, [0]);
    expect(list.stdout).toContain('3 saved plans');
  });

  it('with room to spare the same save goes through (the limit, not the save, was the fault)', async () => {
    const dir = await threePlans();
    const result = await runLimited([...COMPLETE_PLAN, '--name', 'four'], dir, 64, { SNAP: '/snap/node/1' });
    expectOrderly(result, [0]);
    expect(result.stderr).toContain('Saved as "four"');
    expect(savedNames(dir)).toEqual(['four', 'one', 'three', 'two']);
  });
});

describe('the writer, over a file system made to fail', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function existing(): { file: string; dir: string } {
    const dir = makeTempDir();
    const file = path.join(dir, 'target.json');
    fs.writeFileSync(file, 'the previous content\n');
    return { file, dir };
  }

  it('writes every byte when each write takes only a few', () => {
    const { file } = existing();
    const real = fs.writeSync.bind(fs) as (fd: number, data: Uint8Array, offset: number, length: number) => number;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, offset?: number, length?: number) =>
      real(fd, data, offset ?? 0, Math.min(length ?? data.length, 3))) as unknown as typeof fs.writeSync);
    const text = 'x'.repeat(1000);
    replaceFile(file, Buffer.from(text), 0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it.each([
    ['a write that takes nothing (a full disk)', () => vi.spyOn(fs, 'writeSync').mockReturnValue(0), 'ENOSPC'],
    [
      'a write failing half way (EFBIG)',
      () => {
        let calls = 0;
        const real = fs.writeSync.bind(fs) as (fd: number, data: Uint8Array, offset: number, length: number) => number;
        vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, offset?: number, length?: number) => {
          if (calls++ === 0) return real(fd, data, offset ?? 0, Math.floor((length ?? data.length) / 2));
          throw Object.assign(new Error('File too large'), { code: 'EFBIG' });
        }) as unknown as typeof fs.writeSync);
      },
      'EFBIG',
    ],
    [
      'fsync failing (EIO)',
      () =>
        vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
          throw Object.assign(new Error('i/o error'), { code: 'EIO' });
        }),
      'EIO',
    ],
    [
      'a disk that says it wrote more than it kept',
      () => {
        const real = fs.fstatSync.bind(fs);
        vi.spyOn(fs, 'fstatSync').mockImplementation(((fd: number) => ({ ...real(fd), size: 7 })) as typeof fs.fstatSync);
      },
      'ESHORT',
    ],
    [
      'rename failing (EXDEV)',
      () =>
        vi.spyOn(fs, 'renameSync').mockImplementation(() => {
          throw Object.assign(new Error('cross-device'), { code: 'EXDEV' });
        }),
      'EXDEV',
    ],
  ])('%s: throws, leaves the previous file whole, and no temporary file', (_what, breakIt, code) => {
    const { file, dir } = existing();
    breakIt();
    let error: unknown;
    try {
      replaceFile(file, Buffer.from('{"new": true}\n'.repeat(50)), 0o600);
    } catch (e) {
      error = e;
    }
    vi.restoreAllMocks();
    expect((error as NodeJS.ErrnoException)?.code).toBe(code);
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous content\n');
    expect(fs.readdirSync(dir)).toEqual(['target.json']);
  });

  it('through the store: a failed fsync is exit 2 with one sentence, and the saved plan is kept', async () => {
    const dir = makeTempDir();
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    store.savePlan('kept', PLAN);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    expect(() => store.savePlan('lost', PLAN)).toThrow(CannotWriteError);
    expect(() => store.savePlan('lost', PLAN)).toThrow(
      /cannot save to the store .*store\.json: EIO: i\/o error, fsync; nothing was changed/,
    );
    vi.restoreAllMocks();
    expect(store.listPlans().map((p) => p.name)).toEqual(['kept']);
    expect(strays(dir)).toEqual([]);
  });

  it("through the store: the directory's fsync failing after the rename says the store was saved, not that nothing changed", async () => {
    const dir = makeTempDir();
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    store.savePlan('kept', PLAN);
    const real = fs.fsyncSync;
    // The file's own fsync passes; the directory's, after the rename, fails.
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      if (fs.fstatSync(fd).isDirectory()) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      real(fd);
    });
    let error: unknown;
    try {
      store.savePlan('saved', PLAN);
    } catch (e) {
      error = e;
    }
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(CannotWriteError);
    expect((error as Error).message).toMatch(/^the store .*store\.json was saved, but then EIO: i\/o error, fsync, so it cannot be said/);
    expect((error as Error).message).not.toContain('nothing was changed');
    expect(store.listPlans().map((p) => p.name)).toEqual(['kept', 'saved']);
  });

  it('--out under the same failure: one sentence, nothing left behind', () => {
    const { file, dir } = existing();
    vi.spyOn(fs, 'writeSync').mockReturnValue(0);
    expect(() => writeFileAtomic(file, 'new text', { overwrite: true })).toThrow(/target\.json: the disk is full; nothing was changed/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous content\n');
    expect(fs.readdirSync(dir)).toEqual(['target.json']);
  });
});

describe.concurrent('a store that is not a regular file is never followed or read', () => {
  it.each([
    ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file), 'a symbolic link'],
    [
      'a link to a file',
      (file: string) => {
        fs.writeFileSync(`${file}.real`, '{"version":1,"defaults":{},"plans":[]}');
        fs.symlinkSync(`${file}.real`, file);
      },
      'a symbolic link',
    ],
    ['a named pipe', (file: string) => expect(spawnSync('mkfifo', [file]).status).toBe(0), 'a named pipe'],
  ])('%s: reading and saving commands exit 2 at once, naming the store, and leave it as it is', async (_what, make, kind) => {
    const dir = makeTempDir();
    const file = path.join(dir, 'store.json');
    make(file);
    for (const args of [['plans', 'list'], ['config', 'set', 'residency', 'local'], [...COMPLETE_PLAN, '--name', 'mine'], ['fees']]) {
      const started = Date.now();
      const result = await runCli(args, { storeDir: dir, timeoutMs: 15_000 });
      expectOrderly(result, [2]);
      expect(lines(result.stderr)).toEqual([
        `study-planner: the store ${file} is ${kind}, not a regular file; nothing was read or changed. Move it away, or set STUDY_PLANNER_STORE_DIR to use another directory.`,
      ]);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    expect(fs.lstatSync(file).isFile()).toBe(false);
    expect(
      fs
        .readdirSync(dir)
        .filter((name) => name.startsWith('store.json') && !name.endsWith('.real'))
        .sort(),
    ).toEqual(['store.json']);
  });
});

describe('the lock file itself', () => {
  it('a directory in its place: exit 2 naming the lock file, not the store', async () => {
    const dir = makeTempDir();
    const lock = path.join(dir, 'store.json.lock');
    fs.mkdirSync(lock);
    const result = await runCli(['config', 'set', 'residency', 'local'], { storeDir: dir });
    expectOrderly(result, [2]);
    expect(lines(result.stderr)).toEqual([
      `study-planner: the store's lock file ${lock} is a directory, not a regular file; nothing was changed. Remove it if no study-planner is running, or set STUDY_PLANNER_STORE_DIR to use another directory.`,
    ]);
  });
});

describe('what killed saves left behind', () => {
  it('the next save removes old temporary files of ours and of conf, and leaves fresh ones (a save in progress)', async () => {
    const dir = makeTempDir();
    const old = (Date.now() - 5 * 60_000) / 1000;
    const leftovers = [
      '.store.json.tmp-4194304-0a1b2c3d',
      '.store.json.lock.tmp-77-deadbeef',
      'store.json.tmp-1700000000abc123',
      'store.json.lock.stale-12-0f8fad5b-d9cb-469f-a165-70867728950e',
    ];
    for (const name of leftovers) {
      fs.writeFileSync(path.join(dir, name), '{"half":');
      fs.utimesSync(path.join(dir, name), old, old);
    }
    fs.writeFileSync(path.join(dir, '.store.json.tmp-99-01234567'), 'fresh');
    fs.writeFileSync(path.join(dir, 'notes.tmp-1'), 'not ours');
    fs.utimesSync(path.join(dir, 'notes.tmp-1'), old, old);
    const result = await runCli([...COMPLETE_PLAN, '--name', 'tidy'], { storeDir: dir });
    expectOrderly(result, [0]);
    expect(fs.readdirSync(dir).sort()).toEqual(['.store.json.tmp-99-01234567', 'notes.tmp-1', 'store.json']);
  });
});

describe.concurrent('a name that shows as nothing', () => {
  it.each([
    ['the Hangul filler U+3164', '\u3164'],
    ['two Hangul fillers', '\u3164\u3164'],
    ['the blank Braille pattern', '\u2800'],
    ['a halfwidth Hangul filler', '\uffa0'],
  ])('%s is refused (exit 2), and nothing is saved', async (_what, name) => {
    const dir = makeTempDir();
    const result = await runCli([...COMPLETE_PLAN, '--name', name], { storeDir: dir });
    expectOrderly(result, [2]);
    expect(result.stderr).toContain('has no visible character');
    expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
  });

  it('a visible name holding a filler is still a name; a store written with such names still reads', async () => {
    const dir = makeTempDir();
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    expect(store.savePlan('plan\u3164A', PLAN).name).toBe('plan\u3164A');
    // A store an older version wrote, with a name of fillers only, is not "broken".
    fs.writeFileSync(
      path.join(dir, 'store.json'),
      JSON.stringify({ version: 1, defaults: {}, plans: [{ name: '\u3164', plan: PLAN, updatedAt: '2024-09-01T12:00:00.000Z' }] }),
    );
    expect(readStore(path.join(dir, 'store.json')).state).toBe('ok');
  });
});
