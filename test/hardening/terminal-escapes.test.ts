// Subject titles, labels, names and file names holding terminal escape sequences: an OSC 52
// clipboard write, cursor moves and a clear screen, a window-title change, a C1 CSI and a bidi
// override. On screen they must arrive as inert, visible text; under --json as plain escaped JSON
// that gives back the original string.
import fs from 'node:fs';
import path from 'node:path';
import pty from '@lydell/node-pty';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN, expectHarmless, expectJson, expectOrderly, makeTempDir, ROOT, runCli } from './cli.js';

const CATALOGUE = 'test/fixtures/hardening/escapes-catalogue.json';
const PLAN = 'test/fixtures/hardening/escapes-plan.json';
const SCHEDULED = 'test/fixtures/hardening/escapes-scheduled-plan.json';
const data = JSON.parse(fs.readFileSync(path.join(ROOT, CATALOGUE), 'utf8')) as { subjects: { id: string; title: string }[] };
const title = (id: string) => data.subjects.find((s) => s.id === id)!.title;
const withCatalogue = (...args: string[]) => runCli(['--catalogue', CATALOGUE, ...args]);

describe('escape sequences in a catalogue reach the screen harmless', () => {
  it('the fixture really holds them', () => {
    expect(title('epidemiology')).toContain('\u001b]52;c;');
    expect(title('project-management')).toContain('\u001b[2J\u001b[H');
    expect(title('big-data-computing')).toContain('\u202e');
    expect(title('health-care-ethics')).toContain('\u009b');
  });

  it('in the subjects table, as visible escapes', async () => {
    const result = await withCatalogue('subjects');
    expectOrderly(result, [0]);
    expectHarmless(result.stdout, 'subjects');
    // The title column is narrow, so a long title wraps; each escape shows whole.
    for (const shown of ['\\x1b[2J', '\\x1b[H', '\\x1b]52;c;', '\\u202e', '\\x9b2J']) expect(result.stdout).toContain(shown);
  });

  it('in check reports, their errors and the schedule', async () => {
    const result = await withCatalogue('check', PLAN, SCHEDULED);
    expectOrderly(result, [1]);
    expectHarmless(result.stdout, 'check report');
    expectHarmless(result.stderr, 'check stderr');
    expect(result.stdout).toContain('Epidemiology \\x1b]52;c;cm0gLXJmIH4K\\x07');
    expect(result.stdout).toContain('"\\x1b]52;c;ZXZpbA==\\x07Unknown \\u202eSubject" is not a subject');
    expect(result.stdout).toContain('\\x1b[2JSemester \\u202eThree 2024/25" is not a term');
    expect(result.stdout).toContain('Core subjects \\x1b]0;pwned\\x07');
  });

  it('in error messages: a bad category, a file name, a catalogue problem', async () => {
    const category = await withCatalogue('subjects', '--category', '\u001b[2Jcore\u202e');
    expectOrderly(category, [2]);
    expectHarmless(category.stderr, 'category error');
    expect(category.stderr).toContain('--category "\\x1b[2Jcore\\u202e"');

    const dir = makeTempDir();
    const file = path.join(dir, '\u001b]52;c;cGxhbg==\u0007plan\u202e.json');
    fs.writeFileSync(file, '{"residency": "local", "subjects": [}');
    const broken = await runCli(['check', file]);
    expectOrderly(broken, [2]);
    expectHarmless(broken.stderr, 'file error');
    expect(broken.stderr).toContain('\\x1b]52;c;cGxhbg==\\x07plan\\u202e.json');

    const bad = JSON.parse(fs.readFileSync(path.join(ROOT, CATALOGUE), 'utf8')) as Record<string, unknown>;
    bad['\u001b[2J\u202e'] = 1;
    (bad.subjects as { credits: unknown }[])[0]!.credits = '\u001b]52;c;eA==\u0007';
    const catalogueFile = path.join(dir, 'bad-catalogue.json');
    fs.writeFileSync(catalogueFile, JSON.stringify(bad));
    const rejected = await runCli(['--catalogue', catalogueFile, 'subjects']);
    expectOrderly(rejected, [2]);
    expectHarmless(rejected.stderr, 'catalogue error');
  });

  it('under --json: plain escaped JSON that gives back the original strings', async () => {
    const subjects = await withCatalogue('subjects', '--json');
    expectOrderly(subjects, [0]);
    expectHarmless(subjects.stdout, 'subjects --json');
    const list = expectJson(subjects) as { id: string; title: string }[];
    for (const id of ['epidemiology', 'project-management', 'big-data-computing', 'health-care-ethics']) {
      expect(list.find((s) => s.id === id)!.title).toBe(title(id));
    }
    expect(subjects.stdout).toContain('\\u202e');

    const check = await withCatalogue('check', '--json', PLAN);
    expectOrderly(check, [1]);
    expectHarmless(check.stdout, 'check --json');
    const [result] = expectJson(check) as { errors: { code: string; message: string }[] }[];
    const unknown = JSON.parse(fs.readFileSync(path.join(ROOT, PLAN), 'utf8')).subjects.at(-1) as string;
    expect(result!.errors.find((e) => e.code === 'UNKNOWN_SUBJECT')!.message).toContain(unknown);

    const compare = await withCatalogue('compare', '--json', PLAN, SCHEDULED);
    expectOrderly(compare, [0, 1]);
    expectHarmless(compare.stdout, 'compare --json');
    const routes = (expectJson(compare) as { route: { label: string } }[]).map((c) => c.route.label);
    expect(routes).toEqual(['3 more \u202e subjects', '3 more \u202e subjects']);

    // A saved default that is a path holding a bidi override.
    const storeDir = makeTempDir();
    const odd = path.join(makeTempDir(), 'cat\u202egol.json');
    fs.copyFileSync(path.join(ROOT, CATALOGUE), odd);
    expectOrderly(await runCli(['config', 'set', 'catalogue', odd], { storeDir }), [0]);
    const config = await runCli(['config', 'get', '--json'], { storeDir });
    expectOrderly(config, [0]);
    expectHarmless(config.stdout, 'config get --json');
    expect((expectJson(config) as { catalogue: string }).catalogue).toBe(odd);
  });

  it('in the Markdown export of a saved plan, and its report', async () => {
    const storeDir = makeTempDir();
    const flags = [
      '--residency',
      'local',
      '--mode',
      'full-time',
      '--core',
      'epidemiology',
      'project-management',
      '--elective',
      'big-data-computing',
      'health-care-ethics',
      '--route',
      'dissertation',
    ];
    const saved = await runCli(['--catalogue', CATALOGUE, 'plan', '--no-input', ...flags, '--name', 'escapes'], { storeDir });
    expectOrderly(saved, [0]);
    expectHarmless(saved.stdout, 'plan report');
    const markdown = await runCli(['--catalogue', CATALOGUE, 'plans', 'export', 'escapes', '--format', 'md'], { storeDir });
    expectOrderly(markdown, [0]);
    expectHarmless(markdown.stdout, 'Markdown export');
    // Escaped for the terminal, then for Markdown: \\x1b\\]52;c; shows as \x1b]52;c; when rendered.
    expect(markdown.stdout).toMatch(/\\\\x1b\\?\]52;c;/);
    const show = await runCli(['--catalogue', CATALOGUE, 'plans', 'show', 'escapes'], { storeDir });
    expectOrderly(show, [0]);
    expectHarmless(show.stdout, 'plans show');
  });

  it("in the planner's prompts, in a real terminal", async () => {
    const storeDir = makeTempDir();
    const child = pty.spawn(process.execPath, [BIN, '--catalogue', CATALOGUE, 'plan'], {
      name: 'xterm-256color',
      cols: 100,
      rows: 40,
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color', STUDY_PLANNER_STORE_DIR: storeDir },
    });
    let raw = '';
    child.onData((data) => (raw += data));
    const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
    onTestFinished(() => child.kill());
    const waitFor = async (text: string) => {
      for (const start = Date.now(); !raw.includes(text); ) {
        if (Date.now() - start > 15_000) throw new Error(`no "${text}" on the screen; it shows:\n${raw.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor('local or a non-local student');
    child.write('\r');
    await waitFor('How will you study?');
    child.write('\x1b[B');
    child.write('\r');
    // The core subjects' list: titles with a clipboard write and a clear screen in them.
    await waitFor('\\x1b]52;c;');
    await waitFor('Project Management');
    child.write('\x03');
    expect(await exited).toBe(130);
    // The prompts draw with escape sequences of their own; none of the catalogue's may pass.
    for (const dangerous of ['\x1b]52', '\x1b]0;', '\x07', '\u202e', '\x9b', '\x1b[2J', '\x1b[H']) {
      expect(raw.includes(dangerous), `the terminal received ${JSON.stringify(dangerous)}`).toBe(false);
    }
  });
});
