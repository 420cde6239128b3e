import type { CatalogueSummary } from '../../domain/catalogue/authoring-summary.js';
import type { Finding, Severity } from '../../domain/catalogue/authoring.js';
import { plural } from '../../domain/rules/wording.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle, MARK, type Style } from '../render/style.js';
import { displayWidth } from '../render/text-width.js';
import { wrap, wrapLines } from '../render/wrap.js';

/** A finding with its place in the file; a file that could not be read has no place (null). */
export interface PlacedFinding extends Finding {
  line: number | null;
  column: number | null;
}

export interface CheckedCatalogue {
  file: string;
  valid: boolean;
  findings: PlacedFinding[];
  summary: CatalogueSummary | null;
}

// A file with thousands of broken entries gets a readable report; --json lists every finding.
const MAX_SHOWN = 200;
const INDENT = '    ';

// Counts here can run to hundreds of thousands (search states): grouped, as 300,000.
const grouped = (n: number) => n.toLocaleString('en');

function ofSeverity(findings: readonly PlacedFinding[], severity: Severity) {
  return findings
    .filter((f) => f.severity === severity)
    .map(({ code, message, path, line, column }) => ({ code, message, path, line, column }));
}

/** The --json result: `file`, `valid`, `errors`, `warnings`, `notes`, `summary` (null unless valid). */
export function renderJson(checked: CheckedCatalogue): string {
  const { file, valid, findings, summary } = checked;
  return `${safeJson({
    file,
    valid,
    errors: ofSeverity(findings, 'error'),
    warnings: ofSeverity(findings, 'warning'),
    notes: ofSeverity(findings, 'note'),
    summary,
  })}\n`;
}

/**
 * `prefix` and then `text` in lines of `width` columns at most. The prefix (a finding's place) is
 * never broken, so an editor can read it; the text's later lines are indented, so each finding
 * starts at the margin.
 */
export function fitted(prefix: string, text: string, width: number): string {
  // Split at each space, as wrapLines does: a quoted name's run of spaces is shown as it is.
  const words = text.split(' ');
  let first = prefix;
  let taken = 0;
  // Whole words only beside the prefix: a word cut there would read as two.
  while (taken < words.length && displayWidth(first) + 1 + displayWidth(words[taken]!) <= width) first += ` ${words[taken++]}`;
  first = first.replace(/ +$/, '');
  // Spaces that ended the text are no line of their own.
  if (words.slice(taken).every((w) => w === '')) return first;
  const more = wrapLines(words.slice(taken).join(' '), width - INDENT.length).map((line) => INDENT + line);
  return [first, ...more].join('\n');
}

const LABEL: Record<Severity, (style: Style) => (text: string) => string> = {
  error: (s) => s.bad,
  warning: (s) => s.warn,
  note: (s) => s.dim,
};

/** `text` with `word` coloured where it follows `prefix` at the start (a file's name may hold the same word). */
function colourAfter(text: string, prefix: string, word: string, colour: (t: string) => string): string {
  return text.startsWith(prefix + word) ? prefix + colour(word) + text.slice(prefix.length + word.length) : text;
}

/** One finding as compilers print one: `FILE:LINE:COLUMN: error: PATH: MESSAGE`. */
function findingLine(shown: string, f: PlacedFinding, style: Style, width: number): string {
  const place = safeLine(f.line === null ? shown : `${shown}:${f.line}:${f.column}`);
  // As the loader says it (io/catalogue.ts): "at requirements[1].from: names subject ...".
  const subject = f.path === '' ? '' : `${f.path}: `;
  const label = `${f.severity}:`;
  // Colour only the label, once the text is wrapped, so wrapping counts the text alone.
  return colourAfter(fitted(`${place}: ${label}`, safeLine(subject + f.message), width), `${place}: `, label, LABEL[f.severity](style));
}

/** `text` (already safe) at `indent` columns, wrapped within `width` under its own start. */
function indented(text: string, indent: number, width: number): string {
  return ' '.repeat(indent) + wrap(text, width, indent);
}

function summaryLines(shown: string, summary: CatalogueSummary, findings: readonly PlacedFinding[], style: Style, width: number): string {
  const requirements = plural(summary.requirements.length, 'requirement', 'requirements', grouped);
  const routes = plural(summary.routes, 'route', 'routes', grouped);
  const subjects = plural(summary.subjects, 'subject', 'subjects', grouped);
  const categories = plural(summary.categories, 'category', 'categories', grouped);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - warnings;
  const head = fitted(`${shown}: ${MARK.ok} valid`, `(format version ${summary.formatVersion}): ${safeLine(summary.programme)}`, width);
  return [
    colourAfter(head, `${shown}: `, `${MARK.ok} valid`, style.ok),
    indented(`${requirements}, ${routes} through them; ${subjects} in ${categories}`, 2, width),
    ...summary.requirements.map((r) => indented(`${safeLine(r.label)}: ${plural(r.routes, 'route', 'routes', grouped)}`, 4, width)),
    indented(
      summary.searchStates === null
        ? 'Judged by the flow, exact for rules of the first format: no search needed'
        : `Judged by the search: ${plural(summary.searchStates, 'state', 'states', grouped)} for the plan with every subject (limit ${grouped(summary.stateBudget)})`,
      2,
      width,
    ),
    indented(
      warnings + notes === 0
        ? 'No warnings.'
        : `${plural(warnings, 'warning', 'warnings', grouped)}, ${plural(notes, 'note', 'notes', grouped)}, on standard error`,
      2,
      width,
    ),
  ].join('\n');
}

/** The human report: findings on stderr (as compilers print them), the summary of a valid catalogue on stdout. */
export function renderHuman(
  checked: CheckedCatalogue,
  options: { width: number; colour: boolean; errColour: boolean },
): { out: string; err: string } {
  const shown = checked.file === '-' ? 'standard input' : checked.file;
  const errStyle = makeStyle(options.errColour);
  const shownFindings = checked.findings.slice(0, MAX_SHOWN).map((f) => findingLine(shown, f, errStyle, options.width));
  const hidden = checked.findings.length - MAX_SHOWN;
  if (hidden > 0) shownFindings.push(`and ${plural(hidden, 'more finding', 'more findings', grouped)}; --json lists every one`);
  let err = shownFindings.map((line) => `${line}\n`).join('');
  if (!checked.valid) {
    const errors = checked.findings.filter((f) => f.severity === 'error').length;
    const safeShown = safeLine(shown);
    const verdict = fitted(
      `${safeShown}: ${MARK.bad} not valid:`,
      `${plural(errors, 'error', 'errors', grouped)}; the catalogue will not load until they are fixed.`,
      options.width,
    );
    err += `${colourAfter(verdict, `${safeShown}: `, MARK.bad, errStyle.bad)}\n`;
    return { out: '', err };
  }
  return { out: `${summaryLines(safeLine(shown), checked.summary!, checked.findings, makeStyle(options.colour), options.width)}\n`, err };
}
