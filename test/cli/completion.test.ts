import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeWords, type CompletionValues } from '../../src/cli/completion/candidates.js';
import { surfaceOf } from '../../src/cli/completion/surface.js';
import { buildProgram } from '../../src/cli/main.js';
import { BIN, makeTempDir, ROOT, runCli } from './run-cli.js';

const surface = surfaceOf(
  buildProgram({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} } as never, () => undefined),
);

const values: CompletionValues = {
  subjects: (category) =>
    ({ core: ['Epidemiology', 'HTI5601', 'Project Management', 'LGT5037'], elective: ['Big Data Computing', 'COMP5434'] })[
      category ?? 'core'
    ] ?? [],
  categories: ['compulsory', 'core', 'elective', 'dissertation'],
  modes: ['full-time', 'part-time'],
  planNames: ['My plan', 'Second try'],
};

describe('what completion offers', () => {
  it.each([
    [[], '', ['plan', 'check', 'fees', 'compare', 'subjects', 'catalogue', 'plans', 'completion', 'config', 'help']],
    [['catalogue'], '', ['check']],
    [['catalogue', 'check'], '--s', ['--strict']],
    [[], 'pl', ['plan', 'plans']],
    [['plans'], '', ['list', 'show', 'delete', 'export', 'edit', 'import', 'rename']],
    [['plans', 'show'], 'my', ['My plan']],
    [['compare'], '', ['My plan', 'Second try']],
    [['fees'], '--re', ['--residency']],
    [['fees', '--residency'], '', ['local', 'non-local']],
    [['plan', '--mode'], 'p', ['part-time']],
    [['plan', '--core'], 'ep', ['Epidemiology']],
    [['plan', '--core'], '"proj', ['Project Management']],
    [['plan', '--core', 'Epidemiology'], 'LGT', ['LGT5037']],
    [['plan', '--core', 'Epidemiology'], '--el', ['--elective']],
    [['plan', '--elective'], '', ['Big Data Computing', 'COMP5434']],
    [['plan', '--extra'], 'big', ['Big Data Computing']],
    [['plan', '--route'], '', ['dissertation', 'coursework']],
    [['subjects', '--category'], 'c', ['compulsory', 'core']],
    [['config', 'set'], 'r', ['residency']],
    [['completion'], '', ['bash', 'zsh', 'fish']],
    [['--json', 'fees', '--residency'], 'n', ['non-local']],
    [['fees', '--plan', 'p.json', '--by-term', '--format'], '', ['text', 'csv', 'ics']],
    [['plans', 'export', 'My plan', '--format'], '', ['json', 'md']],
  ])('after %j, typing %j', (before, current, expected) => {
    expect(completeWords(surface, before, current, values)).toEqual({ kind: 'words', words: expected });
  });

  it.each([
    [['check'], 'ex'],
    [['catalogue', 'check'], 'te'],
    [['fees', '--plan'], ''],
    [['plan', '--out'], 'p'],
    [['--catalogue'], ''],
  ])('after %j, typing %j: a file name', (before, current) => {
    expect(completeWords(surface, before, current, values)).toEqual({ kind: 'files' });
  });

  it("offers each command's own flags, the global ones and --help", () => {
    const result = completeWords(surface, ['check'], '--', values);
    expect(result).toEqual({ kind: 'words', words: ['--catalogue', '--json', '--no-color', '--no-input', '--help'] });
  });
});

describe('study-planner completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script that asks the program itself', async (shell) => {
    const result = await runCli(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('study-planner __complete --');
  });

  it('refuses another shell, saying which exist', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('use bash, zsh or fish');
  });

  it('keeps __complete out of the help', async () => {
    expect((await runCli(['--help'])).stdout).not.toContain('__complete');
  });

  it('completes in bash itself: commands, quoted subject titles, flag values, saved plans, files', async () => {
    const storeDir = makeTempDir();
    const saved = await runCli(
      [
        'plan',
        '--residency',
        'local',
        '--mode',
        'part-time',
        '--core',
        'epidemiology',
        'LGT5037',
        '--elective',
        'COMP5434',
        'APSS6403',
        '--route',
        'dissertation',
        '--name',
        'Mine for now',
      ],
      { storeDir },
    );
    expect(saved.code).toBe(0);
    const bin = makeTempDir();
    fs.writeFileSync(path.join(bin, 'study-planner'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const script = `
source <(study-planner completion bash)
try() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _study_planner_complete; printf '%s|' "\${COMPREPLY[@]}"; echo; }
try study-planner pl
try study-planner plan --core '"Machine'
try study-planner fees --residency n
try study-planner plans show mi
try study-planner check examples/dis
`;
    const result = spawnSync('bash', ['-c', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STUDY_PLANNER_STORE_DIR: storeDir },
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'plan|plans|',
      // As they are: bash quotes them itself as they are typed in (-o filenames; test/pty/completion.test.ts).
      'Machine Learning & Data Analytics|',
      'non-local|',
      'Mine for now|',
      'examples/dissertation.json|',
    ]);
  });
});
