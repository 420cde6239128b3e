import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runCli } from '../support/run-process.js';

// bin/study-planner runs dist/bundle.cjs (scripts/bundle.mjs) through V8's code cache. The bundle
// must be the same program as dist/'s modules, byte for byte in what it prints and in its exit codes.

const FROM_DIST = path.join(ROOT, 'test', 'fixtures', 'run-dist.mjs');
const RECORDER = path.join(ROOT, 'test', 'fixtures', 'record-requires.cjs');
const require = createRequire(import.meta.url);

/** The bundled catalogue with Chinese titles: table cells that are not ASCII. */
function cjkCatalogue(dir: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json'), 'utf8'));
  json.id = 'cjk-programme';
  json.subjects.forEach((s: { title: string }, i: number) => (s.title = `健康信息學科目第${i + 1}號課程 ✔ é`));
  const file = path.join(dir, 'cjk.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('the bundle is the same program as dist/', () => {
  const dir = makeTempDir();
  const misspelt = path.join(dir, 'misspelt.json');
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'), 'utf8'));
  fs.writeFileSync(misspelt, JSON.stringify({ ...plan, subjects: [...plan.subjects.slice(1), 'Big Dta Computing'] }));
  const cjk = cjkCatalogue(dir);
  const flags = ['--residency', 'local', '--mode', 'part-time', '--route', 'dissertation', '--core', 'epidemiology', 'LGT5037'];

  it.each([
    [['fees', '--residency', 'local', '--json']],
    [['fees', '--residency', 'overseas']],
    [['check', 'examples/dissertation.json']],
    [['check', '--json', misspelt, 'examples/incomplete.json']],
    [['subjects']],
    [['subjects'], { FORCE_COLOR: '1' }],
    [['--catalogue', cjk, 'subjects'], { COLUMNS: '60' }],
    [['plan', ...flags, '--elective', 'COMP5434', 'APSS6403', '--no-input', '--json']],
    [['plan', ...flags, '--no-input']],
    [['check', '--help']],
    [['sbjects']],
    [['fees', '--residency', 'mars']],
    [['__complete', 'plans', '']],
  ] as [string[], Record<string, string>?][])('%j', async (args, env = {}) => {
    const [bundled, modules] = await Promise.all([runCli(args, { env }), runCli(args, { env, script: FROM_DIST })]);
    expect(bundled).toEqual(modules);
  });

  it('reads standard input the same way', async () => {
    const stdin = fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'));
    const [bundled, modules] = await Promise.all([runCli(['check', '-'], { stdin }), runCli(['check', '-'], { stdin, script: FROM_DIST })]);
    expect(bundled).toEqual(modules);
    expect(bundled.code).toBe(0);
  });
});

describe('the bundle and its code cache', () => {
  it('starts with no module of node_modules loaded outside the bundle', async () => {
    const record = path.join(makeTempDir(), 'requires.txt');
    const result = await runCli(['subjects'], { env: { NODE_OPTIONS: `--require=${RECORDER}`, RECORD_REQUIRES: record } });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(record, 'utf8')).not.toMatch(/node_modules/);
  });

  const bin = require(path.join(ROOT, 'bin', 'study-planner')) as {
    bundleIsCurrent(): boolean;
    compileBundle(cache: Buffer | undefined): { cachedDataRejected?: boolean };
    CACHE: string;
    cacheOf(command: string | undefined): string;
    commandOf(args: readonly string[]): string | undefined;
    caches(): string[];
  };

  it('has code caches this Node.js accepts: one of every command, and one for each of fees, check, subjects and plan', () => {
    expect(bin.bundleIsCurrent()).toBe(true);
    expect(bin.caches().map((file) => path.basename(file))).toEqual([
      'bundle.cache',
      'bundle.fees.cache',
      'bundle.check.cache',
      'bundle.subjects.cache',
      'bundle.plan.cache',
    ]);
    for (const cache of bin.caches()) expect(bin.compileBundle(fs.readFileSync(cache)).cachedDataRejected, cache).toBe(false);
  });

  it.each([
    [['subjects'], 'bundle.subjects.cache'],
    [['--catalogue', 'fees', 'subjects', '--json'], 'bundle.subjects.cache'],
    [['--json', '--no-color', 'fees', '--residency', 'local'], 'bundle.fees.cache'],
    [['check', '-'], 'bundle.check.cache'],
    [['plan', '--no-input'], 'bundle.plan.cache'],
    [['catalogue', 'check', 'x.json'], 'bundle.cache'],
    [['plans', 'list'], 'bundle.cache'],
    [['--help'], 'bundle.cache'],
    [[], 'bundle.cache'],
    [['--', 'fees'], 'bundle.fees.cache'],
  ])('%j loads %s', (args, cache) => {
    expect(path.basename(bin.cacheOf(bin.commandOf(args)))).toBe(cache);
  });

  /** A copy of bin/ and dist/ (the rest linked, src/ too: a checkout), to break one part of it. */
  function copyOfProgram(): string {
    const copy = makeTempDir();
    fs.cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true, preserveTimestamps: true });
    for (const linked of ['node_modules', 'data', 'package.json', 'examples', 'src'])
      fs.symlinkSync(path.join(ROOT, linked), path.join(copy, linked));
    return copy;
  }

  it('compiles from source, silently, when V8 rejects the cache', async () => {
    const copy = copyOfProgram();
    for (const cache of bin.caches()) fs.writeFileSync(path.join(copy, 'dist', path.basename(cache)), 'not a code cache');
    const script = path.join(copy, 'bin', 'study-planner');
    for (const args of [['fees', '--residency', 'local', '--json'], ['--version']]) {
      const [broken, normal] = await Promise.all([runCli(args, { script }), runCli(args)]);
      expect(broken).toEqual(normal);
    }
  });

  it("uses the cache of every command when a command's own is missing", async () => {
    const copy = copyOfProgram();
    fs.rmSync(path.join(copy, 'dist', 'bundle.subjects.cache'));
    const [fallback, normal] = await Promise.all([
      runCli(['subjects'], { script: path.join(copy, 'bin', 'study-planner') }),
      runCli(['subjects']),
    ]);
    expect(fallback).toEqual(normal);
  });

  it('runs dist/ instead of a bundle older than dist/ in a checkout (a tsc-only build), never in a package', async () => {
    const copy = copyOfProgram();
    const bundle = path.join(copy, 'dist', 'bundle.cjs');
    fs.writeFileSync(bundle, 'throw new Error("the stale bundle ran");');
    const script = path.join(copy, 'bin', 'study-planner');
    const args = ['fees', '--residency', 'local', '--json'];

    const current = await runCli(args, { script });
    expect(current.stderr).toContain('the stale bundle ran');
    // A program that cannot even be loaded says so in one line, with exit 2, never a stack trace.
    expect(current.code).toBe(2);
    expect(current.stderr).toMatch(
      /^study-planner: internal error: could not start: the stale bundle ran \(set DEBUG=1 to see the details\)\n/,
    );

    const past = new Date(fs.statSync(path.join(copy, 'dist', 'cli', 'main.js')).mtimeMs - 60_000);
    fs.utimesSync(bundle, past, past);
    const stale = await runCli(args, { script });
    expect(stale).toEqual(await runCli(args));

    // A package has no src/: its files' dates say nothing about its build.
    fs.unlinkSync(path.join(copy, 'src'));
    expect((await runCli(args, { script })).stderr).toContain('the stale bundle ran');
  });
});

describe("the bundle's shortcut for cli-table3's string-width", () => {
  // scripts/bundle.mjs answers printable ASCII with its length instead of calling string-width 4.
  const cliTable3 = createRequire(require.resolve('cli-table3'));
  const stringWidth = cliTable3('string-width') as (text: string) => number;

  it('is what string-width says for every printable ASCII string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]*$/), (text) => stringWidth(text) === text.length),
      { numRuns: 2_000 },
    );
  });

  it("knows cli-table3's ellipsis to be as wide as string-width says", () => {
    // scripts/bundle.mjs seeds its memory of widths with this one, which cli-table3 measures on every drawing.
    expect(stringWidth('\u2026')).toBe(1);
    expect(fs.readFileSync(path.join(ROOT, 'dist', 'bundle.cjs'), 'utf8')).toContain('known=new Map([["\\u2026",1]])');
  });
});
