import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

// `plan` without a terminal (stdin and stdout are not terminals here): every answer from flags or
// saved defaults, never a prompt. The planner in a real terminal is in test/pty/.

const plan = (args: readonly string[], options: { storeDir?: string } = {}) => runInProcess(['plan', ...args], options);

const FLAGS = [
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'epidemiology',
  'LGT5037',
  '--elective',
  'Big Data Computing',
  'health care ethics',
  '--route',
  'dissertation',
];

describe('a missing answer names the flag that gives it', () => {
  test.each([
    [[], '--residency is required when not running interactively; pass --residency local or --residency non-local.'],
    [['--residency', 'local'], '--mode is required when not running interactively; pass --mode full-time or --mode part-time.'],
    [
      ['--residency', 'local', '--mode', 'full-time'],
      '--core is required when not running interactively; pass at least 2 core subjects, such as --core artificial-intelligence-concepts business-analytics.',
    ],
    [FLAGS.slice(0, 7), '--elective is required when not running interactively;'],
    [FLAGS.slice(0, 10), '--route is required when not running interactively; pass --route dissertation or --route coursework.'],
    [
      [...FLAGS.slice(0, 10), '--route', 'coursework'],
      '--extra is required with --route coursework when not running interactively; pass 3 core or elective subjects, such as --extra artificial-intelligence-concepts business-analytics computer-programming-for-healthcare.',
    ],
    // Four cores leave 1 replacement subject to name.
    [
      [
        '--residency',
        'non-local',
        '--mode',
        'full-time',
        '--core',
        'epidemiology',
        'LGT5037',
        'HTI5720',
        'COMP5511',
        '--elective',
        'Big Data Computing',
        'health care ethics',
        '--route',
        'coursework',
      ],
      '--extra is required with --route coursework when not running interactively; pass 1 core or elective subject, such as --extra business-analytics.',
    ],
  ])('%j', async (args, message) => {
    const result = await plan(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`study-planner: ${message}`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('--no-input refuses to prompt even where it could', async () => {
    const result = await plan(['--no-input', '--residency', 'local']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--mode is required when not running interactively');
  });
});

describe('every answer given', () => {
  test('runs straight through: the summary, --out written, the plan saved under --name, exit 0', async () => {
    const dir = makeTempDir();
    const out = path.join(dir, 'plan.json');
    const store = makeTempDir();
    const result = await runInProcess(['plan', ...FLAGS, '--fellowship', '--name', 'my plan', '--out', out], { storeDir: store });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('my plan: ✔ valid');
    expect(result.stdout).toMatch(/Payable\s+HK\$52,500/);
    // What was kept is said on stderr, so stdout holds the report alone.
    expect(result.stdout).not.toMatch(/Wrote|Saved as/);
    expect(result.stderr).toBe(`Saved as "my plan". See it again with:\n  study-planner plans show 'my plan'\nWrote ${out}.\n`);
    const plan = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(plan).toMatchObject({ catalogue: 'polyu-msc-health-informatics-2024', residency: 'local', mode: 'part-time', fellowship: true });
    // The file written is a plan file that check accepts as valid.
    expect((await runInProcess(['check', out])).code).toBe(0);
    const saved = JSON.parse(fs.readFileSync(path.join(store, 'store.json'), 'utf8'));
    expect(saved.plans.map((p: { name: string }) => p.name)).toEqual(['my plan']);
    expect(saved.plans[0].plan).toEqual(plan);
  });

  test('the command that shows a saved plan again fits 40 columns, broken between words, and a shell reads back the name', async () => {
    const store = makeTempDir();
    const name = 'the   "$best"  plan of my  whole degree';
    const result = await runInProcess(['plan', ...FLAGS, '--name', name], { storeDir: store, env: { COLUMNS: '40' } });
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    const from = lines.findIndex((line) => line.startsWith('  study-planner plans show'));
    const said = lines.slice(0, from).join(' ');
    // The words are wrapped (a run of spaces where a line breaks is not kept there): the command is what is copied.
    expect(said.replace(/ +/g, ' ')).toBe(`Saved as "${name}". See it again with:`.replace(/ +/g, ' '));
    expect(lines.at(-1)).toBe('');
    const command = lines.slice(from, -1);
    expect(command).toEqual(['  study-planner plans show \\', `    'the   "$best"  plan of my  whole degree'`]);
    // Pasted into a shell, the lines are the one command they were.
    const pasted = command.join('\n').replace('study-planner plans show', "printf '%s'");
    expect(execFileSync('sh', ['-c', pasted], { encoding: 'utf8' })).toBe(name);
  });

  test('an invalid plan exits 1, after the summary', async () => {
    const result = await plan([...FLAGS.slice(0, 6), ...FLAGS.slice(7)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Your plan: ✖ invalid');
    expect(result.stdout).toContain('missing: 1 more core subject');
  });

  test("--json prints {plan, verdict} alone on stdout; the verdict is check --json's object for the same plan", async () => {
    const dir = makeTempDir();
    const out = path.join(dir, 'plan.json');
    const result = await plan([...FLAGS, '--json', '--out', out, '--name', 'j']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['plan', 'verdict']);
    expect(printed.plan).toEqual(JSON.parse(fs.readFileSync(out, 'utf8')));
    const checked = JSON.parse((await runInProcess(['check', '--json', out])).stdout);
    expect(printed.verdict).toEqual(checked[0]);
    // What was done is said on stderr, away from the JSON.
    expect(result.stderr).toContain('Saved as "j"');
  });

  test('four cores and one --extra are the whole 31 credits; four cores and three electives need no --extra', async () => {
    const fourCores = [
      '--residency',
      'non-local',
      '--mode',
      'full-time',
      '--core',
      'epidemiology',
      'LGT5037',
      'HTI5720',
      'COMP5511',
      '--json',
    ];
    const one = await plan([...fourCores, '--elective', 'Big Data Computing', 'health care ethics', '--extra', 'MM5425']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).plan.subjects).toHaveLength(4 + 4 + 2 + 1);
    expect(JSON.parse(one.stdout).verdict).toMatchObject({ valid: true, credits: { planned: 31, required: 31 } });
    const none = await plan([
      ...fourCores,
      '--elective',
      'Big Data Computing',
      'health care ethics',
      'healthcare-innovation',
      '--route',
      'coursework',
    ]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).verdict).toMatchObject({ valid: true, credits: { planned: 31, required: 31 } });
  });

  test('--extra implies the coursework route', async () => {
    const result = await plan([...FLAGS.slice(0, 10), '--extra', 'comp5511', 'mm5425', 'hti5720', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    // Four compulsory (Academic Integrity and Ethics among them), 2 core, 2 elective and 3 more.
    expect(printed.plan.subjects).toHaveLength(11);
    expect(printed.verdict).toMatchObject({ valid: true });
    expect(printed.verdict.requirements.at(-1)).toMatchObject({ satisfied: true, option: 'coursework' });
  });

  test('saved defaults answer residency and mode', async () => {
    const store = makeTempDir();
    fs.writeFileSync(
      path.join(store, 'store.json'),
      JSON.stringify({ version: 1, defaults: { residency: 'non-local', mode: 'full-time' }, plans: [] }),
    );
    const result = await plan([...FLAGS.slice(4), '--json'], { storeDir: store });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).plan).toMatchObject({ residency: 'non-local', mode: 'full-time', fellowship: false });
  });
});

describe('the draft', () => {
  test("a scripted plan leaves another session's draft alone", async () => {
    const storeDir = makeTempDir();
    const draft = { catalogue: 'polyu-msc-health-informatics-2024', residency: 'non-local', updatedAt: '2026-11-25T10:00:00.000Z' };
    fs.writeFileSync(path.join(storeDir, 'store.json'), JSON.stringify({ version: 1, defaults: {}, plans: [], draft }));
    expect((await runInProcess(['plan', ...FLAGS, '--no-input', '--name', 'Scripted'], { storeDir })).code).toBe(0);
    // Kept, in the current store version's shape (store-migrate.ts).
    expect(JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')).draft).toEqual({
      catalogue: draft.catalogue,
      answers: { residency: 'non-local', picks: {}, routes: {} },
      updatedAt: draft.updatedAt,
    });
  });
});

describe('refusals', () => {
  test.each([
    [['--core', 'epidemology'], '--core "epidemology" is not a subject of this programme; did you mean "Epidemiology"?'],
    [
      ['--core', 'big data computing'],
      '--core "big data computing" (Big Data Computing) is an elective subject, and --core takes core subjects',
    ],
    [
      ['--core', 'epidemiology', '--extra', 'HTI5601'],
      'Epidemiology is named twice (--core and --extra); a subject counts once, so name it once.',
    ],
    [['--route', 'gap-year'], '--route "gap-year" is not a route of this programme; use dissertation or coursework.'],
    [
      ['--route', 'dissertation', '--extra', 'mm5425'],
      '--extra is for --route coursework, not --route dissertation; leave one of them out.',
    ],
    [['--residency', 'non-local', '--fellowship'], '--fellowship is for local students only, not non-local students; drop --fellowship.'],
    [['--mode', 'sandwich'], '--mode "sandwich" is not a study mode of this programme; use full-time or part-time.'],
    [['--name', ' padded'], '--name " padded" starts or ends with a space;'],
    [['--resume'], 'there is no draft to resume; run "study-planner plan" to start a plan.'],
  ])('%j', async (args, message) => {
    const result = await plan(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`study-planner: ${message}`);
  });

  test('--out never overwrites an existing file unless --force', async () => {
    const dir = makeTempDir();
    const out = path.join(dir, 'plan.json');
    fs.writeFileSync(out, 'keep me');
    const refused = await plan([...FLAGS, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${out} already exists; pass --force to overwrite it`);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await plan([...FLAGS, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).subjects).toHaveLength(9);
    // No temporary file is left beside it.
    expect(fs.readdirSync(dir)).toEqual(['plan.json']);
  });
});

test('plan --help lists every flag of docs/commands.md', async () => {
  const result = await plan(['--help']);
  expect(result.code).toBe(0);
  for (const flag of [
    '--residency <residency>',
    '--mode <mode>',
    '--core <subject...>',
    '--elective <subject...>',
    '--route <route>',
    '--extra <subject...>',
    '--fellowship',
    '--name <name>',
    '--out <file>',
    '--force',
    '--resume',
  ]) {
    expect(result.stdout).toContain(flag);
  }
});
