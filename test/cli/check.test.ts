import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const COMPULSORY = [
  'SN5023',
  'Information Technology in Healthcare',
  'professional-development-in-health-informatics',
  'Academic Integrity and Ethics',
];
const ESC = '\x1b';
const JSON_KEYS = ['file', 'valid', 'credits', 'requirements', 'errors', 'warnings', 'fees'];

function write(dir: string, name: string, content: string | Buffer | object): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return file;
}

function subdirectory(dir: string, name: string): string {
  fs.mkdirSync(path.join(dir, name));
  return path.join(dir, name);
}

function parseJsonOutput(stdout: string): any {
  // The whole of stdout is one JSON document: nothing before it, nothing after it.
  return JSON.parse(stdout);
}

describe.concurrent('check', () => {
  it('a valid plan: exit 0 and a report of what counts where', async () => {
    const r = await runInProcess(['check', 'examples/dissertation.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('examples/dissertation.json: ✔ valid');
    expect(r.stdout).toContain('route: Dissertation');
    expect(r.stdout).toContain('✔ Core subjects');
    expect(r.stdout).toContain('Epidemiology, Project Management');
    expect(r.stdout).toMatch(/Fellowship\s+-HK\$120,000/);
    expect(r.stdout).toMatch(/Payable\s+HK\$52,500/);
    expect(r.stdout).not.toContain(ESC);
  });

  it('a plan giving a key twice is MALFORMED (exit 2), never priced on whichever came last', async () => {
    const dir = makeTempDir();
    const file = write(dir, 'twice.json', '{"residency":"local","subjects":["SN5023"],"residency":"non-local"}');
    const r = await runInProcess(['check', '--json', file]);
    expect(r.code).toBe(2);
    const [verdict] = parseJsonOutput(r.stdout);
    expect(verdict).toMatchObject({ valid: false, fees: null, errors: [{ code: 'MALFORMED' }] });
    expect(verdict.errors[0].message).toContain('gives the key "residency" twice in one object, the second time at line 1, column 44');
  });

  it('an invalid plan: exit 1, the problem in words, with a suggestion', async () => {
    const r = await runInProcess(['check', 'examples/incomplete.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/incomplete.json: ✖ invalid');
    expect(r.stdout).toContain('"Epidemology" is not a subject of this programme. Did you mean Epidemiology?');
  });

  it('what is missing, as docs/json-and-exit-codes.md shows it in --json', async () => {
    const dir = makeTempDir();
    const file = write(dir, 'plan.json', {
      residency: 'local',
      subjects: [...COMPULSORY, 'Epidemiology', 'Project Management', 'Big Data Computing', 'Dissertation'],
    });
    const r = await runInProcess(['check', '--json', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const [result] = parseJsonOutput(r.stdout);
    expect(Object.keys(result)).toEqual(JSON_KEYS);
    expect(result).toMatchObject({ file, valid: false, credits: { planned: 28, required: 31 }, warnings: [] });
    expect(result.requirements.find((x: any) => x.id === 'elective')).toEqual({
      id: 'elective',
      label: 'Elective subjects',
      satisfied: false,
      counted: ['big-data-computing'],
      missing: '1 more elective subject',
    });
    expect(result.requirements.find((x: any) => x.id === 'dissertation-or-coursework')).toEqual({
      id: 'dissertation-or-coursework',
      label: 'Dissertation or 3 more subjects',
      satisfied: true,
      counted: ['dissertation'],
      missing: null,
      option: 'dissertation',
    });
    expect(result.errors).toEqual([{ code: 'REQUIREMENT_UNMET', message: 'Elective subjects: still needs 1 more elective subject.' }]);
    // An example plan: 28 credits, 27 of them charged (Academic Integrity and Ethics is free).
    expect(result.fees).toEqual({
      currency: 'HKD',
      credits: 28,
      chargedCredits: 27,
      perCredit: 5750,
      tuition: 155_250,
      initialPayment: 17_250,
      fellowship: 0,
      payable: 155_250,
    });
    expect(Object.keys(result.fees)).toEqual([
      'currency',
      'credits',
      'chargedCredits',
      'perCredit',
      'tuition',
      'initialPayment',
      'fellowship',
      'payable',
    ]);
  });

  it('every file is checked, in order, bad ones still get their object; exit 2', async () => {
    const dir = makeTempDir();
    const files = [
      'examples/dissertation.json',
      path.join(dir, 'missing.json'),
      subdirectory(dir, 'a-directory'),
      write(dir, 'malformed.json', '{"residency": "local", "subjects": [}'),
      write(dir, 'empty.json', ''),
      write(dir, 'binary.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00, 0x7d])),
      write(dir, 'wrong-shape.json', { residency: 'local', subjects: 'SN5023' }),
      write(dir, 'array.json', []),
      'examples/incomplete.json',
      'examples/coursework.json',
    ];
    const r = await runInProcess(['check', '--json', ...files]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const results = parseJsonOutput(r.stdout);
    expect(results.map((x: any) => x.file)).toEqual(files);
    for (const result of results) expect(Object.keys(result)).toEqual(JSON_KEYS);
    expect(results.map((x: any) => x.valid)).toEqual([true, false, false, false, false, false, false, false, false, true]);
    expect(results.map((x: any) => x.errors[0]?.code ?? null)).toEqual([
      null,
      'UNREADABLE',
      'UNREADABLE',
      'MALFORMED',
      'MALFORMED',
      'MALFORMED',
      'MALFORMED',
      'MALFORMED',
      'UNKNOWN_SUBJECT',
      null,
    ]);
    for (const failed of results.slice(1, 8)) {
      expect(failed).toMatchObject({ valid: false, credits: null, requirements: [], warnings: [], fees: null });
      expect(failed.errors[0].message).toContain(failed.file);
    }
    expect(results[1].errors[0].message).toContain('does not exist');
    expect(results[2].errors[0].message).toContain('is a directory');
    expect(results[3].errors[0].message).toContain('is not valid JSON');
    expect(results[4].errors[0].message).toContain('is empty');
    expect(results[5].errors[0].message).toContain('binary');
    expect(results[6].errors[0].message).toContain('subjects must be a list of subject names');
    expect(results[7].errors[0].message).toContain('must be a JSON object, not an array');
  });

  it('human output: bad files on stderr, the others still reported, and a tally', async () => {
    const dir = makeTempDir();
    const missing = path.join(dir, 'nope.json');
    const r = await runInProcess(['check', 'examples/dissertation.json', missing, 'examples/incomplete.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing} does not exist`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('examples/dissertation.json: ✔ valid');
    expect(r.stdout).toContain('examples/incomplete.json: ✖ invalid');
    expect(r.stdout).toContain('3 plans checked: 1 valid, 1 invalid, 1 could not be read.');
  });

  it('valid and invalid together: exit 1', async () => {
    expect((await runInProcess(['check', 'examples/dissertation.json', 'examples/incomplete.json'])).code).toBe(1);
    expect((await runInProcess(['check', 'examples/dissertation.json', 'examples/coursework.json'])).code).toBe(0);
  });

  it('a file without read permission is UNREADABLE', async () => {
    const dir = makeTempDir();
    const file = write(dir, 'secret.json', { residency: 'local', subjects: [] });
    fs.chmodSync(file, 0o000);
    // Root reads it anyway (as CI may run): refuse it as the system refuses anyone else.
    const openSync = fs.openSync;
    const refuse = vi.spyOn(fs, 'openSync').mockImplementation((target, ...rest) => {
      if (target === file) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return openSync(target, ...rest);
    });
    try {
      const r = await runInProcess(['check', '--json', file]);
      expect(r.code).toBe(2);
      expect(parseJsonOutput(r.stdout)[0].errors[0]).toMatchObject({
        code: 'UNREADABLE',
        message: expect.stringContaining('permission denied'),
      });
    } finally {
      refuse.mockRestore();
    }
  });

  it('no file at all is a usage error', async () => {
    const r = await runInProcess(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'file'");
    expect(r.stdout).toBe('');
  });

  it('--json before or after the command, stdout is JSON and nothing else', async () => {
    for (const args of [
      ['--json', 'check', 'examples/coursework.json'],
      ['check', 'examples/coursework.json', '--json'],
    ]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(parseJsonOutput(r.stdout)).toHaveLength(1);
      expect(r.stdout.endsWith(']\n')).toBe(true);
    }
  });

  it('plans of the invented programme, with --catalogue', async () => {
    const dir = makeTempDir();
    const foundation = ['DS100', 'Academic Integrity'];
    const methods = ['Survey Methods', 'Causal Inference', 'Qualitative Research'];
    const valid = write(dir, 'valid.json', {
      catalogue: 'invented-msc-data-stewardship-2030',
      residency: 'non-local',
      fellowship: true,
      subjects: [...foundation, ...methods, 'Data Curation Lab', 'Digital Preservation', 'Capstone Project'],
    });
    const short = write(dir, 'short.json', {
      residency: 'local',
      subjects: [...foundation, ...methods, 'Archival Science', 'Open Data & Law', 'Metadata Design', 'Capstone Project'],
    });
    const other = write(dir, 'other.json', { catalogue: 'polyu-msc-health-informatics-2024', residency: 'local', subjects: foundation });
    const r = await runInProcess(['--catalogue', 'test/fixtures/invented-programme.json', 'check', '--json', valid, short, other]);
    expect(r.code).toBe(1);
    const [a, b, c] = parseJsonOutput(r.stdout);
    expect(a).toMatchObject({
      valid: true,
      credits: { planned: 27, required: 27 },
      fees: { currency: 'EUR', tuition: 10_400, fellowship: 3000, payable: 7400 },
    });
    expect(b.requirements.find((x: any) => x.id === 'options')).toMatchObject({
      satisfied: false,
      missing: '1 more credit of optional subjects',
    });
    expect(c.valid).toBe(false);
    expect(c.errors.map((e: any) => e.code)).toContain('CATALOGUE_MISMATCH');

    const human = await runInProcess(['check', '--catalogue', 'test/fixtures/invented-programme.json', valid]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/✔ Optional credits .*8\/8 cr/);
    expect(human.stdout).toMatch(/Payable\s+EUR 7,400/);
  });

  it('a broken catalogue: exit 2, naming the file and the JSON path, no stack trace', async () => {
    const dir = makeTempDir();
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/invented-programme.json'), 'utf8'));
    json.requirements[1].rule.from.categories = ['method'];
    const broken = write(dir, 'broken.json', json);
    const r = await runInProcess(['check', '--catalogue', broken, 'examples/dissertation.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toContain('requirements[1].rule.from.categories[0]');
    expect(r.stderr).toContain('names category "method"');
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);

    const malformed = await runInProcess([
      '--catalogue',
      write(dir, 'malformed.json', '{"id": '),
      'check',
      '--json',
      'examples/dissertation.json',
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stdout).toBe('');
    expect(malformed.stderr).toContain('malformed.json is not valid JSON');

    const missing = await runInProcess(['--catalogue', path.join(dir, 'absent.json'), 'check', 'examples/dissertation.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.json does not exist');
  });
});

describe.concurrent('check: control characters and colour', () => {
  it('a title with escape sequences is printed escaped, and stays plain JSON in --json', async () => {
    const dir = makeTempDir();
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/invented-programme.json'), 'utf8'));
    const evil = `Data ${ESC}[31mStewardship${ESC}[0m ${ESC}]0;pwned\u0007Principles\u009b2J`;
    json.subjects[0].title = evil;
    const catalogue = write(dir, 'evil.json', json);
    // Leave the subject out, so its title is named in what is missing.
    const plan = write(dir, 'plan.json', { residency: 'local', subjects: ['Academic Integrity', `${ESC}[2J`] });

    const human = await runInProcess(['--catalogue', catalogue, 'check', plan]);
    expect(human.code).toBe(1);
    expect(human.stdout + human.stderr).not.toMatch(/[\x1b\x07\x9b]/);
    expect(human.stdout).toContain('Data \\x1b[31mStewardship\\x1b[0m \\x1b]0;pwned\\x07Principles\\x9b2J');
    expect(human.stdout).toContain('"\\x1b[2J" is not a subject of this programme');

    const machine = await runInProcess(['--catalogue', catalogue, 'check', '--json', plan]);
    expect(machine.stdout).not.toMatch(/[\x1b\x07]/);
    expect(machine.stdout).toContain('\\u001b[31m');
    const [result] = parseJsonOutput(machine.stdout);
    expect(result.requirements[0].missing).toContain(evil);
    expect(result.errors.map((e: any) => e.message).join('\n')).toContain(`"${ESC}[2J" is not a subject`);

    const list = await runInProcess(['--catalogue', catalogue, 'subjects']);
    expect(list.stdout).not.toMatch(/[\x1b\x07\x9b]/);
    expect(list.stdout).toContain('\\x1b[31m');
  });

  it('piped output has no escape codes', async () => {
    const r = await runInProcess(['check', 'examples/dissertation.json', 'examples/incomplete.json']);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it('in a terminal: colour, unless NO_COLOR or --no-color', async () => {
    const coloured = await runInProcess(['check', 'examples/incomplete.json'], { isTTY: true });
    expect(coloured.code).toBe(1);
    expect(coloured.stdout).toContain(`${ESC}[`);
    expect(coloured.stdout).toContain('✖ invalid');

    const noColorEnv = await runInProcess(['check', 'examples/incomplete.json'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColorEnv.code).toBe(1);
    expect(noColorEnv.stdout).toContain('✖ invalid');
    expect(noColorEnv.stdout).not.toContain(ESC);

    const noColorFlag = await runInProcess(['--no-color', 'check', 'examples/incomplete.json'], { isTTY: true });
    expect(noColorFlag.stdout).toContain('✖ invalid');
    expect(noColorFlag.stdout).not.toContain(ESC);
  });
});
