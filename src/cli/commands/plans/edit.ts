import type { Catalogue } from '../../../domain/catalogue/model.js';
import { carrySchedule, planFromAnswers, type AnswersWithResidency } from '../../../domain/plan/draft.js';
import type { Finding } from '../../../domain/finding.js';
import { answersFromPlan, leftOutByEdit } from '../../../domain/plan/from-plan.js';
import { judgePlan } from '../../../domain/plan/judge.js';
import { parsePlan } from '../../../domain/plan/parse.js';
import type { Answers } from '../../../domain/plan/steps.js';
import { planIssueText } from '../../../domain/issue.js';
import type { Context } from '../../context.js';
import { findPlan } from '../../io/find-plan.js';
import { openCommandStore } from '../../io/store.js';
import type { SavedPlan, Store } from '../../io/store-types.js';
import { todayOf } from '../../io/today.js';
import { UsageError, type Outcome } from '../../outcome.js';
import { judgementJson } from '../../render/check-json.js';
import { renderJudgement } from '../../render/check-report.js';
import { safeJson, safeLine } from '../../render/sanitize.js';
import { makeStyle } from '../../render/style.js';
import { wrap } from '../../render/wrap.js';
import { applyFlags, type PlanFlags } from '../plan/flags.js';
import type { PlannerWorld } from '../plan/planner.js';
import { answersWithoutTerminal } from '../plan/without-terminal.js';
import { applyRecordFlags, hasRecordFlags, type RecordFlags } from './record-flags.js';
import { statusText } from '../../render/status.js';

export interface EditOptions extends Omit<PlanFlags, 'name'>, RecordFlags {
  force?: boolean;
}

const PLAN_FLAGS = ['residency', 'mode', 'core', 'elective', 'route', 'extra', 'fellowship'] as const;

/**
 * The saved plan's answers, with the flags' changes over them, and what of the plan they leave
 * out. A plan of another catalogue is refused: its subjects would be read as this one's.
 */
function editedAnswers(catalogue: Catalogue, saved: SavedPlan, options: EditOptions): { answers: Answers; leftOut: Finding[] } {
  const parsed = parsePlan(catalogue, saved.plan);
  if (!parsed.ok) {
    const why = parsed.issues.map((i) => `saved plan "${saved.name}": ${planIssueText(i)}`).join('; ');
    throw new UsageError(`${why}; it does not fit the loaded catalogue: load the plan's catalogue with --catalogue FILE.`);
  }
  if (parsed.plan.catalogue !== undefined && parsed.plan.catalogue !== catalogue.id) {
    throw new UsageError(
      `saved plan "${saved.name}" is for catalogue "${parsed.plan.catalogue}", but "${catalogue.id}" is loaded; load the plan's catalogue with --catalogue FILE to edit it.`,
    );
  }
  const judged = judgePlan(catalogue, parsed.plan);
  const answers = answersFromPlan(catalogue, parsed.plan, saved.name, judged);
  const answered = judgePlan(catalogue, planFromAnswers(catalogue, answers as AnswersWithResidency));
  const leftOut = leftOutByEdit(judged, answered);
  const flags: PlanFlags = {};
  for (const key of PLAN_FLAGS) if (options[key] !== undefined) (flags as Record<string, unknown>)[key] = options[key];
  // The schedule follows the subjects and mode the flags change, as it does in the planner.
  const changed = carrySchedule(catalogue, answers, applyFlags(catalogue, answers, flags));
  return { answers: applyRecordFlags(catalogue, changed, options), leftOut };
}

/** What the edit leaves out of the saved plan, for stderr; empty when nothing. */
function leftOutText(name: string, leftOut: readonly Finding[], width: number): string {
  if (leftOut.length === 0) return '';
  const head = wrap(`Editing "${safeLine(name)}" leaves out what the planner cannot choose:`, width);
  return `${head}\n${leftOut.map((f) => `  - ${wrap(safeLine(f.message), width, 4)}\n`).join('')}`;
}

const changesSomething = (options: EditOptions) => PLAN_FLAGS.some((key) => options[key] !== undefined) || hasRecordFlags(options);

/**
 * Without a terminal: the flags change the saved plan, and --force saves the change. Without
 * --force nothing is saved: the changed plan's report is printed, and the command ends in exit 2
 * (a script that forgot --force must not believe it saved).
 */
function editWithoutTerminal(ctx: Context, catalogue: Catalogue, store: Store, saved: SavedPlan, options: EditOptions): Outcome {
  if (!changesSomething(options)) {
    throw new UsageError(
      `no change given for "${safeLine(saved.name)}"; pass flags such as --grade SUBJECT=GRADE or --elective SUBJECT... with --force, or run "study-planner plans edit" in a terminal.`,
    );
  }
  const edited = editedAnswers(catalogue, saved, options);
  const answers = answersWithoutTerminal(catalogue, edited.answers) as AnswersWithResidency;
  const plan = planFromAnswers(catalogue, answers);
  const judgement = judgePlan(catalogue, plan, { today: todayOf(ctx.io) });
  // The store replaces the plan under its lock, and only as it was read: an edit saved by another
  // process meanwhile is never overwritten with this one's older copy.
  const kept = options.force === true ? store.savePlan(saved.name, plan, { replace: true, asRead: saved }) : undefined;
  if (ctx.json) {
    const verdict = judgementJson(saved.name, judgement);
    ctx.out(`${safeJson({ name: saved.name, saved: kept !== undefined, plan, verdict, leftOut: edited.leftOut })}\n`);
  } else {
    ctx.err(leftOutText(saved.name, edited.leftOut, ctx.width));
    ctx.out(renderJudgement(saved.name, judgement, makeStyle(ctx.colour), ctx.width));
  }
  if (kept === undefined) throw new UsageError(`the changes to "${safeLine(saved.name)}" are not saved; pass --force to save them.`);
  if (!ctx.json) ctx.err(statusText({ said: `Saved the changes to "${safeLine(kept.name)}".` }, ctx.width));
  return judgement.valid ? 'success' : 'invalid';
}

/**
 * `plans edit NAME`: in a terminal, the planner opens at its review with the saved plan's answers
 * (flags given change them first), and saving replaces that plan; without one, the flags change it.
 */
export async function plansEdit(ctx: Context, name: string, options: EditOptions, world?: PlannerWorld): Promise<Outcome> {
  const store = world?.store ?? (await openCommandStore(ctx));
  const saved = findPlan(store, name);
  const catalogue = ctx.catalogue();
  if (!ctx.interactive || ctx.json) return editWithoutTerminal(ctx, catalogue, store, saved, options);
  const { answers, leftOut } = editedAnswers(catalogue, saved, options);
  ctx.err(leftOutText(saved.name, leftOut, ctx.width));
  const [{ runInTerminal }, { inquirerAsk }] = await Promise.all([import('../plan/planner.js'), import('../../prompts/ask.js')]);
  const planner: PlannerWorld = world ?? { store, ask: () => inquirerAsk(ctx.io, ctx.colour, ctx.width), now: () => new Date() };
  return runInTerminal(ctx, catalogue, answers, {}, planner, { editing: saved.name, asRead: saved });
}
