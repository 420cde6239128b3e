// Bad input tried on purpose, one case a test, through the built program.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, expectJson, expectOrderly, lines, makeTempDir, ROOT, runCli, runMeasured } from './cli.js';
import { generateCatalogue, generatePlan } from './generated-programme.mjs';

const write = (dir: string, name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** The one `check --json` result for a file that could not be used. */
function failure(stdout: string) {
  const [result] = JSON.parse(stdout) as { valid: boolean; credits: unknown; fees: unknown; errors: { code: string; message: string }[] }[];
  expect(result).toMatchObject({ valid: false, credits: null, fees: null });
  return result!.errors;
}

describe('files that are not plans', () => {
  it('an empty file: exit 2, "is empty", for a plan and for a catalogue', async () => {
    const file = write(makeTempDir(), 'empty.json', '');
    const check = await runCli(['check', file]);
    expectOrderly(check, [2]);
    expect(check.stderr).toContain(`${file} is empty; expected a JSON object`);
    const json = await runCli(['check', '--json', file]);
    expect(failure(json.stdout)).toEqual([{ code: 'MALFORMED', message: expect.stringContaining('is empty') }]);
    const catalogue = await runCli(['--catalogue', file, 'subjects']);
    expectOrderly(catalogue, [2]);
    expect(lines(catalogue.stderr)).toEqual([`study-planner: catalogue ${file} is empty; expected a JSON object`]);
  });

  it('a directory given as FILE: exit 2, "is a directory"', async () => {
    const dir = makeTempDir();
    const check = await runCli(['check', dir]);
    expectOrderly(check, [2]);
    expect(check.stderr).toContain(`${dir} is a directory, not a file`);
    const json = await runCli(['check', '--json', dir]);
    expect(failure(json.stdout)).toEqual([{ code: 'UNREADABLE', message: expect.stringContaining('is a directory') }]);
    const catalogue = await runCli(['--catalogue', dir, 'subjects']);
    expectOrderly(catalogue, [2]);
    expect(catalogue.stderr).toMatch(/is a directory, not a file/);
  });

  it('a binary file: exit 2, "is a binary file"', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.from('IHDR\u0000\u0001\u001b[2J'),
    ]);
    const file = write(makeTempDir(), 'photo.json', png);
    const check = await runCli(['check', file]);
    expectOrderly(check, [2]);
    expect(lines(check.stderr)).toEqual([expect.stringContaining(`${file} is a binary file, not JSON text`)]);
    const catalogue = await runCli(['--catalogue', file, 'subjects']);
    expect(catalogue.stderr).toContain('is a binary file');
  });

  it('a 200 MB file: refused by its size, at once, without reading it', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'huge.json');
    // Sparse: 200 MB long, no disk used; reading it would still cost 200 MB of memory.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 200 * 1024 * 1024);
    const small = await runMeasured(['check', path.join(ROOT, 'examples', 'dissertation.json')]);
    const plan = await runMeasured(['check', file]);
    expectOrderly(plan, [2]);
    expect(plan.stderr).toContain(`${file} is 200.0 MiB, over the 4 MiB limit for this kind of file`);
    expect(plan.peakMiB - small.peakMiB, `peak ${plan.peakMiB} MiB against ${small.peakMiB} MiB for a small plan`).toBeLessThan(40);
    expect(plan.ms).toBeLessThan(10_000);
    const catalogue = await runMeasured(['--catalogue', file, 'subjects']);
    expectOrderly(catalogue, [2]);
    expect(catalogue.stderr).toContain('is 200.0 MiB, over the 64 MiB limit');
    expect(catalogue.peakMiB - small.peakMiB).toBeLessThan(40);
  });

  it('200 MB on standard input: reading stops at the limit', async () => {
    const child = spawn(process.execPath, [BIN, 'check', '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.on('error', () => {}); // the program stops reading; the rest cannot be written
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    let sent = 0;
    Readable.from(
      (function* () {
        while (sent < 200) {
          sent++;
          yield chunk;
        }
      })(),
    ).pipe(child.stdin);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('standard input is over the 4 MiB limit');
    expect(sent).toBeLessThan(200);
  });

  it.each([
    ['an array', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
    ['a subject list', (n: number) => `{"residency":"local","subjects":${'['.repeat(n)}${']'.repeat(n)}}`],
  ])('JSON nested 100,000 deep (%s): exit 2 with a clear message', async (_what, nest) => {
    const dir = makeTempDir();
    const file = write(dir, 'deep.json', nest(100_000));
    const check = await runMeasured(['check', file]);
    expectOrderly(check, [2]);
    expect(lines(check.stderr).length).toBeLessThanOrEqual(4);
    expect(check.stderr).toContain(file);
    expect(check.ms).toBeLessThan(10_000);
    const json = await runCli(['check', '--json', file]);
    expect(failure(json.stdout)[0]!.code).toBe('MALFORMED');
  });

  it('JSON nested 100,000 deep as a catalogue: exit 2 with one sentence', async () => {
    const file = write(makeTempDir(), 'deep-catalogue.json', `{"subjects":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const catalogue = await runCli(['--catalogue', file, 'subjects']);
    expectOrderly(catalogue, [2]);
    expect(lines(catalogue.stderr)).toEqual([expect.stringContaining(`catalogue ${file} is not valid`)]);
  });

  it('a plan naming 100,000 subjects: judged, with a report of readable length', async () => {
    const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json'), 'utf8')) as {
      subjects: { id: string }[];
    };
    const names = Array.from({ length: 100_000 }, (_, i) =>
      i % 2 === 0 ? catalogue.subjects[i % catalogue.subjects.length]!.id : `Unknown Subject ${i}`,
    );
    const file = write(makeTempDir(), 'many.json', JSON.stringify({ residency: 'local', subjects: names }));
    const report = await runMeasured(['check', file]);
    expectOrderly(report, [1]);
    expect(report.ms).toBeLessThan(20_000);
    expect(lines(report.stdout).length).toBeLessThan(150);
    expect(report.stdout).toContain('and 49980 more names that are not subjects of this programme');
    expect(report.stdout).toMatch(/and \d+ more subjects listed more than once/);
    const json = await runCli(['check', '--json', file]);
    const [result] = expectJson(json) as { valid: boolean; errors: { code: string }[] }[];
    expect(result!.valid).toBe(false);
    expect(result!.errors.filter((e) => e.code === 'UNKNOWN_SUBJECT')).toHaveLength(21);
    expect(result!.errors.filter((e) => e.code === 'DUPLICATE_SUBJECT')).toHaveLength(21);
  });

  it('a plan whose 100,000 subjects are all of the wrong type: the first problems, then a count', async () => {
    const file = write(
      makeTempDir(),
      'numbers.json',
      JSON.stringify({ residency: 'local', subjects: Array.from({ length: 100_000 }, (_, i) => i) }),
    );
    const report = await runCli(['check', file]);
    expectOrderly(report, [2]);
    expect(lines(report.stderr)).toHaveLength(21);
    expect(report.stderr).toContain(`${file}: subjects[19] must be a subject name (a string)`);
    expect(report.stderr).toContain(`${file}: and 99980 more problems like these`);
    const json = await runCli(['check', '--json', file]);
    expect(failure(json.stdout)).toHaveLength(21);
  });

  it('a catalogue of 10,000 subjects: loads, and subjects and check work in reasonable time', async () => {
    const dir = makeTempDir();
    const data = generateCatalogue(10_000);
    const file = write(dir, 'large-catalogue.json', JSON.stringify(data));
    const planFile = write(dir, 'plan.json', JSON.stringify(generatePlan(data, 100)));
    const table = await runMeasured(['--catalogue', file, 'subjects']);
    expectOrderly(table, [0]);
    expect(table.stdout).toContain('10000 subjects');
    expect(table.stdout).toContain('elective-006996');
    expect(table.ms).toBeLessThan(20_000);
    const list = await runCli(['--catalogue', file, 'subjects', '--json', '--search', 'elective topic number 6997']);
    expect((expectJson(list) as { id: string }[]).map((s) => s.id)).toEqual(['elective-006997']);
    const check = await runMeasured(['--catalogue', file, 'check', planFile]);
    expectOrderly(check, [0]);
    expect(check.stdout).toContain('✔ valid');
    expect(check.ms).toBeLessThan(20_000);
  });
});

describe('a catalogue that no plan can meet', () => {
  it('is refused when loaded: exit 2, saying which requirement cannot be met', async () => {
    const result = await runCli(['--catalogue', 'test/fixtures/hardening/unmeetable-catalogue.json', 'subjects']);
    expectOrderly(result, [2]);
    expect(lines(result.stderr)).toEqual([
      expect.stringContaining(
        'at requirements[1]: "Methods subjects" cannot be met by any plan, even one with every subject in the catalogue (it would still need 5 more methods subjects)',
      ),
    ]);
    expect(result.stdout).toBe('');
  });

  it('is refused for a check too, before any plan is read', async () => {
    const result = await runCli([
      '--catalogue',
      'test/fixtures/hardening/unmeetable-catalogue.json',
      'check',
      '--json',
      'examples/dissertation.json',
    ]);
    expectOrderly(result, [2]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot be met by any plan');
  });

  it('credits required beyond every subject together: exit 2, saying so', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/invented-programme.json'), 'utf8')) as {
      creditsRequired: number;
    };
    data.creditsRequired = 500;
    const file = write(makeTempDir(), 'greedy.json', JSON.stringify(data));
    const result = await runCli(['--catalogue', file, 'subjects']);
    expectOrderly(result, [2]);
    expect(result.stderr).toMatch(/at creditsRequired: is 500, but all the subjects together carry only \d+ credits/);
  });
});
