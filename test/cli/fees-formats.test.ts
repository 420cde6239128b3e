import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fees } from '../../src/cli/commands/fees.js';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { csvField } from '../../src/cli/render/bills-csv.js';
import { foldLine } from '../../src/cli/render/bills-ics.js';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const CATALOGUE = path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json');

/** RFC 4180 read back: quoted fields with doubled quotes, commas and line breaks inside them, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field === '' && fields.length === 0, 'the last record ends with CRLF').toBe(true);
  return records;
}

/** The calendar's events, unfolded, as maps of property name (before any ";" parameter) to value. */
function icsEvents(text: string): Map<string, string>[] {
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  expect(lines.pop()).toBe('');
  const events: Map<string, string>[] = [];
  let event: Map<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = new Map();
    else if (line === 'END:VEVENT') {
      events.push(event!);
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(':');
      event.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1));
    }
  }
  return events;
}

const unescapeText = (value: string) => value.replace(/\\([\\;,])/g, '$1').replace(/\\n/g, '\n');

/** A non-local plan without the fellowship: its later semesters are billed before the term and after add/drop. */
function nonLocalPlan(): string {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'), 'utf8'));
  const file = path.join(makeTempDir(), 'non-local.json');
  fs.writeFileSync(file, JSON.stringify({ ...plan, residency: 'non-local', fellowship: false }));
  return file;
}

async function byTermJson(file: string, extra: string[] = []) {
  const r = await runInProcess(['fees', '--plan', file, '--by-term', '--json', ...extra]);
  return JSON.parse(r.stdout) as {
    payable: number;
    initialPayment: number;
    terms: { name: string; instalments: { when: string; amount: number }[] }[];
  };
}

describe('fees --by-term --format csv', () => {
  it.each([['examples/part-time-schedule.json'], ['examples/full-time-schedule.json'], ['non-local']])(
    '%s: a header and one row per payment, which add up to the payable total',
    async (which) => {
      const file = which === 'non-local' ? nonLocalPlan() : which;
      const r = await runInProcess(['fees', '--plan', file, '--by-term', '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/\r\n$/);
      expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const [header, ...rows] = parseCsv(r.stdout);
      expect(header).toEqual(['term', 'when', 'due', 'amount', 'note']);
      const json = await byTermJson(file);
      const instalments = json.terms.flatMap((t) => t.instalments.map((x) => [t.name, x.when, String(x.amount)]));
      expect(rows.map(([term, when, , amount]) => [term, when, amount])).toEqual([
        [json.terms.find((t) => t.name)!.name, 'on accepting the offer', String(json.initialPayment)],
        ...instalments,
      ]);
      for (const row of rows) {
        expect(row).toHaveLength(5);
        expect(row[3]).toMatch(/^\d+$/);
        expect(row[2]).toMatch(row[1] === 'on accepting the offer' ? /^$/ : /^\d{4}-\d{2}-\d{2}$/);
      }
      expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(json.payable);
    },
  );

  it('dates each instalment from the terms: the day before the term, three weeks after it starts', async () => {
    const r = await runInProcess(['fees', '--plan', nonLocalPlan(), '--by-term', '--format', 'csv']);
    const rows = parseCsv(r.stdout).slice(1);
    const due = (term: string, when: string) => rows.find((row) => row[0] === term && row[1] === when)?.[2];
    expect(due('Semester Two 2024/25', 'before the term')).toBe('2024-12-31');
    expect(due('Semester One 2025/26', 'before the term')).toBe('2025-08-31');
    expect(due('Semester One 2025/26', 'after add/drop')).toBe('2025-09-22');
    expect(due('Semester Two 2025/26', 'after add/drop')).toBe('2026-01-22');
  });

  it('notes that the fellowship split is an estimate on the terms it is taken off', async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/part-time-schedule.json', '--by-term', '--format', 'csv']);
    const rows = parseCsv(r.stdout).slice(1);
    expect(rows[0]![4]).toBe('');
    for (const row of rows.slice(1)) expect(row[4]).toContain("the fellowship's split over terms is an estimate");
    const without = parseCsv((await runInProcess(['fees', '--plan', nonLocalPlan(), '--by-term', '--format', 'csv'])).stdout);
    for (const row of without) expect(row[4]).not.toContain('fellowship');
  });

  it('without a rule in the catalogue an after-add/drop instalment has an empty due date', async () => {
    const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
    for (const term of catalogue.terms) delete term.addDropDueDays;
    const file = path.join(makeTempDir(), 'catalogue.json');
    fs.writeFileSync(file, JSON.stringify(catalogue));
    const r = await runInProcess(['fees', '--catalogue', file, '--plan', nonLocalPlan(), '--by-term', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout).slice(1);
    expect(rows.filter((row) => row[1] === 'after add/drop').map((row) => row[2])).toEqual(['', '', '']);
    expect(rows.filter((row) => row[1] === 'before the term').every((row) => /^\d{4}-/.test(row[2]!))).toBe(true);

    const ics = await runInProcess(['fees', '--catalogue', file, '--plan', nonLocalPlan(), '--by-term', '--format', 'ics']);
    expect(ics.code).toBe(0);
    expect(icsEvents(ics.stdout)).toHaveLength(rows.filter((row) => row[1] === 'before the term').length);
    expect(ics.stderr).toMatch(
      /^study-planner: no due date can be worked out for Semester One 2025\/26 \(after add\/drop\), .*the calendar leaves them out\.\n$/,
    );
  });

  it('quotes as RFC 4180 asks, and never lets a cell start a formula', () => {
    expect(csvField('Semester One 2025/26')).toBe('Semester One 2025/26');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(parseCsv(`${['a, b', 'say "hi"', 'x'].map(csvField).join(',')}\r\n`)).toEqual([['a, b', 'say "hi"', 'x']]);
  });
});

describe('fees --by-term --format ics', () => {
  function capture(): { io: Io; out: () => string; err: () => string } {
    const text = { out: '', err: '' };
    const sink = (which: 'out' | 'err') => new Writable({ write: (chunk, _e, done) => void ((text[which] += String(chunk)), done()) });
    const io: Io = {
      stdout: sink('out'),
      stderr: sink('err'),
      stdin: new PassThrough().end(''),
      env: { STUDY_PLANNER_STORE_DIR: makeTempDir() },
    };
    return { io, out: () => text.out, err: () => text.err };
  }

  async function calendar(file: string, now = new Date(Date.UTC(2025, 6, 1, 9, 30, 5))) {
    const { io, out, err } = capture();
    const outcome = await fees(makeContext(io, {}), { plan: file, byTerm: true, format: 'ics' }, () => now);
    expect(err()).toBe('');
    expect(outcome).toBe('success');
    return out();
  }

  it.each([['examples/part-time-schedule.json'], ['examples/full-time-schedule.json'], ['non-local']])(
    '%s: one all-day event per instalment, whose amounts and the initial payment make the payable total',
    async (which) => {
      const file = which === 'non-local' ? nonLocalPlan() : path.join(ROOT, which);
      const text = await calendar(file);
      // CRLF after every line, none bare; no line over 75 octets.
      expect(text).toMatch(/\r\n$/);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);

      const json = await byTermJson(file);
      const instalments = json.terms.flatMap((t) => t.instalments.map((x) => ({ term: t.name, ...x })));
      const events = icsEvents(text);
      expect(events).toHaveLength(instalments.length);
      const amounts = events.map((e) => Number(/HK\$([\d,]+)$/.exec(unescapeText(e.get('SUMMARY')!))![1]!.replace(/,/g, '')));
      expect(amounts.reduce((a, b) => a + b, 0) + json.initialPayment).toBe(json.payable);
      events.forEach((event, i) => {
        const { term, when, amount } = instalments[i]!;
        expect(unescapeText(event.get('SUMMARY')!)).toBe(`Tuition: ${term}, ${when}: HK$${amount.toLocaleString('en-US')}`);
        expect(event.get('DTSTART')).toMatch(/^\d{8}$/);
        expect(event.get('DTSTAMP')).toBe('20250701T093005Z');
      });
      expect(new Set(events.map((e) => e.get('UID'))).size).toBe(events.length);
    },
  );

  it('escapes the summary and writes the due date as an all-day date', async () => {
    const text = await calendar(nonLocalPlan());
    expect(text).toContain(
      'DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\nSUMMARY:Tuition: Semester Two 2024/25\\, before the term: HK$17\\,250\r\n',
    );
  });

  it('gives the same plan the same event identifiers, whenever it is made, and another plan others', async () => {
    const uids = (text: string) => icsEvents(text).map((e) => e.get('UID'));
    const file = path.join(ROOT, 'examples', 'part-time-schedule.json');
    const first = await calendar(file, new Date(0));
    const again = await calendar(file, new Date(Date.UTC(2030, 0, 1)));
    expect(uids(again)).toEqual(uids(first));
    expect(first).not.toBe(again);
    expect(uids(await calendar(nonLocalPlan()))).not.toContain(uids(first)[0]);
  });

  it('keeps the identifiers of a plan file once it is changed, so its calendar imported again updates its events', async () => {
    const uids = (text: string) => icsEvents(text).map((e) => e.get('UID'));
    const file = path.join(makeTempDir(), 'mine.json');
    const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'part-time-schedule.json'), 'utf8'));
    fs.writeFileSync(file, JSON.stringify(plan));
    const before = uids(await calendar(file));
    // Listed in another order and spelling, and then with the fellowship: the same plan, changed.
    fs.writeFileSync(file, JSON.stringify({ ...plan, subjects: [...plan.subjects].reverse().map((s: string) => s.toUpperCase()) }));
    expect(uids(await calendar(file))).toEqual(before);
    // Read from standard input, a plan has no file: its subjects name it, in any order or spelling.
    const fromStdin = async (subjects: string[]) => {
      const { io, out } = capture();
      const piped: Io = { ...io, stdin: new PassThrough().end(JSON.stringify({ ...plan, subjects })) };
      await fees(makeContext(piped, {}), { plan: '-', byTerm: true, format: 'ics' }, () => new Date(0));
      return uids(out());
    };
    expect(await fromStdin([...plan.subjects].reverse())).toEqual(await fromStdin(plan.subjects));
    // Changed in what it bills: each term's instalment keeps its identifier (the plan's, then the term's).
    fs.writeFileSync(file, JSON.stringify({ ...plan, fellowship: !plan.fellowship }));
    const planPart = (uid: string | undefined) => uid!.split('-')[0];
    expect(new Set(uids(await calendar(file)).map(planPart))).toEqual(new Set(before.map(planPart)));
  });

  it('folds a long line at 75 octets without cutting a character in two', () => {
    const ascii = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(ascii);
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([75, 75, 60, 0]);
    expect(folded.replace(/\r\n /g, '')).toBe(`${ascii}\r\n`);
    const wide = `SUMMARY:${'學期'.repeat(40)}`;
    const lines = foldLine(wide).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.join('').replace(/^ /gm, '')).not.toContain('\ufffd');
    expect(foldLine(wide).replace(/\r\n /g, '')).toBe(`${wide}\r\n`);
  });
});

describe('fees --format', () => {
  it.each([
    [['--plan', 'examples/part-time-schedule.json', '--by-term', '--format', 'csv', '--json'], /--format csv and --json are two outputs/],
    [['--json', '--plan', 'examples/part-time-schedule.json', '--by-term', '--format', 'ics'], /--format ics and --json are two outputs/],
    [
      ['--plan', 'examples/part-time-schedule.json', '--format', 'csv'],
      /--format csv lists a plan's term bills: it needs --plan FILE and --by-term/,
    ],
    [['--residency', 'local', '--format', 'ics'], /--format ics lists a plan's term bills/],
    [['--residency', 'local', '--format', 'pdf'], /--format "pdf" is not a format of fees; use text, csv or ics\./],
  ])('%j is a usage error', async (args, message) => {
    const r = await runInProcess(['fees', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('text is the default, and --json stays as it was', async () => {
    const args = ['fees', '--plan', 'examples/part-time-schedule.json', '--by-term'];
    expect((await runInProcess([...args, '--format', 'text'])).stdout).toBe((await runInProcess(args)).stdout);
    expect((await runInProcess([...args, '--format', 'text', '--json'])).stdout).toBe((await runInProcess([...args, '--json'])).stdout);
  });
});
