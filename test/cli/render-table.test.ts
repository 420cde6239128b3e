import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTrailingBlanks, tableOptions, type Column } from '../../src/cli/render/table.js';
import { displayWidth } from '../../src/cli/render/text-width.js';
import { propertyRuns } from '../support/property-runs.js';

const Table = createRequire(import.meta.url)('cli-table3') as new (options: object) => unknown[] & { toString(): string };

/** What renderTable makes of cli-table3's drawing: each line trimmed at its end. */
function draw(columns: readonly Column[], colWidths: number[], lines: readonly (readonly unknown[])[]): string {
  const table = new Table(tableOptions(columns, colWidths, []));
  table.push(...lines);
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

// Cells as renderTable hands them over: already wrapped to their column, so never wider than it.
// Emoji with a variation selector or a skin tone, and combining marks: cli-table3 measures some
// of them wider than we do, and then cuts them.
const WORDS = ['', '', '', 'a', 'Big Data', 'x-y-z', '健康', 'é', '3', '  spaced', 'end ', 'love ❤️', '❤️', 'e\u0301t\u0301', '👍🏽'];

const table = fc
  .array(
    fc.record({ align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), width: fc.integer({ min: 1, max: 12 }) }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((specs) => {
    const columns: Column[] = specs.map((s, i) => ({ header: `c${i}`, width: s.width, ...(s.align ? { align: s.align } : {}) }));
    const cell = (width: number) => fc.constantFrom(...WORDS).filter((w) => displayWidth(w) <= width);
    const line = fc.tuple(...specs.map((s) => cell(s.width)));
    return fc.tuple(fc.constant(columns), fc.array(line, { minLength: 1, maxLength: 8 }));
  });

describe('folding the blank cells at the end of a line (renderTable)', () => {
  it.each([
    [['a', '', ''], ['left', 'left', 'right'], [{ content: 'a', colSpan: 3 }]],
    [
      ['a', 'b', ''],
      ['left', 'right', 'left'],
      ['a', 'b', ''],
    ],
    [
      ['a', 'b', '', ''],
      ['left', 'right', 'left', 'left'],
      ['a', 'b', { content: '', colSpan: 2 }],
    ],
    [['', '', ''], ['left', 'left', 'left'], [{ content: '', colSpan: 3 }]],
    [
      ['a', 'b', 'c'],
      ['left', 'left', 'left'],
      ['a', 'b', 'c'],
    ],
    [
      ['a', '❤️', ''],
      ['left', 'left', 'left'],
      ['a', '❤️', ''],
    ],
    [
      ['❤️', '', ''],
      ['left', 'left', 'left'],
      ['❤️', { content: '', colSpan: 2 }],
    ],
  ] as const)('%j, aligned %j, is given as %j', (line, aligns, folded) => {
    const columns = aligns.map((align, i) => ({ header: `c${i}`, width: 5, align }));
    expect(foldTrailingBlanks(line, columns)).toEqual(folded);
  });

  it('draws every line as its cells unfolded do', () => {
    fc.assert(
      fc.property(table, ([columns, lines]) => {
        const widths = columns.map((c) => c.width);
        expect(
          draw(
            columns,
            widths,
            lines.map((line) => foldTrailingBlanks(line, columns)),
          ),
        ).toBe(draw(columns, widths, lines));
      }),
      { numRuns: propertyRuns(400, 100) },
    );
  });
});
