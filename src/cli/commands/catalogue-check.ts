import { authoringFindings, errorFinding, type Finding } from '../../domain/catalogue/authoring.js';
import { catalogueSummary } from '../../domain/catalogue/authoring-summary.js';
import { jsonLocator } from '../../domain/catalogue/json-position.js';
import { parseCatalogue } from '../../domain/catalogue/validate.js';
import { colourOnStderr, type Context } from '../context.js';
import { MAX_CATALOGUE_BYTES } from '../io/limits.js';
import { FileError, parseJson, readTextFile } from '../io/read-file.js';
import { readStdinText } from '../io/stdin.js';
import type { Outcome } from '../outcome.js';
import { renderHuman, renderJson, type CheckedCatalogue, type PlacedFinding } from './catalogue-check-render.js';
import { statusText } from '../render/status.js';
import { refuseDuplicateKeys } from '../io/duplicate-keys.js';

export interface CatalogueCheckOptions {
  /** Warnings fail the check (exit 1), for a catalogue's CI. */
  strict?: boolean;
}

// Whoever runs `catalogue check -` at a terminal would otherwise face a silent wait.
const END_OF_INPUT = process.platform === 'win32' ? 'Ctrl-Z, then Enter' : 'Ctrl-D on a line of its own';

/**
 * `catalogue check FILE`: everything an author would want to know about a catalogue, each finding
 * at its line and column. Exit 2 when it would not load (docs/json-and-exit-codes.md: a catalogue
 * that fails validation), 1 with --strict when it has warnings, else 0.
 */
export function catalogueCheck(ctx: Context, file: string, options: CatalogueCheckOptions = {}): Outcome {
  if (file === '-' && ctx.io.stdin.isTTY === true && !ctx.json)
    ctx.err(
      statusText({ said: `Reading a catalogue from standard input: type or paste it, then press ${END_OF_INPUT} to end it.` }, ctx.width),
    );
  const checked = checkCatalogueText(file, () =>
    file === '-' ? readStdinText(ctx.io.stdin, MAX_CATALOGUE_BYTES) : readTextFile(file, MAX_CATALOGUE_BYTES),
  );
  if (ctx.json) ctx.out(renderJson(checked));
  else {
    const { out, err } = renderHuman(checked, {
      width: ctx.width,
      colour: ctx.colour,
      errColour: colourOnStderr(ctx),
    });
    if (err !== '') ctx.err(err);
    if (out !== '') ctx.out(out);
  }
  if (!checked.valid) return 'failed';
  return options.strict && checked.findings.some((f) => f.severity === 'warning') ? 'invalid' : 'success';
}

/** Reads (through `read`), parses and judges one catalogue; a file that cannot be read or parsed is a finding, not a throw. */
export function checkCatalogueText(file: string, read: () => string): CheckedCatalogue {
  let text: string;
  let json: unknown;
  try {
    text = read();
    json = parseJson(text, file);
    refuseDuplicateKeys(text, json, file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const finding: PlacedFinding = {
      code: error.kind,
      severity: 'error',
      path: '',
      message: error.message,
      line: error.line ?? null,
      column: error.column ?? null,
    };
    return { file, valid: false, findings: [finding], summary: null };
  }
  const result = parseCatalogue(json);
  const findings: Finding[] = result.ok ? authoringFindings(result.catalogue, json) : result.issues.map(errorFinding);
  // A clean catalogue has nothing to place, and indexing a large file costs a pass over it.
  const placed = findings.length === 0 ? [] : placeFindings(findings, text);
  return { file, valid: result.ok, findings: placed, summary: result.ok ? catalogueSummary(result.catalogue) : null };
}

/** Each finding at its line and column in `text`, in the order of the file, as an author reads it. */
function placeFindings(findings: readonly Finding[], text: string): PlacedFinding[] {
  const index = jsonLocator(text);
  // A path no finding should have (it is not in formatPath's form) still gets a place: the top.
  const locate = (path: string) => {
    try {
      return index(path);
    } catch {
      return index('');
    }
  };
  // Sort is stable: findings at one place keep the checks' order.
  return findings
    .map((f): PlacedFinding => {
      const at = locate(f.path);
      const { line, column } = f.atKey && at.key ? at.key : at;
      return { ...f, line, column };
    })
    .sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}
