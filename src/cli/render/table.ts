import { createRequire } from 'node:module';
import type CliTable3 from 'cli-table3';
import type { Style } from './style.js';
import { displayWidth, padToWidth } from './text-width.js';
import { wrapLines } from './wrap.js';

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
  /** Extra width goes to flexible columns when the terminal is wider than the sum. */
  flexible?: boolean;
}

// Lines per cli-table3 table (see renderTable).
const TABLE_SLICE = 20;

const PLAIN = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

// A column squeezed below this (or below its own width, if smaller) cannot be read: the table is
// shown as one block per row instead.
const READABLE_COLUMN = 10;

/** One block per row: its first cell, then each other cell under its header, for narrow screens. */
export function renderStacked(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, width: number): string {
  const labelWidth = Math.max(...columns.slice(1).map((c) => displayWidth(c.header))) + 2;
  return rows
    .map((row) => {
      const lines = wrapLines(row[0] ?? '', width).map((line) => style.bold(line));
      columns.slice(1).forEach((column, i) => {
        const cell = row[i + 1] ?? '';
        const [first, ...rest] = wrapLines(cell, width - 2 - labelWidth);
        lines.push(
          `  ${padToWidth(`${column.header}:`, labelWidth)}${first ?? ''}`,
          ...rest.map((line) => `${' '.repeat(2 + labelWidth)}${line}`),
        );
      });
      return lines.map((line) => line.trimEnd()).join('\n');
    })
    .join('\n');
}

// No column narrower than this: a word is cut into pieces of at least this many columns.
const MIN_COLUMN = 6;

/** The columns at the widths they ask for, with the two spaces between each. */
export function naturalWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0) + (columns.length - 1) * 2;
}

/**
 * Column widths for a `width`-column screen: spare room goes to the flexible columns (up to 160
 * columns in all); when the screen is narrower than the natural widths, the flexible columns
 * give up room first, then the widest of the others, never below MIN_COLUMN.
 */
export function fitColumns(columns: readonly Column[], width: number): number[] {
  const natural = naturalWidth(columns);
  const flexible = columns.filter((c) => c.flexible).length;
  if (natural <= width) {
    const spare = flexible > 0 ? Math.max(0, Math.min(width, 160) - natural) : 0;
    return columns.map((c) => c.width + (c.flexible ? Math.floor(spare / flexible) : 0));
  }
  const widths = columns.map((c) => c.width);
  let excess = natural - width;
  const shrink = (eligible: (i: number) => boolean) => {
    while (excess > 0) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (eligible(i) && w > MIN_COLUMN && (widest === -1 || w > widths[widest]!)) widest = i;
      });
      if (widest === -1) return;
      widths[widest]!--;
      excess--;
    }
  };
  shrink((i) => columns[i]!.flexible === true);
  shrink(() => true);
  return widths;
}

/** Whether the columns, fitted to `width`, can still be read side by side; renderTable stacks them when not. */
export function fitsSideBySide(columns: readonly Column[], width: number): boolean {
  return fitColumns(columns, width).every((w, i) => w >= Math.min(columns[i]!.width, READABLE_COLUMN));
}

/** What renderTable gives cli-table3: no borders, no padding, two spaces between columns. */
export function tableOptions(columns: readonly Column[], colWidths: number[], head: string[]) {
  return {
    head,
    colWidths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    // We wrap cells ourselves: cli-table3 truncates words longer than a column.
    wordWrap: false,
    chars: PLAIN,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  };
}

type TableCell = string | { content: string; colSpan: number };

// Text whose width cli-table3's own measure (string-width 4) and ours agree on.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A line's cells as cli-table3 is given them: the empty cells at its end, which a wrapped cell's
 * further lines are mostly made of, become one cell spanning their columns, joined to the cell
 * before them when that one is left-aligned plain ASCII. Each cell costs cli-table3 tens of
 * microseconds on a cold start (`subjects` has about 475, a third of them such blanks); every
 * line is trimmed at its end, so the line drawn is the same. (cli-table3 cuts a cell it measures
 * wider than its column, and measures some emoji wider than we do: such a cell keeps its own
 * width, so it is cut, or not, as before.)
 */
export function foldTrailingBlanks(line: readonly string[], columns: readonly Column[]): TableCell[] {
  let filled = line.length;
  while (filled > 0 && line[filled - 1] === '') filled--;
  const blanks = line.length - filled;
  const last = filled - 1;
  if (blanks > 0 && last >= 0 && (columns[last]?.align ?? 'left') === 'left' && PRINTABLE_ASCII.test(line[last]!))
    return [...line.slice(0, last), { content: line[last]!, colSpan: blanks + 1 }];
  if (blanks > 1) return [...line.slice(0, filled), { content: '', colSpan: blanks }];
  return [...line];
}

/**
 * A borderless table fitted to `width` columns: long cells wrap inside their column. Headers are
 * coloured by us, never by cli-table3, which would colour them even when piped.
 */
// cli-table3 is CommonJS, so it can be loaded synchronously when a table is first drawn: the
// commands that import this module only for renderSummary (check, plan --json) never load it.
// Written as one call so that scripts/bundle.mjs can turn it into a require it bundles.
let tableClass: CliTable3 | undefined;
const Table = (): CliTable3 => (tableClass ??= createRequire(import.meta.url)('cli-table3') as CliTable3);

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, width = 80): string {
  if (!fitsSideBySide(columns, width)) return renderStacked(columns, rows, style, width);
  const colWidths = fitColumns(columns, width);
  // One table row per line of text: cli-table3 measures a multi-line cell again for every line it
  // draws, and without borders or padding the output is the same. It lays a table out in time that
  // grows with the square of its rows (minutes for a catalogue of 10,000 subjects), so the lines are
  // drawn in slices that share the column widths.
  const lines = rows.flatMap((row) => {
    const cells = row.map((cell, i) => wrapLines(cell, colWidths[i]!));
    const height = Math.max(1, ...cells.map((cellLines) => cellLines.length));
    return Array.from({ length: height }, (_, line) => cells.map((cellLines) => cellLines[line] ?? ''));
  });
  const slices: string[] = [];
  for (let start = 0; start === 0 || start < lines.length; start += TABLE_SLICE) {
    const table = new (Table())(tableOptions(columns, colWidths, start === 0 ? columns.map((c) => style.bold(c.header)) : []));
    table.push(...lines.slice(start, start + TABLE_SLICE).map((line) => foldTrailingBlanks(line, columns)));
    slices.push(table.toString());
  }
  return slices
    .join('\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * Two columns, label and value, with a rule under the last row but one: a summary, at most `width`
 * columns wide. A label's leading spaces indent it (a part of the row above); a label too long for
 * its column wraps, indented, with the value on its last line.
 */
export function renderSummary(rows: readonly (readonly [string, string])[], style: Style, totalRow = true, width = 80): string {
  const valueWidth = Math.max(...rows.map(([, value]) => displayWidth(value)));
  const labelWidth = Math.min(Math.max(...rows.map(([label]) => displayWidth(label))), Math.max(12, width - 2 - valueWidth));
  const blocks = rows.map(([label, value], i) => {
    const indent = label.length - label.trimStart().length;
    const text = label.trimStart();
    // Continuation lines are indented 2 more, so a label that wraps is wrapped 2 narrower.
    const parts = displayWidth(text) <= labelWidth - indent ? [text] : wrapLines(text, labelWidth - indent - 2);
    const lines = parts.map((part, j) => {
      const line = `${' '.repeat(indent + (j > 0 ? 2 : 0))}${part}`;
      return j === parts.length - 1 ? `${padToWidth(line, labelWidth)}  ${padToWidth(value, valueWidth, 'right')}` : line;
    });
    return totalRow && i === rows.length - 1 ? lines.map((line) => style.bold(line)) : lines;
  });
  if (totalRow && blocks.length > 1) blocks.splice(blocks.length - 1, 0, ['─'.repeat(labelWidth + 2 + valueWidth)]);
  return blocks.flat().join('\n');
}
