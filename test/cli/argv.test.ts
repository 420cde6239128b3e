import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../support/run-in-process.js';

// The command-line surface (docs/commands.md) in one table: argv -> exit code, and a fragment that
// must appear on stdout or stderr. In the style of changesets' cli.test.ts, it runs the entry
// point in process (with streams that are not terminals), so the whole table takes moments;
// test/process/exit-codes.test.ts runs the built program end to end.

const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const INVENTED = 'test/fixtures/invented-programme.json';

type Row = [argv: string[], code: number, stream: 'stdout' | 'stderr', fragment: string];

const rows: Row[] = [
  // help and version
  [['--help'], 0, 'stdout', 'Usage: study-planner [options] [command]'],
  [['-h'], 0, 'stdout', '--catalogue <file>'],
  [['--version'], 0, 'stdout', `${version}\n`],
  [['-V'], 0, 'stdout', version],
  [['check', '--help'], 0, 'stdout', 'Usage: study-planner check'],
  [['fees', '--help'], 0, 'stdout', '--residency <residency>'],
  [['fees', '-h'], 0, 'stdout', '--fellowship'],
  [['subjects', '--help'], 0, 'stdout', '--category <category>'],
  // no command, and no terminal to ask in: help on stderr, exit 2
  [[], 2, 'stderr', 'Usage: study-planner'],
  [[], 2, 'stderr', 'no command given and no terminal to ask in'],
  [['--no-input'], 2, 'stderr', 'no command given'],
  [['--json'], 2, 'stderr', 'no command given'],
  // bad usage
  [['--bogus'], 2, 'stderr', "unknown option '--bogus'"],
  [['fees', '--bogus'], 2, 'stderr', "unknown option '--bogus'"],
  [['check', '--bogus', 'examples/dissertation.json'], 2, 'stderr', "unknown option '--bogus'"],
  [['bogus'], 2, 'stderr', 'study-planner --help'],
  [['check'], 2, 'stderr', "missing required argument 'file'"],
  [['--catalogue'], 2, 'stderr', "'--catalogue <file>' argument missing"],
  [['subjects', 'extra'], 2, 'stderr', 'too many arguments'],
  [['--catalogue', 'no-such-catalogue.json', 'subjects'], 2, 'stderr', 'catalogue no-such-catalogue.json does not exist'],
  // check
  [['check', 'examples/dissertation.json'], 0, 'stdout', 'examples/dissertation.json: ✔ valid'],
  [
    ['check', 'examples/coursework.json', 'examples/dissertation.json'],
    0,
    'stdout',
    '2 plans checked: 2 valid, 0 invalid, 0 could not be read.',
  ],
  [['check', 'examples/incomplete.json'], 1, 'stdout', '✖ invalid'],
  [['check', '--json', 'examples/incomplete.json'], 1, 'stdout', '"code":"UNKNOWN_SUBJECT"'],
  [['--json', 'check', 'examples/dissertation.json'], 0, 'stdout', '[{"file":"examples/dissertation.json","valid":true,'],
  [['check', 'no-such-plan.json'], 2, 'stderr', 'no-such-plan.json does not exist'],
  [['check', '--json', 'no-such-plan.json'], 2, 'stdout', '"code":"UNREADABLE"'],
  [['check', '--no-color', 'examples/dissertation.json'], 0, 'stdout', '✔ valid'],
  [['--catalogue', INVENTED, 'check', 'examples/dissertation.json'], 2, 'stderr', 'mode must be one of "evening", "block"'],
  // fees
  [
    ['fees', '--residency', 'local', '--json'],
    0,
    'stdout',
    '{"currency":"HKD","credits":31,"chargedCredits":30,"perCredit":5750,"tuition":172500,"initialPayment":17250,"fellowship":0,"payable":172500}',
  ],
  [['--json', 'fees', '--residency=non-local'], 0, 'stdout', '"initialPayment":34500'],
  [['fees', '--residency', 'local', '--credits', '27', '--fellowship', '--json'], 0, 'stdout', '"fellowship":113150,"payable":42100'],
  [['fees', '--residency', 'local', '--fellowship'], 0, 'stdout', 'HK$52,500'],
  [['fees', '--plan', 'examples/dissertation.json', '--json'], 0, 'stdout', '"payable":52500'],
  // A plan with an error still gets its estimate; the error goes to stderr and the exit is 1, as for check.
  [['fees', '--plan', 'examples/incomplete.json', '--json'], 1, 'stdout', '"chargedCredits":30'],
  [['fees', '--plan', 'examples/incomplete.json'], 1, 'stderr', 'Did you mean Epidemiology?'],
  [['fees'], 2, 'stderr', '--residency'],
  [['--no-input', 'fees', '--json'], 2, 'stderr', '--residency'],
  [['fees', '--residency', 'non-local', '--fellowship'], 2, 'stderr', '--fellowship'],
  [['fees', '--residency', 'local', '--credits', 'x'], 2, 'stderr', '--credits'],
  [['fees', '--residency'], 2, 'stderr', "'--residency <residency>' argument missing"],
  // subjects
  [['subjects'], 0, 'stdout', '39 subjects'],
  [['subjects', '--category', 'core', '--json'], 0, 'stdout', '"id": "epidemiology"'],
  [['--json', 'subjects', '--search', 'epidemiology'], 0, 'stdout', '"code": "HTI5601"'],
  [['subjects', '--search', 'PACS'], 0, 'stdout', 'Digital Imaging & PACS'],
  [['subjects', '--category', 'nope'], 2, 'stderr', 'use one of: compulsory, core, elective, dissertation'],
  [['subjects', '--catalogue', INVENTED, '--json'], 0, 'stdout', '"tuitionFree": true'],
  [
    ['--catalogue', INVENTED, 'fees', '--residency', 'non-local', '--json'],
    0,
    'stdout',
    '"currency":"EUR","credits":27,"chargedCredits":26,"perCredit":400',
  ],
];

describe('argv', () => {
  it.each(rows)('%j -> exit %i (%s has %j)', async (argv, code, stream, fragment) => {
    const r = await runInProcess(argv);
    expect({ code: r.code, [stream]: r[stream] }).toMatchObject({ code, [stream]: expect.stringContaining(fragment) });
    // Whatever happens, never a stack trace.
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // --json puts JSON on stdout and nothing else, whenever it puts anything there.
    if (argv.includes('--json') && r.stdout !== '') expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('unknown commands', () => {
  it.each([
    [['bogus'], /unknown command "bogus"; the commands are plan, check/],
    [['chek', 'plan.json'], /did you mean "study-planner check"\?/],
    [['plans', 'sho', 'Alex'], /did you mean "study-planner plans show"\?/],
    [['config'], /config needs a subcommand: get, set, unset or path/],
  ])('%j exits 2 and names the commands', async (argv, message) => {
    const r = await runInProcess(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("the list of commands leaves out the completion script's own", async () => {
    const r = await runInProcess(['bogus']);
    expect(r.stderr).toContain('completion, config (run');
    expect(r.stderr).not.toContain('__complete');
  });

  it('"help COMMAND" prints that command\'s help', async () => {
    const r = await runInProcess(['help', 'fees']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: study-planner fees');
  });
});

describe('in a terminal', () => {
  it('--json never asks: a missing residency is an error naming the flag', async () => {
    const r = await runInProcess(['fees', '--json'], { isTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--residency is required when not running interactively');
    expect(r.stdout + r.stderr).not.toContain('local or a non-local');
  });
});
