import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/cli/make-context.js';
import { runInProcess } from '../support/run-in-process.js';

describe('help', () => {
  it.each([['plan'], ['check'], ['fees'], ['compare'], ['subjects'], ['plans'], ['config'], ['completion'], ['plans', 'export']])(
    '%s --help shows examples and the global options',
    async (...command) => {
      const result = await runInProcess([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toContain(`study-planner ${command.join(' ')}`);
      expect(result.stdout).toContain('Global Options:');
      expect(result.stdout).toContain('--no-input');
    },
  );

  it('the program help lists every environment variable and exit code', async () => {
    const result = await runInProcess(['--help']);
    for (const name of [
      'STUDY_PLANNER_RESIDENCY',
      'STUDY_PLANNER_MODE',
      'STUDY_PLANNER_CATALOGUE',
      'STUDY_PLANNER_STORE_DIR',
      'STUDY_PLANNER_TODAY',
      'NO_COLOR',
      'FORCE_COLOR',
      'COLUMNS',
      'DEBUG',
    ]) {
      expect(result.stdout).toContain(name);
    }
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 +success/);
    expect(result.stdout).toMatch(/\n {2}130 +interrupted/);
  });
});

describe('colour', () => {
  const tty = { isTTY: true } as never;
  const pipe = { isTTY: false } as never;
  it.each([
    ['a terminal', tty, {}, {}, true],
    ['a pipe', pipe, {}, {}, false],
    ['a pipe with FORCE_COLOR=1', pipe, { FORCE_COLOR: '1' }, {}, true],
    ['a pipe with FORCE_COLOR=0', pipe, { FORCE_COLOR: '0' }, {}, false],
    ['a terminal with NO_COLOR', tty, { NO_COLOR: '1' }, {}, false],
    ['FORCE_COLOR and --no-color', pipe, { FORCE_COLOR: '1' }, { color: false }, false],
    ['a dumb terminal', tty, { TERM: 'dumb' }, {}, false],
  ])('into %s: %s', (_what, stdout, env, options, expected) => {
    expect(colourWanted({ stdout, env }, options)).toBe(expected);
  });

  it('FORCE_COLOR colours piped output', async () => {
    const result = await runInProcess(['check', 'examples/dissertation.json'], { env: { FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('\u001b[');
  });
});
