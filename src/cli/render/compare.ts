import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import type { Judgement } from '../../domain/plan/judge.js';
import { scheduleOf } from '../../domain/schedule/of-judgement.js';
import { routeRequirement, type RouteChoice } from '../../domain/schedule/route-variants.js';
import { money } from '../../domain/text/money.js';
import { requirementProgress } from './progress.js';
import { safeLine } from './sanitize.js';
import { MARK, type Style } from './style.js';
import { renderTable } from './table.js';
import { wrapLines } from './wrap.js';

/** One plan (or one route of a plan) as `compare` shows it. */
export interface Compared {
  /** The file or saved name the plan came from. */
  name: string;
  /** The column's heading. */
  title: string;
  judgement: Judgement;
  /** For `--routes`: the alternative taken, and what changed from the plan as written to take it. */
  route?: {
    option: string;
    added: readonly Subject[];
    removed: readonly Subject[];
    /** The plan already takes these routes: the column it is compared against. */
    asWritten?: boolean;
    /** The route taken in each requirement with alternatives. */
    choices?: readonly RouteChoice[];
    /** Combinations of routes not shown (the same for every column). */
    leftOut?: number;
  };
}

/** The `compare --json` object of one plan: the figures that tell plans apart. */
export function comparedJson(catalogue: Catalogue, c: Compared) {
  const j = c.judgement;
  const schedule = scheduleOf(catalogue, j);
  const routeId = routeRequirement(catalogue)?.id;
  const route = j.requirements.find((r) => r.id === routeId && r.satisfied)?.option ?? null;
  return {
    plan: c.name,
    valid: j.valid,
    route: route ? { id: route.id, label: route.label } : null,
    credits: j.credits,
    requirements: { met: j.requirements.filter((r) => r.satisfied).length, total: j.requirements.length },
    graduation: schedule.graduation
      ? { term: schedule.graduation.id, label: schedule.graduation.label, proposed: schedule.proposed }
      : null,
    fees: j.fees,
    ...(c.route
      ? {
          variant: c.route.option,
          changes: { added: c.route.added.map((s) => s.id), removed: c.route.removed.map((s) => s.id) },
          asWritten: c.route.asWritten ?? false,
          choices: (c.route.choices ?? []).map((choice) => ({
            requirement: choice.requirement.id,
            id: choice.option.id,
            label: choice.option.label,
          })),
          variantsLeftOut: c.route.leftOut ?? 0,
        }
      : {}),
  };
}

/** A heading in lines of `width`: paths break after a slash, words after a space. */
function wrapName(name: string, width: number): string {
  const parts = name.split(/(?<=[/\\])/);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line !== '' && (line + part).length > width) {
      lines.push(line);
      line = '';
    }
    line += part;
  }
  lines.push(line);
  return lines.flatMap((l) => wrapLines(l, width)).join('\n');
}

const LABEL_WIDTH = 17;
const MIN_COLUMN = 14;
const MAX_COLUMN = 30;

function changesText(changes: NonNullable<Compared['route']>): string {
  // Another column may need no change either (its routes can count the same subjects): only the plan's own is "as planned".
  if (changes.added.length === 0 && changes.removed.length === 0) return changes.asWritten === false ? 'same subjects' : 'as planned';
  const titles = (list: readonly Subject[]) => list.map((s) => safeLine(s.title)).join(', ');
  return [changes.removed.length ? `drops ${titles(changes.removed)}` : '', changes.added.length ? `adds ${titles(changes.added)}` : '']
    .filter(Boolean)
    .join('; ');
}

/** One block per column: its heading, then each row's label and value, for more columns than fit side by side. */
function renderBlocks<F extends { c: Compared }>(
  compared: readonly Compared[],
  rows: readonly (readonly [string, (f: F) => string])[],
  facts: readonly F[],
  style: Style,
  width: number,
): string {
  const labelWidth = LABEL_WIDTH;
  const valueWidth = Math.max(20, width - 2 - labelWidth);
  return facts
    .map((f, i) => {
      const lines = wrapLines(safeLine(compared[i]!.title), width).map((line) => style.bold(line));
      for (const [label, cell] of rows) {
        const [first, ...rest] = wrapLines(cell(f), valueWidth);
        lines.push(`  ${label.padEnd(labelWidth)}${first ?? ''}`.trimEnd(), ...rest.map((line) => `${' '.repeat(2 + labelWidth)}${line}`));
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Plans side by side, one column each: route, credits, requirements met, graduation and money. */
export function renderComparison(catalogue: Catalogue, compared: readonly Compared[], style: Style, width: number): string {
  const facts = compared.map((c) => ({ c, json: comparedJson(catalogue, c) }));
  const m = (n: number, currency: string) => money(n, currency);
  type Row = [string, (f: (typeof facts)[number]) => string];
  const rowsOf: Row[] = [
    // Comparing routes, each column is headed by its route already.
    ...(compared.some((c) => c.route) ? [] : [['Route', ({ json }) => (json.route ? safeLine(json.route.label) : 'none yet')] as Row]),
    ...(compared.some((c) => c.route) ? [['Subjects', ({ c }) => (c.route ? changesText(c.route) : '')] as Row] : []),
    ['Valid', ({ json }) => (json.valid ? `${MARK.ok} yes` : `${MARK.bad} no`)],
    ['Credits', ({ json }) => `${json.credits.planned} of ${json.credits.required}`],
    [
      'Requirements met',
      ({ json }) => requirementProgress({ have: json.requirements.met, need: json.requirements.total, unit: 'subject' }),
    ],
    [
      'Graduation',
      ({ json }) => (json.graduation ? `${safeLine(json.graduation.label)}${json.graduation.proposed ? ' (proposed)' : ''}` : 'not yet'),
    ],
    ['Tuition', ({ json }) => m(json.fees.tuition, json.fees.currency)],
    [
      'Fellowship',
      ({ json }) => (json.fees.fellowship === 0 ? m(0, json.fees.currency) : `-${m(json.fees.fellowship, json.fees.currency)}`),
    ],
    ['Payable', ({ json }) => m(json.fees.payable, json.fees.currency)],
  ];
  const room = Math.floor((Math.max(width, 60) - LABEL_WIDTH - 2 * compared.length) / compared.length);
  // Many combinations of routes cannot stand side by side: one block each instead.
  if (room < MIN_COLUMN && compared.some((c) => c.route)) return renderBlocks(compared, rowsOf, facts, style, width);
  const columnWidth = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, room));
  const columns = [
    { header: '', width: LABEL_WIDTH },
    ...compared.map((c) => ({ header: wrapName(safeLine(c.title), columnWidth), width: columnWidth })),
  ];
  const rows = rowsOf.map(([label, cell]) => [label, ...facts.map((f) => cell(f))]);
  return renderTable(columns, rows, style, width);
}
