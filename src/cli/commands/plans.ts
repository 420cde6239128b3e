import type { Catalogue } from '../../domain/catalogue/model.js';
import { judgePlan, type Judgement } from '../../domain/plan/judge.js';
import { parsePlan } from '../../domain/plan/parse.js';
import type { Context } from '../context.js';
import { openCommandStore } from '../io/store.js';
import type { SavedPlan } from '../io/store-types.js';
import { UsageError, type Outcome } from '../outcome.js';
import { failureJson, judgementJson } from '../render/check-json.js';
import { renderJudgement } from '../render/check-report.js';
import { money } from '../../domain/text/money.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle, MARK } from '../render/style.js';
import { wrap } from '../render/wrap.js';
import { naturalWidth, renderStacked, renderTable, type Column } from '../render/table.js';
import { displayWidth } from '../render/text-width.js';
import { planFileText } from '../render/plan-file.js';
import { findPlan } from '../io/find-plan.js';
import { planIssueText } from '../../domain/issue.js';

type Rejudged = { ok: true; judgement: Judgement } | { ok: false; messages: string[] };

/** A saved plan judged afresh against the loaded catalogue, exactly as `check` judges a file. */
function rejudge(catalogue: Catalogue, saved: SavedPlan): Rejudged {
  const parsed = parsePlan(catalogue, saved.plan);
  if (!parsed.ok) return { ok: false, messages: parsed.issues.map((i) => `saved plan "${saved.name}": ${planIssueText(i)}`) };
  return { ok: true, judgement: judgePlan(catalogue, parsed.plan) };
}

/** The option taken (or nearest) for each requirement with alternatives: the plan's route. */
const routeOf = (j: Judgement) => j.requirements.flatMap((r) => (r.option ? [r.option] : []));

/** "2024-09-01 14:03" in the user's time zone: a list is read by a person. */
function when(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const openForReading = (ctx: Context) => openCommandStore(ctx, { readOnly: true });

/** `plans list`: every saved plan, judged against the loaded catalogue. */
export async function plansList(ctx: Context): Promise<Outcome> {
  const store = await openForReading(ctx);
  const plans = store.listPlans().sort((a, b) => a.name.localeCompare(b.name));
  if (plans.length === 0) {
    if (ctx.json) ctx.out('[]\n');
    else ctx.err(`${wrap('No saved plans yet; the planner saves them: study-planner plan', ctx.width)}\n`);
    return 'success';
  }
  const catalogue = ctx.catalogue();
  const judged = plans.map((saved) => ({ saved, result: rejudge(catalogue, saved) }));
  if (ctx.json) {
    const list = judged.map(({ saved, result }) => ({
      name: saved.name,
      updatedAt: saved.updatedAt,
      valid: result.ok && result.judgement.valid,
      route: result.ok ? routeOf(result.judgement).map((o) => o.id) : [],
      credits: result.ok ? result.judgement.credits : null,
      fees: result.ok ? result.judgement.fees : null,
    }));
    ctx.out(`${safeJson(list, 2)}\n`);
    return 'success';
  }
  const style = makeStyle(ctx.colour);
  const rows = judged.map(({ saved, result }) => {
    if (!result.ok) return [safeLine(saved.name), '-', '-', '-', style.bad(`${MARK.bad} no`), when(saved.updatedAt)];
    const j = result.judgement;
    return [
      safeLine(saved.name),
      // The option's identifier: short, and what `plan --route` takes.
      routeOf(j)
        .map((o) => safeLine(o.id))
        .join(', ') || '-',
      `${j.credits.planned}/${j.credits.required}`,
      money(j.fees.payable, j.fees.currency),
      j.valid ? style.ok(`${MARK.ok} yes`) : style.bad(`${MARK.bad} no`),
      when(saved.updatedAt),
    ];
  });
  // A name is what is typed to show the plan again: never broken inside. Where every name does not
  // fit whole beside the rest, each plan is a block of its own, headed by its whole name.
  const columns: Column[] = [
    // Two columns of slack for a name that is not plain ASCII: the table library measures some emoji
    // a column wider than we do, and cuts a cell it finds too wide.
    { header: 'Name', width: Math.max(4, ...rows.map((row) => displayWidth(row[0]!) + (/^[\x20-\x7e]*$/.test(row[0]!) ? 0 : 2))) },
    { header: 'Route', width: 12 },
    { header: 'Credits', width: 7, align: 'right' },
    { header: 'Payable', width: 10, align: 'right' },
    { header: 'Valid', width: 5 },
    { header: 'Last changed', width: 16 },
  ];
  const sideBySide = naturalWidth(columns) <= ctx.width;
  const table = (sideBySide ? renderTable : renderStacked)(columns, rows, style, ctx.width);
  const n = plans.length;
  ctx.out(`${table}\n${style.dim(wrap(`${n} saved plan${n === 1 ? '' : 's'}; details: study-planner plans show NAME`, ctx.width))}\n`);
  return 'success';
}

/** `plans show NAME`: the full report, as `check` gives it; exit 1 when the plan is not valid. */
export async function plansShow(ctx: Context, name: string): Promise<Outcome> {
  const saved = findPlan(await openForReading(ctx), name);
  const result = rejudge(ctx.catalogue(), saved);
  if (!result.ok) {
    if (ctx.json) {
      ctx.out(`${safeJson(failureJson(saved.name, 'MALFORMED', result.messages))}\n`);
      return 'failed';
    }
    throw new UsageError(
      `${result.messages.join('; ')}; it does not fit the loaded catalogue: load the plan's catalogue with --catalogue FILE, or delete the plan.`,
    );
  }
  const j = result.judgement;
  if (ctx.json) ctx.out(`${safeJson(judgementJson(saved.name, j))}\n`);
  else {
    const style = makeStyle(ctx.colour);
    ctx.out(renderJudgement(saved.name, j, style, ctx.width) + style.dim(`\n  Last changed ${when(saved.updatedAt)}.`) + '\n');
  }
  return j.valid ? 'success' : 'invalid';
}

export interface DeleteOptions {
  force?: boolean;
}

/** Asks, in a terminal, before a plan is deleted; no is the default. */
async function askToDelete(ctx: Context, name: string): Promise<boolean> {
  const [{ confirm }, { answerAfter, defaultAfter }] = await Promise.all([import('@inquirer/prompts'), import('../prompts/ask.js')]);
  // Wrapped after inquirer's "? " as the planner's questions are, with "(y/N)" where it fits.
  const message = wrap(`Delete the saved plan "${safeLine(name)}"? This cannot be undone.`, ctx.width - 1, 2);
  const style = { answer: answerAfter(message, ctx.width), defaultAnswer: defaultAfter(message, ctx.width) };
  return confirm(
    { message, default: false, theme: { style } },
    // Under --json, stdout carries only the result, so the question goes to stderr.
    { input: ctx.io.stdin, output: ctx.json ? ctx.io.stderr : ctx.io.stdout },
  );
}

/** `plans delete NAME`: asks first in a terminal; elsewhere only with --force. */
export async function plansDelete(ctx: Context, name: string, options: DeleteOptions, confirmDelete = askToDelete): Promise<Outcome> {
  const store = await openCommandStore(ctx);
  const saved = findPlan(store, name);
  if (!options.force) {
    if (!ctx.interactive)
      throw new UsageError(
        `plans delete asks before deleting, and there is no terminal to ask in; pass --force to delete "${safeLine(saved.name)}".`,
      );
    if (!(await confirmDelete(ctx, saved.name))) {
      ctx.err('Nothing was deleted.\n');
      return 'success';
    }
  }
  // Asked about the plan as it was read: one changed meanwhile is not the one the user said yes to.
  if (!store.deletePlan(saved.name, options.force ? undefined : saved))
    throw new UsageError(`the saved plan "${safeLine(saved.name)}" is already gone (deleted by another study-planner meanwhile).`);
  if (ctx.json) ctx.out(`${safeJson({ deleted: saved.name })}\n`);
  else ctx.err(`Deleted the saved plan "${safeLine(saved.name)}".\n`);
  return 'success';
}

export interface ExportOptions {
  out?: string;
  force?: boolean;
  format?: string;
}

const FORMATS = ['json', 'md'] as const;

/** `plans export NAME`: the plan file (or, with --format md, a report) on stdout or in --out. */
export async function plansExport(ctx: Context, name: string, options: ExportOptions): Promise<Outcome> {
  const format = options.format === 'markdown' ? 'md' : (options.format ?? 'json');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format "${safeLine(format)}" is not a format; use json (a plan file) or md (a Markdown report).`);
  const saved = findPlan(await openForReading(ctx), name);
  let text: string;
  if (format === 'json') text = planFileText(saved.plan);
  else {
    const catalogue = ctx.catalogue();
    const result = rejudge(catalogue, saved);
    if (!result.ok)
      throw new UsageError(
        `${result.messages.join('; ')}; it does not fit the loaded catalogue: load the plan's catalogue with --catalogue FILE.`,
      );
    const { renderMarkdownReport } = await import('../render/markdown.js');
    const { todayOf } = await import('../io/today.js');
    text = renderMarkdownReport({
      name: saved.name,
      updatedAt: saved.updatedAt,
      judgement: result.judgement,
      catalogue,
      today: todayOf(ctx.io),
    });
  }
  if (options.out === undefined) {
    // Under --json, stdout holds JSON only: a report comes wrapped, a plan file is JSON already.
    ctx.out(ctx.json && format === 'md' ? `${safeJson({ name: saved.name, format, text })}\n` : text);
    return 'success';
  }
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  writeFileAtomic(options.out, text, { overwrite: options.force === true });
  if (ctx.json) ctx.out(`${safeJson({ name: saved.name, format, out: options.out })}\n`);
  else ctx.err(`Exported "${safeLine(saved.name)}" to ${safeLine(options.out)}.\n`);
  return 'success';
}
