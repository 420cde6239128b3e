import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { plansDelete } from '../../src/cli/commands/plans.js';
import type { Io } from '../../src/cli/context.js';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { openStore } from '../../src/cli/io/store.js';
import { makeContext } from '../../src/cli/make-context.js';
import { markdownText, renderMarkdownReport } from '../../src/cli/render/markdown.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'store');
const SEEDED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'three-plans.json'), 'utf8'));

/** A store directory holding the three fixture plans (two valid, "Unfinished" not), plus `extra`. */
function seededStore(extra: object[] = []): string {
  const dir = makeTempDir();
  fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ ...SEEDED, plans: [...SEEDED.plans, ...extra] }));
  return dir;
}

const cliWith = (dir: string) => (args: string[]) => runInProcess(args, { storeDir: dir });
const storedNames = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).plans.map((p: { name: string }) => p.name);

describe('plans list', () => {
  it('shows name, route, credits, payable, validity and time, by name', async () => {
    const result = await cliWith(seededStore())(['plans', 'list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Name\s+Route\s+Credits\s+Payable\s+Valid\s+Last changed$/);
    expect(lines.find((l) => l.startsWith('Coursework'))).toMatch(
      /^Coursework\s+coursework\s+31\/31\s+HK\$172,500\s+✔ yes\s+2024-09-0\d \d\d:\d\d$/,
    );
    expect(lines.find((l) => l.startsWith('Dissertation'))).toMatch(
      /^Dissertation route\s+dissertation\s+31\/31\s+HK\$52,500\s+✔ yes\s+2024-09-0\d \d\d:\d\d$/,
    );
    expect(lines.find((l) => l.startsWith('Unfinished'))).toMatch(
      /^Unfinished\s+dissertation\s+31\/31\s+HK\$172,500\s+✖ no\s+2024-09-0\d \d\d:\d\d$/,
    );
    expect(result.stdout.indexOf('Coursework')).toBeLessThan(result.stdout.indexOf('Unfinished'));
    expect(result.stdout).toContain('3 saved plans; details: study-planner plans show NAME');
  });

  it('a name is never broken: where one is too long to stand whole beside the rest, every plan is a block headed by its name', async () => {
    const long = { ...SEEDED.plans[0], name: 'PART-TIME-DISSERTATION-WITH-EXTRAS' };
    const dir = seededStore([long]);
    const wide = await runInProcess(['plans', 'list'], { storeDir: dir, env: { COLUMNS: '120' } });
    expect(wide.stdout.split('\n')[0]).toMatch(/^Name\s+Route/);
    expect(wide.stdout).toMatch(/^PART-TIME-DISSERTATION-WITH-EXTRAS\s+dissertation/m);
    const narrow = await runInProcess(['plans', 'list'], { storeDir: dir, env: { COLUMNS: '80' } });
    expect(narrow.stdout).toMatch(/^PART-TIME-DISSERTATION-WITH-EXTRAS\n {2}Route: +dissertation/m);
    expect(narrow.stdout).toMatch(/^Unfinished\n/m);
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('is what bare `plans` shows', async () => {
    const dir = seededStore();
    expect(await cliWith(dir)(['plans'])).toEqual(await cliWith(dir)(['plans', 'list']));
  });

  it('--json gives an array and nothing else', async () => {
    const result = await cliWith(seededStore())(['plans', 'list', '--json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout);
    expect(list.map((p: { name: string }) => p.name)).toEqual(['Coursework', 'Dissertation route', 'Unfinished']);
    // 31 credits, 30 of them billed: Academic Integrity and Ethics is free of tuition.
    expect(list[1]).toEqual({
      name: 'Dissertation route',
      updatedAt: '2024-09-01T12:00:00.000Z',
      valid: true,
      route: ['dissertation'],
      credits: { planned: 31, required: 31 },
      fees: expect.objectContaining({
        currency: 'HKD',
        credits: 31,
        perCredit: 5750,
        tuition: 172500,
        initialPayment: 17250,
        fellowship: 120000,
        payable: 52500,
      }),
    });
    expect(list.map((p: { valid: boolean; route: string[] }) => [p.valid, p.route])).toEqual([
      [true, ['coursework']],
      [true, ['dissertation']],
      [false, ['dissertation']],
    ]);
  });

  it('with no plans says how to make one (stderr), or prints [] under --json', async () => {
    const dir = makeTempDir();
    expect(await cliWith(dir)(['plans', 'list'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No saved plans yet; the planner saves them: study-planner plan\n',
    });
    expect(await cliWith(dir)(['plans', 'list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('a plan saved before Academic Integrity and Ethics was required is kept, and now shows 30 of 31 credits, invalid', async () => {
    const before = {
      ...SEEDED.plans[0],
      name: 'Saved last year',
      plan: { ...SEEDED.plans[0].plan, subjects: SEEDED.plans[0].plan.subjects.filter((s: string) => s !== 'HTI5T04') },
    };
    const cli = cliWith(seededStore([before]));
    const list = await cli(['plans', 'list']);
    expect(list.stdout).toMatch(/^Saved last year\s+dissertation\s+30\/31\s+HK\$52,500\s+✖ no\s+2024-09-01 \d\d:\d\d$/m);
    const shown = await cli(['plans', 'show', 'saved last year']);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain('missing: Academic Integrity and Ethics');
  });

  it('re-judges against the loaded catalogue: a plan that no longer fits shows as invalid', async () => {
    const odd = { name: 'Weekend study', plan: { ...SEEDED.plans[0].plan, mode: 'weekends' }, updatedAt: '2024-09-04T00:00:00.000Z' };
    const result = await cliWith(seededStore([odd]))(['plans', 'list', '--json']);
    expect(JSON.parse(result.stdout).find((p: { name: string }) => p.name === 'Weekend study')).toMatchObject({
      valid: false,
      credits: null,
      fees: null,
    });
  });
});

describe('plans show', () => {
  it('prints the full report of a valid plan (exit 0) and an invalid one (exit 1)', async () => {
    const cli = cliWith(seededStore());
    const valid = await cli(['plans', 'show', 'Dissertation route']);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^Dissertation route: ✔ valid\n/);
    expect(valid.stdout).toMatch(/Payable\s+HK\$52,500/);
    expect(valid.stdout).toMatch(/Last changed 2024-09-0\d \d\d:\d\d\./);
    const invalid = await cli(['plans', 'show', 'Unfinished']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('Unfinished: ✖ invalid');
    expect(invalid.stdout).toContain('"Epidemology" is not a subject of this programme. Did you mean Epidemiology?');
  });

  it('--json is the very object `check --json` gives for the same plan file, named by the plan', async () => {
    const dir = seededStore();
    const cli = cliWith(dir);
    const file = path.join(makeTempDir(), 'plan.json');
    for (const name of ['Dissertation route', 'Unfinished']) {
      await cli(['plans', 'export', name, '--out', file, '--force']);
      const [checked] = JSON.parse((await cli(['check', '--json', file])).stdout);
      const shown = await cli(['plans', 'show', name, '--json']);
      expect(JSON.parse(shown.stdout)).toEqual({ ...checked, file: name });
    }
  });

  it('finds a plan whatever the letter case', async () => {
    expect((await cliWith(seededStore())(['plans', 'show', 'DISSERTATION route'])).code).toBe(0);
  });

  it('an unknown name exits 2 with the closest names and where to look', async () => {
    const result = await cliWith(seededStore())(['plans', 'show', 'disertation rout']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'study-planner: there is no saved plan named "disertation rout". Did you mean "Dissertation route"? Run "study-planner plans list" to see the saved plans.\n',
    });
  });

  it('a plan that does not fit the loaded catalogue exits 2 saying why (a MALFORMED object under --json)', async () => {
    const odd = { name: 'Weekend study', plan: { ...SEEDED.plans[0].plan, mode: 'weekends' }, updatedAt: '2024-09-04T00:00:00.000Z' };
    const cli = cliWith(seededStore([odd]));
    const human = await cli(['plans', 'show', 'Weekend study']);
    expect(human.code).toBe(2);
    expect(human.stderr).toMatch(
      /saved plan "Weekend study": mode must be one of "full-time", "part-time"; it does not fit the loaded catalogue/,
    );
    const json = await cli(['plans', 'show', 'Weekend study', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: 'Weekend study', valid: false, errors: [{ code: 'MALFORMED' }] });
  });
});

describe('plans delete', () => {
  it('without a terminal needs --force, and then deletes', async () => {
    const dir = seededStore();
    const cli = cliWith(dir);
    const refused = await cli(['plans', 'delete', 'Coursework']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --force to delete "Coursework"');
    expect(storedNames(dir)).toEqual(['Dissertation route', 'Coursework', 'Unfinished']);

    expect(await cli(['plans', 'delete', 'coursework', '--force'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Deleted the saved plan "Coursework".\n',
    });
    expect(storedNames(dir)).toEqual(['Dissertation route', 'Unfinished']);
    expect(JSON.parse((await cli(['plans', 'delete', 'Unfinished', '--force', '--json'])).stdout)).toEqual({ deleted: 'Unfinished' });
    const again = await cli(['plans', 'delete', 'Coursework', '--force']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('there is no saved plan named "Coursework"');
  });

  it('in a terminal asks first, and no keeps the plan', async () => {
    for (const answer of [true, false]) {
      const dir = seededStore();
      const stdin = Object.assign(new PassThrough(), { isTTY: true });
      const stdout = Object.assign(new PassThrough(), { isTTY: true });
      const stderr = new PassThrough();
      const io: Io = { stdin, stdout, stderr, env: { STUDY_PLANNER_STORE_DIR: dir, NO_COLOR: '1' } };
      const ctx = makeContext(io, {});
      expect(ctx.interactive).toBe(true);
      const asked: string[] = [];
      const outcome = await plansDelete(ctx, 'Coursework', {}, async (_ctx, name) => {
        asked.push(name);
        return answer;
      });
      expect(outcome).toBe('success');
      expect(asked).toEqual(['Coursework']);
      expect(storedNames(dir).includes('Coursework')).toBe(!answer);
      if (!answer) expect(String(stderr.read())).toBe('Nothing was deleted.\n');
    }
  });

  it('in a terminal, a plan another process changed while the question waited is not deleted', async () => {
    const dir = seededStore();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    const io: Io = { stdin, stdout, stderr: new PassThrough(), env: { STUDY_PLANNER_STORE_DIR: dir, NO_COLOR: '1' } };
    const deleting = plansDelete(makeContext(io, {}), 'Coursework', {}, async () => {
      // While the user reads the question, another study-planner saves a change to the plan.
      const other = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
      other.savePlan('Coursework', { ...other.getPlan('Coursework')!.plan, fellowship: true }, { replace: true });
      return true;
    });
    await expect(deleting).rejects.toThrow(/"Coursework" was changed by another study-planner while you were asked; nothing was deleted/);
    expect(storedNames(dir)).toContain('Coursework');
  });
});

describe('plans export', () => {
  it('prints the plan file on stdout: a plan `check` accepts', async () => {
    const cli = cliWith(seededStore());
    const result = await cli(['plans', 'export', 'Dissertation route']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(SEEDED.plans[0].plan);
    const file = path.join(makeTempDir(), 'exported.json');
    fs.writeFileSync(file, result.stdout);
    expect((await cli(['check', file])).code).toBe(0);
  });

  it('--out writes the file, refuses to overwrite it without --force, and overwrites with it', async () => {
    const cli = cliWith(seededStore());
    const out = path.join(makeTempDir(), 'plan.json');
    expect(await cli(['plans', 'export', 'Coursework', '--out', out])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Exported "Coursework" to ${out}.\n`,
    });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(SEEDED.plans[1].plan);

    const refused = await cli(['plans', 'export', 'Dissertation route', '--out', out]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `study-planner: ${out} already exists; pass --force to overwrite it, or choose another file.\n`,
    });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(SEEDED.plans[1].plan);

    const forced = await cli(['plans', 'export', 'Dissertation route', '--out', out, '--force', '--json']);
    expect(JSON.parse(forced.stdout)).toEqual({ name: 'Dissertation route', format: 'json', out });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(SEEDED.plans[0].plan);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['plan.json']);
  });

  it('--out into a directory that does not exist exits 2 and leaves nothing behind', async () => {
    const result = await cliWith(seededStore())([
      'plans',
      'export',
      'Coursework',
      '--out',
      path.join(makeTempDir(), 'no', 'such', 'plan.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/its directory does not exist/);
  });

  it('--format md gives the Markdown report: details, subjects by requirement, the check, the fees', async () => {
    const result = await cliWith(seededStore())(['plans', 'export', 'Unfinished', '--format', 'md']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md).toMatch(/^# Study plan: Unfinished\n/);
    for (const heading of ['## Subjects by requirement', '### Core subjects', '## Requirement check', '### Problems', '## Fees'])
      expect(md).toContain(`\n${heading}\n`);
    expect(md).toContain('| Residency | local |');
    expect(md).toContain('| Verdict | ✖ not valid: 1 problem (below) |');
    expect(md).toMatch(
      /\n### Core subjects\n\n\| Code \| Subject \| Credits \|\n\| --- \| --- \| ---: \|\n(\| \w+ \| .+ \| 3 \|\n)*\| \w+ \| Digital Imaging & PACS \| 3 \|\n/,
    );
    expect(md).toContain('- "Epidemology" is not a subject of this programme. Did you mean Epidemiology?');
    expect(md).toContain('| **Payable** | **HK\\$172,500** |');
  });

  it('plans export --format md --json prints JSON only, the report inside it', async () => {
    const result = await cliWith(seededStore())(['plans', 'export', 'Coursework', '--format', 'md', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ name: 'Coursework', format: 'md' });
    expect(json.text).toContain('# Study plan: Coursework');
  });

  it('--format xml exits 2 naming the formats', async () => {
    const result = await cliWith(seededStore())(['plans', 'export', 'Coursework', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format "xml" is not a format; use json (a plan file) or md (a Markdown report).');
  });
});

describe('the Markdown report cannot be hijacked by text from files', () => {
  it.each([
    ['plain words', 'Health Care Ethics', 'Health Care Ethics'],
    ['a terminal escape', 'red\u001b[31malert', 'red\\\\x1b\\[31malert'],
    ['a newline (a new table row or heading)', 'a\n# b', 'a\\\\x0a\\# b'],
    ['a table cell break', 'a | b', 'a \\| b'],
    ['emphasis and code', '*x* _y_ `z` ~w~', '\\*x\\* \\_y\\_ \\`z\\` \\~w\\~'],
    ['a link and an image', '![i](http://x) [l](http://y)', '!\\[i\\](http://x) \\[l\\](http://y)'],
    ['HTML', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['an entity', '&#27; &amp; & fine', '\\&\\#27; \\&amp; & fine'],
    ['maths', 'costs $1 and $2', 'costs \\$1 and \\$2'],
    ['a list start', '- item', '\\- item'],
    ['an ordered-list start', '1. first', '1\\. first'],
    ['indentation (a code block)', '      code', 'code'],
    ['a bidirectional override', 'abc\u202Edef', 'abc\\\\u202edef'],
  ])('%s', (_what, text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  it('a plan naming hostile subjects yields a report with no control characters and intact tables', () => {
    const catalogue = loadCatalogue(undefined);
    const plan = {
      ...SEEDED.plans[0].plan,
      subjects: [...SEEDED.plans[0].plan.subjects, '\u001b]8;;http://evil\u0007click | me\n# Owned'],
    };
    const md = renderMarkdownReport({
      name: 'Mine | *yours*',
      updatedAt: '2024-09-01T12:00:00.000Z',
      judgement: judgePlan(catalogue, plan),
      catalogue,
    });
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(md).not.toMatch(/^# Owned/m);
    expect(md).toMatch(/^# Study plan: Mine \\\| \\\*yours\\\*$/m);
    // Every row of a table has as many cells as its header.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const blocks = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(blocks.length).toBeGreaterThan(4);
    for (const block of blocks) {
      const rows = block.split('\n');
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
  });
});

describe('plans with a broken store', () => {
  it('list, show, export and delete exit 2 naming the file, and leave it as it was', async () => {
    const dir = makeTempDir();
    const broken = fs.readFileSync(path.join(FIXTURES, 'wrong-shape.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'store.json'), broken);
    for (const args of [
      ['plans', 'list'],
      ['plans', 'show', 'x'],
      ['plans', 'export', 'x'],
      ['plans', 'delete', 'x', '--force'],
    ]) {
      const result = await cliWith(dir)(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`the store ${path.join(dir, 'store.json')} is not a valid store: at defaults.residency`);
    }
    expect(fs.readdirSync(dir)).toEqual(['store.json']);
    expect(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe(broken);
  });
});
