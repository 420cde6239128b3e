import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runCli } from '../support/run-process.js';

// The built program as a script meets it: bin/study-planner in a process of its own, its exit
// code, and stdout holding JSON and nothing else. Everything else about the commands runs in
// process (test/cli/), through the same entry point.

const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Row = [argv: string[], code: number, stream: 'stdout' | 'stderr', fragment: string];

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'store');
const SEEDED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'three-plans.json'), 'utf8'));

/** A store directory holding the three fixture plans (two valid, "Unfinished" not). */
function seededStore(): string {
  const dir = makeTempDir();
  fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify(SEEDED));
  return dir;
}

describe('bin/study-planner itself', () => {
  it.concurrent.each([
    [[], 2, 'stderr', 'Usage: study-planner'],
    [['--bogus'], 2, 'stderr', "unknown option '--bogus'"],
    [['--help'], 0, 'stdout', 'Usage: study-planner'],
    [['--version'], 0, 'stdout', `${version}\n`],
  ] satisfies Row[])('%j -> exit %i', async (argv, code, stream, fragment) => {
    const r = await runCli(argv);
    expect(r.code).toBe(code);
    expect(r[stream]).toContain(fragment);
    if (code === 2) expect(r.stdout).toBe('');
  });
});

describe('plans, end to end', () => {
  it('exit codes and --json purity', async () => {
    const storeDir = seededStore();
    const options = { storeDir, env: { NO_COLOR: '1', TZ: 'UTC' } };
    const list = await runCli(['plans', 'list', '--json'], options);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(3);
    const human = await runCli(['plans'], options);
    expect(human.stdout).toMatch(/Dissertation route\s+dissertation\s+31\/31\s+HK\$52,500\s+✔ yes\s+2024-09-01 12:00/);
    expect((await runCli(['plans', 'show', 'Unfinished'], options)).code).toBe(1);
    expect((await runCli(['plans', 'delete', 'Unfinished'], options)).code).toBe(2);
    expect((await runCli(['plans', 'show', 'nothing'], options)).code).toBe(2);
  });
});
