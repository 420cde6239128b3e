import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import type { Judgement } from '../../domain/plan/judge.js';
import { scheduleOf } from '../../domain/schedule/of-judgement.js';
import { routeRequirement, type RouteChoice } from '../../domain/schedule/route-variants.js';
import { money } from '../../domain/text/money.js';
import { requirementProgress } from './progress.js';
import { safeLine } from './sanitize.js';
import { MARK, type Style } from './style.js';
import { fitColumns, fitsSideBySide, renderStacked, renderTable, type Column } from './table.js';
import { displayWidth } from './text-width.js';
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
  };
}

/**
 * The `compare --json` object of one plan: the figures that tell plans apart. With --routes, each
 * object also carries `variantsLeftOut`: the combinations of routes the comparison did not show.
 */
export function comparedJson(catalogue: Catalogue, c: Compared, variantsLeftOut = 0) {
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
          variantsLeftOut,
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
    if (line !== '' && displayWidth(line + part) > width) {
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
  // Joined by a word: with "; " a narrow column cut "Dissertation;" into "Dissertation" / "; adds".
  return [changes.removed.length ? `drops ${titles(changes.removed)}` : '', changes.added.length ? `adds ${titles(changes.added)}` : '']
    .filter(Boolean)
    .join(' and ');
}

/**
 * Plans side by side, one column each: route, credits, requirements met, graduation and money.
 * When they cannot be read side by side, one block per plan instead, headed by its title.
 */
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
  const columnWidth = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, room));
  const unheaded: Column[] = [{ header: '', width: LABEL_WIDTH }, ...compared.map(() => ({ header: '', width: columnWidth }))];
  // Headings wrapped to the widths the table will draw (narrower than asked, on a narrow screen),
  // so that none is cut to fit: a name of wide characters lost whole characters that way.
  const drawn = fitColumns(unheaded, width);
  const columns: Column[] = unheaded.map((column, i) =>
    i === 0 ? column : { ...column, header: wrapName(safeLine(compared[i - 1]!.title), drawn[i]!) },
  );
  const rows = rowsOf.map(([label, cell]) => [label, ...facts.map((f) => cell(f))]);
  // A route's heading is long: squeezed below MIN_COLUMN it would be cut, so many routes stack sooner than many plans.
  const squeezedRoutes = room < MIN_COLUMN && compared.some((c) => c.route);
  if (fitsSideBySide(columns, width) && !squeezedRoutes) return renderTable(columns, rows, style, width);
  // Transposed, so that each block is one plan (or route), its values labelled by row.
  const labels: Column[] = [{ header: '', width: 0 }, ...rowsOf.map(([label]) => ({ header: label, width: label.length }))];
  return renderStacked(
    labels,
    compared.map((c, i) => [safeLine(c.title), ...rows.map((row) => row[i + 1]!)]),
    style,
    width,
  );
}
