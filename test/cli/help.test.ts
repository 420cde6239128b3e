import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fitExample } from '../../src/cli/help-text.js';
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

  const EVERY_COMMAND = [
    [],
    ['plan'],
    ['check'],
    ['fees'],
    ['compare'],
    ['subjects'],
    ['catalogue', 'check'],
    ['plans'],
    ['plans', 'import'],
    ['plans', 'edit'],
    ['plans', 'export'],
    ['completion'],
    ['config'],
    ['config', 'set'],
  ];

  it.each([40, 60])("at %i columns no line of any command's help is wider than the screen", async (width) => {
    for (const command of EVERY_COMMAND) {
      const result = await runInProcess([...command, '--help'], { env: { COLUMNS: String(width) } });
      for (const line of result.stdout.split('\n')) expect(line.length, `${command.join(' ')}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('"help COMMAND..." is that command\'s --help, examples, environment and exit codes included', async () => {
    for (const command of [[], ['fees'], ['plans', 'show']]) {
      const [help, flag] = await Promise.all([runInProcess(['help', ...command]), runInProcess([...command, '--help'])]);
      expect(help.stdout).toBe(flag.stdout);
    }
    expect((await runInProcess(['help'])).stdout).toContain('Exit codes:');
    const [helpHelp, help] = await Promise.all([runInProcess(['help', 'help']), runInProcess(['help'])]);
    expect(helpHelp).toEqual({ ...help });
    // A command without subcommands takes the rest as its arguments, as it would run.
    const [withArgument, flag] = await Promise.all([runInProcess(['help', 'completion', 'bash']), runInProcess(['completion', '--help'])]);
    expect(withArgument.code).toBe(0);
    expect(withArgument.stdout).toBe(flag.stdout);
  });

  it.each([
    [['help', 'nosuch'], 'unknown command "nosuch"; the commands are plan, check,'],
    [['help', 'plans', 'bogus'], 'unknown command "bogus"; the commands are list, show,'],
    [['help', '__complete'], 'unknown command "__complete"'],
  ])('%j is refused as the command would be: exit 2, naming the commands there are', async (args, said) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(said);
  });

  it.each([
    ['environment', 'Environment:', 'STUDY_PLANNER_STORE_DIR'],
    ['exit-codes', 'Exit codes:', '130  interrupted'],
  ])('"help %s" shows that part of the help alone', async (topic, title, line) => {
    const result = await runInProcess(['help', topic]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${title}\n`)).toBe(true);
    expect(result.stdout).toContain(line);
    expect(result.stdout).not.toContain('Usage:');
  });
});

describe('examples fitted to the width', () => {
  it.each([
    ['study-planner check plan.json', 40, ['study-planner check plan.json']],
    [
      'study-planner fees --plan plan.json --by-term --format csv > bills.csv',
      38,
      ['study-planner fees --plan plan.json \\', '  --by-term --format csv > bills.csv'],
    ],
    [
      'study-planner plans export "My long plan name" --format md > plan.md',
      38,
      ['study-planner plans export \\', '  "My long plan name" --format md > \\', '  plan.md'],
    ],
    [
      'study-planner catalogue check --strict programme.json   # warnings fail too',
      38,
      ['# warnings fail too', 'study-planner catalogue check \\', '  --strict programme.json'],
    ],
  ])('%s at %i columns', (example, width, lines) => {
    expect(fitExample(example, width)).toEqual(lines);
  });

  it('a shell reads a fitted example as the same words', () => {
    const example = 'printf "%s|" fees --plan "a plan with spaces.json" --by-term --format csv --out bills.csv';
    const run = (text: string) => execFileSync('sh', ['-c', text], { encoding: 'utf8' });
    expect(run(fitExample(example, 30).join('\n'))).toBe(run(example));
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
