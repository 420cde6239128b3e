import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript without declarations
import { REWRITES, rewriteSource } from '../../scripts/cli-table3-hotspots.mjs';
import { propertyRuns } from '../support/property-runs.js';

// scripts/bundle.mjs rewrites parts of cli-table3's src/cell.js, debug.js and utils.js for speed.
// Here cli-table3 is drawn twice, as installed and with the rewrites, on tables that use what the
// rewritten code reads: border characters for the table and per cell (by both their names,
// "top-mid" and "topMid"), paddings, column spans, headers, debugging, wrapping, and text with
// colour codes and line breaks. No table here has row spans: some send cli-table3's layout into an
// endless loop, installed or rewritten. (The rewritten code treats the lines of a row span as any
// other line; this program draws none.)

type Drawable = unknown[] & { toString(): string };
type TableClass = new (options: object) => Drawable;

const SRC = path.join(path.dirname(createRequire(import.meta.url).resolve('cli-table3')), 'src');
const installed = createRequire(path.join(SRC, 'table.js'));

/** cli-table3's modules with `transform` applied to each file of its src/ (its dependencies are the installed ones). */
function cliTable3With(transform: (text: string, file: string) => string): (name: string) => unknown {
  const loaded = new Map<string, unknown>();
  const load = (name: string): unknown => {
    if (!['./cell', './debug', './layout-manager', './table', './utils'].includes(name)) return installed(name);
    if (!loaded.has(name)) {
      const file = path.join(SRC, `${name.slice(2)}.js`);
      const text = fs.readFileSync(file, 'utf8');
      const module = { exports: {} as unknown };
      const wrapper = vm.runInThisContext(`(function (exports, require, module) {${transform(text, file)}\n})`, {
        filename: file,
      }) as (exports: unknown, require: (name: string) => unknown, module: { exports: unknown }) => void;
      wrapper(module.exports, load, module);
      loaded.set(name, module.exports);
    }
    return loaded.get(name);
  };
  return load;
}

const original = cliTable3With((text) => text);
const rewritten = cliTable3With(rewriteSource);

interface LaidOutCell {
  chars?: Record<string, unknown>;
  mergeTableOptions(options: object, cells: LaidOutCell[][]): void;
}

/** Every cell's border characters, as table.js works them out for one drawing. */
function charsOfCells(load: (name: string) => unknown, definition: { options: object; rows: unknown[][] }) {
  const { options, rows } = structuredClone(definition);
  const merged = (installed('./utils') as { mergeOptions(o: object): object }).mergeOptions(options);
  const cells = (load('./layout-manager') as { makeTableLayout(rows: unknown[][]): LaidOutCell[][] }).makeTableLayout(rows);
  cells.forEach((row) => row.forEach((c) => c.mergeTableOptions(merged, cells)));
  return cells.flat().map((c) => c.chars);
}

const CHAR_NAMES = ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right'];
const MORE_NAMES = ['left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'];
const camel = (name: string) => name.replace(/-(.)/, (_, c: string) => c.toUpperCase());

// Characters by either name, sometimes both, sometimes null or undefined (which fall through).
const chars = fc.dictionary(
  fc.constantFrom(...CHAR_NAMES, ...MORE_NAMES, ...[...CHAR_NAMES, ...MORE_NAMES].map(camel)),
  fc.constantFrom('-', '=', '|', '+', '', '#', null, undefined),
  { maxKeys: 8 },
);

// Text with colour codes (a colour left open runs on to the next line), line breaks and wide characters.
const TEXTS = [
  '',
  'a',
  'Big Data',
  '健康',
  '3',
  '\u001b[31mred\u001b[39m',
  '\u001b[1mbold\nstill bold\u001b[22m',
  'two\nlines',
  'a long cell of words',
];

const cell = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.record(
    {
      content: fc.constantFrom(...TEXTS),
      colSpan: fc.integer({ min: 1, max: 3 }),
      chars,
      style: fc.record(
        { 'padding-left': fc.integer({ min: 0, max: 2 }), paddingRight: fc.integer({ min: 0, max: 2 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['content'] },
  ),
);

const tableDefinition = fc.record({
  options: fc.record(
    {
      chars,
      head: fc.array(fc.constantFrom('H', 'Head', ''), { maxLength: 4 }),
      colWidths: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 4 }),
      wordWrap: fc.boolean(),
      // Kept messages name each cell's text, cut to ten columns.
      debug: fc.constantFrom(false, true, 1, 2, 3),
      style: fc.record(
        { head: fc.constant([]), border: fc.constant([]), 'padding-left': fc.integer({ min: 0, max: 2 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
});

/** The drawing and the debugging messages kept, or the error cli-table3 throws for a table it cannot lay out. */
function drawing(load: (name: string) => unknown, definition: { options: object; rows: unknown[][] }): string {
  // Each copy gets its own objects: cli-table3 writes into the options it is given.
  const { options, rows } = structuredClone(definition);
  const debug = load('./debug') as { reset(): void; setDebugLevel(level: number): void; debugMessages(): string[] };
  debug.reset();
  // The level outlives the table that set it; each drawing starts from none.
  debug.setDebugLevel(0);
  try {
    const table = new (load('./table') as TableClass)(options);
    table.push(...rows);
    return [table.toString(), table.toString(), ...debug.debugMessages()].join('\n');
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

describe("the bundle's rewrites of cli-table3", () => {
  it('each finds its original in the installed cli-table3, exactly once', () => {
    for (const { file, original } of REWRITES as { file: string; original: string }[])
      expect(fs.readFileSync(path.join(SRC, file), 'utf8').split(original), file).toHaveLength(2);
    const cell = fs.readFileSync(path.join(SRC, 'cell.js'), 'utf8');
    expect(() => rewriteSource(cell.replace('nameA.join', 'nameA.concat'), 'cell.js')).toThrow(/setOption is not the code/);
  });

  it('draw every table, and keep every debugging message, as the installed cli-table3 does', () => {
    fc.assert(
      fc.property(tableDefinition, (definition) => {
        expect(drawing(rewritten, definition)).toBe(drawing(original, definition));
      }),
      { numRuns: propertyRuns(1_000, 200) },
    );
  });

  it("give each cell the same border characters, by the same keys in the same order, in an object of the cell's own", () => {
    fc.assert(
      fc.property(tableDefinition, (definition) => {
        let cells: (Record<string, unknown> | undefined)[];
        try {
          cells = charsOfCells(rewritten, definition);
        } catch {
          return; // a table cli-table3 cannot lay out (the drawing test compares the error)
        }
        const expected = charsOfCells(original, definition);
        expect(cells).toEqual(expected);
        cells.forEach((chars, i) => chars && expect(Object.keys(chars)).toEqual(Object.keys(expected[i]!)));
        const own = cells.filter((chars) => chars !== undefined);
        expect(new Set(own).size).toBe(own.length);
      }),
      { numRuns: propertyRuns(500, 100) },
    );
  });
});
