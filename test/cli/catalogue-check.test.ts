import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitted } from '../../src/cli/commands/catalogue-check-render.js';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { catalogueSummary } from '../../src/domain/catalogue/authoring-summary.js';
import { checkCost, searchStates } from '../../src/domain/catalogue/check-cost.js';
import { STATE_BUDGET } from '../../src/domain/rules/search/state-search.js';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

type Json = Record<string, any>;

const PROGRAMMES = fs
  .readdirSync('test/fixtures/programmes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => `test/fixtures/programmes/${f}`);
const BUNDLED = fs
  .readdirSync('data')
  .filter((f) => f.endsWith('.json'))
  .map((f) => `data/${f}`);
const IT = 'test/fixtures/programmes/polyu-msc-information-technology-2024.json';

const dir = makeTempDir();
let written = 0;

/** A copy of the IT programme with `change` made, written as an author would (two-space indents). */
function variant(change: (c: Json) => void, base = IT): { file: string; text: string } {
  const catalogue = JSON.parse(fs.readFileSync(base, 'utf8')) as Json;
  change(catalogue);
  const text = `${JSON.stringify(catalogue, null, 2)}\n`;
  const file = path.join(dir, `variant-${++written}.json`);
  fs.writeFileSync(file, text);
  return { file, text };
}

/** What the text holds at a finding's line and column (in characters), up to the line's end. */
function textAt(text: string, finding: { line: number; column: number }): string {
  return [...text.split('\n')[finding.line - 1]!].slice(finding.column - 1).join('');
}

async function checkJson(file: string, ...flags: string[]) {
  const r = await runInProcess(['catalogue', 'check', '--json', ...flags, file]);
  return { ...r, result: JSON.parse(r.stdout) as Json };
}

describe.concurrent('catalogue check: the real programmes and the bundled catalogue', () => {
  it.each(PROGRAMMES)('%s is valid, judged by the search, within its budget', async (file) => {
    const { code, stderr, result } = await checkJson(file);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(result).toMatchObject({ file, valid: true, errors: [], warnings: [] });
    expect(result.summary).toMatchObject({ formatVersion: 2, judgedBy: 'search', stateBudget: STATE_BUDGET });
    expect(result.summary.searchStates).toBeGreaterThan(0);
    expect(result.summary.searchStates).toBeLessThanOrEqual(STATE_BUDGET);
    expect(result.summary.routes).toBe(result.summary.requirements.reduce((p: number, r: Json) => p * r.routes, 1));
  });

  it.each(BUNDLED)('%s is valid, of the first format, judged by the flow', async (file) => {
    const { code, result } = await checkJson(file);
    expect(code).toBe(0);
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.summary).toMatchObject({ formatVersion: 1, judgedBy: 'flow', searchStates: null, subjects: 39 });
    expect(result.summary.requirements.map((r: Json) => r.routes)).toEqual([1, 1, 1, 2]);
  });

  it('says what the MSc in Information Technology is made of, on stdout; its notes on stderr', async () => {
    const r = await runInProcess(['catalogue', 'check', IT], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${IT}: ✔ valid (format version 2): MSc in Information Technology`);
    expect(r.stdout).toContain('4 requirements, 9 routes through them; 22 subjects in 7 categories');
    expect(r.stdout).toContain('    Dissertation, Project and 1 elective, or 3 electives: 3 routes');
    expect(r.stdout).toMatch(/Judged by the search: [\d,]+ states for the plan with every subject \(limit 300,000\)/);
    expect(r.stdout).toContain('0 warnings, 4 notes, on standard error');
    // A low-confidence source is a note at its "confidence", never a warning.
    expect(r.stderr).toMatch(new RegExp(`^${IT}:\\d+:21: note: provenance\\[4\\]\\.confidence: "low" for /subjects: confirm`, 'm'));
  });

  it('the search cost it reports is the one loading bounds, for every real programme', () => {
    for (const file of PROGRAMMES) {
      const catalogue = loadCatalogue(file);
      expect(checkCost(catalogue)).toEqual([]);
      expect(catalogueSummary(catalogue).searchStates).toBe(searchStates(catalogue));
    }
  });
});

interface ErrorRow {
  name: string;
  change: (c: Json) => void;
  code: string;
  path: string;
  /** What the text holds where the finding points. */
  at: string;
}

const errorRows: ErrorRow[] = [
  {
    name: 'an unknown category deep in a requirement tree',
    change: (c) => (c.requirements[3].anyOf[1].allOf[1].from.categories[0] = 'no-such-category'),
    code: 'UNKNOWN_REFERENCE',
    path: 'requirements[3].anyOf[1].allOf[1].from.categories[0]',
    at: '"no-such-category"',
  },
  {
    name: 'an unknown subject',
    change: (c) => (c.requirements[3].anyOf[0].from.subjects[0] = 'no-such-subject'),
    code: 'UNKNOWN_REFERENCE',
    path: 'requirements[3].anyOf[0].from.subjects[0]',
    at: '"no-such-subject"',
  },
  {
    name: 'an unknown kind of term',
    change: (c) => (c.subjects[2].offeredIn = ['winter']),
    code: 'UNKNOWN_REFERENCE',
    path: 'subjects[2].offeredIn[0]',
    at: '"winter"',
  },
  {
    name: 'an exit award requiring an unknown requirement',
    change: (c) => (c.exitAwards = [{ id: 'pgdip', name: 'Postgraduate Diploma', credits: 21, requires: ['no-such'] }]),
    code: 'UNKNOWN_REFERENCE',
    path: 'exitAwards[0].requires[0]',
    at: '"no-such"',
  },
  {
    name: 'a duplicate subject identifier',
    change: (c) => (c.subjects[1].id = c.subjects[0].id),
    code: 'DUPLICATE_ID',
    path: 'subjects[1].id',
    at: '"data-structures-and-database-systems"',
  },
  {
    name: 'a nested identifier used twice',
    change: (c) => (c.requirements[3].anyOf[1].allOf[1].id = 'stream'),
    code: 'DUPLICATE_ID',
    path: 'requirements[3].anyOf[1].allOf[1].id',
    at: '"stream"',
  },
  {
    name: 'two subjects of one title',
    change: (c) => (c.subjects[1].title = c.subjects[0].title),
    code: 'NAME_CLASH',
    path: 'subjects[1]',
    at: '{',
  },
  {
    name: 'an unknown field, placed at its key',
    change: (c) => (c.subjects[2].colour = 'red'),
    code: 'UNKNOWN_FIELD',
    path: 'subjects[2].colour',
    at: '"colour": "red"',
  },
  {
    name: 'a missing field, placed at the object that lacks it',
    change: (c) => delete c.subjects[2].title,
    code: 'MISSING_FIELD',
    path: 'subjects[2].title',
    at: '{',
  },
  {
    name: 'a format version this program does not know',
    change: (c) => (c.schemaVersion = 3),
    code: 'INVALID',
    path: 'schemaVersion',
    at: '3,',
  },
  {
    name: 'credits with three decimals',
    change: (c) => (c.subjects[0].credits = 3.125),
    code: 'INVALID',
    path: 'subjects[0].credits',
    at: '3.125',
  },
  {
    name: 'more routes than the limit',
    change: (c) =>
      c.requirements.push({
        id: 'many',
        label: 'Eight of sixteen',
        nOf: 8,
        of: Array.from({ length: 16 }, (_, i) => ({
          id: `pick-${i}`,
          label: `Pick ${i}`,
          from: { categories: ['elective'] },
          atLeast: { subjects: 0 },
        })),
      }),
    code: 'TOO_MANY_ROUTES',
    path: 'requirements',
    at: '[',
  },
  {
    name: 'a requirement no plan can meet',
    change: (c) =>
      (c.requirements[1] = { id: 'many', label: 'Thirty electives', from: { categories: ['elective'] }, atLeast: { subjects: 30 } }),
    code: 'UNMEETABLE',
    path: 'requirements[1]',
    at: '{',
  },
  {
    name: 'a pool whose minimum is above its maximum',
    change: (c) => (c.requirements[2].anyOf[2].atMost = { subjects: 2 }),
    code: 'UNMEETABLE',
    path: 'requirements[2].anyOf[2].atLeast.subjects',
    at: '4',
  },
  {
    name: 'more credits required than every subject together',
    change: (c) => (c.creditsRequired = 500),
    code: 'UNMEETABLE',
    path: 'creditsRequired',
    at: '500,',
  },
  {
    name: 'an exit award needing the whole programme',
    change: (c) => (c.exitAwards = [{ id: 'pgdip', name: 'Postgraduate Diploma', credits: 40 }]),
    code: 'INVALID',
    path: 'exitAwards[0].credits',
    at: '40',
  },
  {
    name: 'provenance pointing outside the catalogue',
    change: (c) => (c.provenance[0].path = '/nowhere'),
    code: 'PROVENANCE_PATH',
    path: 'provenance[0].path',
    at: '"/nowhere"',
  },
];

describe.concurrent('catalogue check: errors, each at its line and column (exit 2)', () => {
  it.each(errorRows)('$name: $code at $path', async ({ change, code, path: where, at }) => {
    const { file, text } = variant(change);
    const { code: exit, result } = await checkJson(file);
    expect(exit).toBe(2);
    expect(result.valid).toBe(false);
    expect(result.summary).toBeNull();
    const finding = result.errors.find((e: Json) => e.path === where);
    expect(finding, JSON.stringify(result.errors)).toMatchObject({ code });
    expect(textAt(text, finding).startsWith(at)).toBe(true);
  });

  it('rules too hard to judge within the search budget', { timeout: 120_000 }, async () => {
    const { file } = variant((c) => {
      c.subjects.forEach((s: Json, k: number) => {
        if (s.category === 'elective') s.credits = Number((1 + 0.01 * (k * 7 + 3)).toFixed(2));
      });
      c.requirements.push({
        id: 'hard',
        label: 'Hard',
        allOf: Array.from({ length: 6 }, (_, j) => ({
          id: `h${j}`,
          label: `H${j}`,
          from: { categories: ['elective'] },
          atLeast: { credits: 0.01 },
          atMost: { credits: 100 },
          shared: true,
        })),
      });
    });
    const { code, result } = await checkJson(file);
    expect(code).toBe(2);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'TOO_HARD', path: 'requirements', message: expect.stringContaining('300,000 search states') }),
    ]);
  });

  it('prints each as a compiler does, and then the verdict, all on stderr', async () => {
    const { file, text } = variant((c) => {
      c.requirements[3].anyOf[0].from.subjects[0] = 'no-such-subject';
      c.subjects[2].category = 'no-such-category';
    });
    const r = await runInProcess(['catalogue', 'check', file], { env: { COLUMNS: '400' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // In the order of the file.
    expect(lines[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+: error: subjects\\[2\\]\\.category: names category "no-such-category"`));
    expect(lines[1]).toMatch(
      new RegExp(`^${file}:\\d+:\\d+: error: requirements\\[3\\]\\.anyOf\\[0\\]\\.from\\.subjects\\[0\\]: names subject "no-such-subject"`),
    );
    expect(lines[2]).toBe(`${file}: ✖ not valid: 2 errors; the catalogue will not load until they are fixed.`);
    const [, line, column] = /:(\d+):(\d+): error: requirements/.exec(lines[1]!)!;
    expect(textAt(text, { line: Number(line), column: Number(column) })).toMatch(/^"no-such-subject"/);
  });
});

describe.concurrent('catalogue check: warnings (exit 0; 1 with --strict) and notes', () => {
  const warningRows: { name: string; change: (c: Json) => void; code: string; path: string; at: string; says: RegExp }[] = [
    {
      name: 'a subject no requirement can count',
      change: (c) => {
        c.categories.push({ id: 'orphan', label: 'Orphans', adjective: 'orphan' });
        c.subjects.push({ id: 'lonely', title: 'Lonely Subject', category: 'orphan', credits: 3 });
      },
      code: 'UNUSED_SUBJECT',
      path: 'subjects[22]',
      at: '{',
      says: /"Lonely Subject" is in no pool of any route or limit/,
    },
    {
      name: 'a category with no subject',
      change: (c) => c.categories.push({ id: 'empty', label: 'Empty', adjective: 'empty' }),
      code: 'UNUSED_CATEGORY',
      path: 'categories[7]',
      at: '{',
      says: /"empty" has no subject/,
    },
    {
      name: 'titles differing only in spacing',
      change: (c) => (c.subjects[1].title = 'Data Structures and Data base Systems'),
      code: 'AMBIGUOUS_NAME',
      path: 'subjects[1].title',
      at: '"Data Structures and Data base Systems"',
      says: /differs from subjects\[0\]'s title "Data Structures and Database Systems" only in spacing/,
    },
    {
      name: "a code that reads as another subject's title",
      change: (c) => {
        c.subjects[4].title = 'Web Services';
        c.subjects[5].code = 'WEBSERVICES';
      },
      code: 'AMBIGUOUS_NAME',
      path: 'subjects[5].code',
      at: '"WEBSERVICES"',
      says: /"WEBSERVICES" differs from subjects\[4\]'s title "Web Services"/,
    },
    {
      name: 'provenance pointing at nothing',
      change: (c) => (c.provenance[1].path = '/subjects/no-such-subject/code'),
      code: 'PROVENANCE_PATH',
      path: 'provenance[1].path',
      at: '"/subjects/no-such-subject/code"',
      says: /points at nothing in this catalogue/,
    },
  ];

  it.each(warningRows)('$name: $code at $path', async ({ change, code, path: where, at, says }) => {
    const { file, text } = variant(change);
    const { code: exit, result } = await checkJson(file);
    expect(exit).toBe(0);
    expect(result.valid).toBe(true);
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning).toMatchObject({ code, path: where, message: expect.stringMatching(says) });
    expect(textAt(text, warning).startsWith(at)).toBe(true);
    expect((await checkJson(file, '--strict')).code).toBe(1);
  });

  it('takes provenance paths by index, by id and with *', async () => {
    const { file } = variant((c) => {
      c.provenance = [
        { path: '/subjects/0/credits', confidence: 'high', source: 'page' },
        { path: '/subjects/project', confidence: 'high', source: 'page' },
        { path: '/modes/*/load/semester-one', confidence: 'high', source: 'page' },
        { path: '/subjects/*/nothing', confidence: 'high', source: 'page' },
        { path: '/subjects/22', confidence: 'high', source: 'page' },
      ];
    });
    const { result } = await checkJson(file);
    expect(result.warnings.map((w: Json) => w.path)).toEqual(['provenance[3].path', 'provenance[4].path']);
  });

  it('a subject only a limit names counts towards the credits: no warning', async () => {
    const { result } = await checkJson('test/fixtures/programmes/usyd-master-of-computer-science-2025.json');
    expect(result.warnings).toEqual([]);
  });

  it('notes alone pass --strict', async () => {
    const { code, result } = await checkJson(IT, '--strict');
    expect(code).toBe(0);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(result.notes.every((n: Json) => n.code === 'LOW_CONFIDENCE')).toBe(true);
  });

  it('quotes a title that differs only in spacing as it is, in words too', async () => {
    const { file } = variant((c) => (c.subjects[1].title = 'Data Structures and Data  base Systems'));
    const r = await runInProcess(['catalogue', 'check', file], { env: { COLUMNS: '60' } });
    // Shown with one space, the title would read as another than the file's.
    expect(r.stderr.replace(/\n +/g, ' ')).toMatch(/"Data Structures and Data {2}base Systems" differs from/);
  });

  it('a warning in words on stderr; the summary counts it', async () => {
    const { file } = variant((c) => c.categories.push({ id: 'empty', label: 'Empty', adjective: 'empty' }));
    const r = await runInProcess(['catalogue', 'check', file], { env: { COLUMNS: '400' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${file}:\\d+:5: warning: categories\\[7\\]: "empty" has no subject`, 'm'));
    expect(r.stdout).toContain('1 warning, 4 notes, on standard error');
  });
});

describe.concurrent('catalogue check: files, standard input and output', () => {
  it('reads standard input for -', async () => {
    const r = await runInProcess(['catalogue', 'check', '--json', '-'], { stdin: fs.readFileSync(IT) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '-', valid: true });
    const human = await runInProcess(['catalogue', 'check', '-'], { stdin: fs.readFileSync(IT) });
    expect(human.stdout).toMatch(/^standard input: ✔ valid/);
  });

  it('--json: one object, every key, nothing on stderr', async () => {
    const { stderr, result } = await checkJson(IT);
    expect(stderr).toBe('');
    expect(Object.keys(result)).toEqual(['file', 'valid', 'errors', 'warnings', 'notes', 'summary']);
    expect(Object.keys(result.notes[0])).toEqual(['code', 'message', 'path', 'line', 'column']);
  });

  it('a file that does not exist: exit 2, UNREADABLE, no place', async () => {
    const r = await checkJson('no-such-catalogue.json');
    expect(r.code).toBe(2);
    expect(r.result).toMatchObject({ valid: false, summary: null, warnings: [], notes: [] });
    expect(r.result.errors).toEqual([
      { code: 'UNREADABLE', message: 'does not exist; check the path', path: '', line: null, column: null },
    ]);
    const human = await runInProcess(['catalogue', 'check', 'no-such-catalogue.json']);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('no-such-catalogue.json: error: does not exist; check the path');
  });

  it('text that is not JSON: exit 2, MALFORMED, at its line and column', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{\n  "schemaVersion": 2,\n  "id": oops\n}\n');
    const { code, result } = await checkJson(file);
    expect(code).toBe(2);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'MALFORMED', line: 3, column: 9 })]);
  });

  it('a JSON value that is not a catalogue at all', async () => {
    const file = path.join(dir, 'array.json');
    fs.writeFileSync(file, '[1, 2]');
    const { code, result } = await checkJson(file);
    expect(code).toBe(2);
    expect(result.errors).toEqual([{ code: 'INVALID', message: 'must be a JSON object, not an array', path: '', line: 1, column: 1 }]);
  });

  it('escapes control characters from the file and its name', async () => {
    const { file } = variant((c) => {
      c.categories.push({ id: 'orphan', label: 'Orphans', adjective: 'orphan' });
      c.subjects.push({ id: 'lonely', title: 'Bad\u001b[31m Title\u202e', category: 'orphan', credits: 3 });
    });
    const named = path.join(dir, 'evil\u001b[2J.json');
    fs.copyFileSync(file, named);
    const r = await runInProcess(['catalogue', 'check', named]);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stderr).toContain('Bad\\x1b[31m Title\\u202e');
    expect(r.stdout).toContain('evil\\x1b[2J.json: ✔ valid');
    const json = await runInProcess(['catalogue', 'check', '--json', named]);
    expect(json.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(json.stdout).warnings[0].message).toContain('Bad\u001b[31m Title\u202e');
  });

  it.each([40, 60, 80])('fits %i columns, each finding starting at the margin', async (columns) => {
    const { file } = variant((c) => {
      c.categories.push({ id: 'empty', label: 'Empty', adjective: 'empty' });
      c.subjects[1].title = 'Data Structures and Data base Systems';
    });
    const shown = path.relative(process.cwd(), file);
    const r = await runInProcess(['catalogue', 'check', shown], { env: { COLUMNS: String(columns) } });
    const prefix = new RegExp(`^${shown}:\\d+:\\d+: (warning|note):`);
    for (const line of [...r.stdout.split('\n'), ...r.stderr.split('\n')]) {
      // A finding's place, or the file's name, is never broken (an editor reads it): only it may run past the width.
      if (!prefix.test(line) && !line.startsWith(`${shown}: `)) expect(line.length).toBeLessThanOrEqual(columns);
      expect(/^ /.test(line) || prefix.test(line) || line.startsWith(`${shown}: `) || line === '').toBe(true);
    }
    expect(r.stderr.match(new RegExp(`^${shown}:`, 'gm'))).toHaveLength(6);
  });

  it('usage: a missing file, a missing or unknown subcommand', async () => {
    expect((await runInProcess(['catalogue', 'check'])).stderr).toContain("missing required argument 'file'");
    const none = await runInProcess(['catalogue']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('catalogue needs a subcommand: check');
    const typo = await runInProcess(['catalogue', 'chek', 'x.json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "study-planner catalogue check"?');
  });

  it('checks the file named, whatever --catalogue loads', async () => {
    const r = await runInProcess(['--catalogue', 'no-such.json', 'catalogue', 'check', IT]);
    expect(r.code).toBe(0);
  });

  it('--help shows its examples', async () => {
    const r = await runInProcess(['catalogue', 'check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: study-planner catalogue check [options] <file>');
    expect(r.stdout).toContain('--strict');
    expect(r.stdout).toContain('cat programme.json | study-planner catalogue check -');
  });
});

describe('catalogue check: a finding fitted to the width', () => {
  it.each([
    ['file:1:2: warning:', 'a message that ends here', 80, 'file:1:2: warning: a message that ends here'],
    ['file:1:2: warning:', 'a message that ends here', 30, 'file:1:2: warning: a message\n    that ends here'],
    // The first line full, then only the spaces that ended the text: no line of indent alone.
    ['file:1:2: warning:', 'a message   ', 28, 'file:1:2: warning: a message'],
    ['file:1:2: warning:', 'quotes "Data  base" as it is', 80, 'file:1:2: warning: quotes "Data  base" as it is'],
  ])('%j then %j at %i columns', (prefix, text, width, shown) => {
    expect(fitted(prefix, text, width)).toBe(shown);
  });
});
