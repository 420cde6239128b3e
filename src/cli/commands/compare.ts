import fs from 'node:fs';
import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import { findSubject, notASubject } from '../../domain/catalogue/resolve.js';
import { judgePlan } from '../../domain/plan/judge.js';
import { parsePlan } from '../../domain/plan/parse.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import { joinWords } from '../../domain/rules/wording.js';
import {
  choosesSubjects,
  MAX_ROUTE_VARIANTS,
  routeRequirements,
  routeSubjects,
  routeVariants,
} from '../../domain/schedule/route-variants.js';
import type { Context } from '../context.js';
import { loadPlanFile } from '../io/plan-file.js';
import { findPlan } from '../io/find-plan.js';
import { UsageError, type Outcome } from '../outcome.js';
import { comparedJson, renderComparison, type Compared } from '../render/compare.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle } from '../render/style.js';
import { wrap } from '../render/wrap.js';
import { planIssueText } from '../../domain/issue.js';

export interface CompareOptions {
  routes?: boolean;
  extra?: string[];
}

/** A name that looks like a path is always a file, so a typo in one never reads as a saved name. */
function looksLikeFile(name: string): boolean {
  return name === '-' || /[\\/]/.test(name) || /\.json$/i.test(name) || fs.existsSync(name);
}

async function savedPlan(ctx: Context, catalogue: Catalogue, name: string): Promise<PlanFile> {
  const { openCommandStore } = await import('../io/store.js');
  // Found as `plans` finds it: exactly, or else whatever the letter case or Unicode form, with close names suggested.
  const saved = findPlan(
    await openCommandStore(ctx, { readOnly: true }),
    name,
    (hint) =>
      `"${safeLine(name)}" is neither a plan file nor a saved plan.${hint} Give a file's path, or run "study-planner plans list" to see the saved names.`,
  );
  // Saved under another catalogue, perhaps: read it as a plan file would be, against this one.
  const parsed = parsePlan(catalogue, saved.plan);
  if (!parsed.ok)
    throw new UsageError(
      `the saved plan "${safeLine(saved.name)}" does not fit this catalogue: ${parsed.issues.map(planIssueText).join('; ')}.`,
    );
  return parsed.plan;
}

async function loadPlan(ctx: Context, catalogue: Catalogue, name: string): Promise<PlanFile> {
  if (!looksLikeFile(name)) return savedPlan(ctx, catalogue, name);
  const loaded = loadPlanFile(catalogue, name, ctx.io.stdin);
  if (!loaded.ok) throw new UsageError(loaded.messages.join('; '));
  return loaded.plan;
}

/** The student's own replacement subjects: known, distinct, new to the plan, and able to count for a route that chooses subjects. */
function resolveExtra(catalogue: Catalogue, names: readonly string[], keep: ReadonlySet<Subject>): Subject[] {
  const open = routeRequirements(catalogue).flatMap((r) => r.options.filter(choosesSubjects));
  const chosen: Subject[] = [];
  for (const name of names) {
    const subject = findSubject(catalogue, name);
    if (!subject) {
      throw new UsageError(`--extra ${safeLine(notASubject(catalogue, name))}`);
    }
    if (chosen.includes(subject)) throw new UsageError(`--extra names ${subject.title} twice; name each subject once.`);
    if (keep.has(subject)) throw new UsageError(`--extra ${subject.title} already counts elsewhere in the plan; choose another subject.`);
    if (!open.some((o) => o.eligible.has(subject.id))) {
      throw new UsageError(
        `--extra ${subject.title} cannot count towards ${joinWords(
          open.map((o) => `"${o.label}"`),
          'or',
        )}; choose a subject that can.`,
      );
    }
    chosen.push(subject);
  }
  return chosen;
}

interface RouteComparison {
  compared: Compared[];
  /** Combinations of routes not shown, beyond MAX_ROUTE_VARIANTS. */
  leftOut: number;
  /** How many requirements offer alternatives: the variants are their every combination. */
  requirements: number;
}

function routesOf(catalogue: Catalogue, name: string, plan: PlanFile, extraNames: readonly string[] | undefined): RouteComparison {
  const requirements = routeRequirements(catalogue);
  if (requirements.length === 0)
    throw new UsageError('this catalogue has no requirement with alternatives, so a plan has only one route; compare plans instead.');
  const judgement = judgePlan(catalogue, plan);
  const forRoutes = routeSubjects(catalogue, judgement);
  const keep = new Set(judgement.subjects.filter((s) => !forRoutes.has(s)));
  const extra = extraNames === undefined ? undefined : resolveExtra(catalogue, extraNames, keep);
  const { variants, leftOut } = routeVariants(catalogue, judgement, extra)!;
  const compared = variants.map((v) => ({
    name,
    title: v.option.label,
    judgement: v.asWritten ? judgement : judgePlan(catalogue, v.plan),
    route: { option: v.option.id, added: v.added, removed: v.removed, asWritten: v.asWritten, choices: v.choices },
  }));
  return { compared, leftOut, requirements: requirements.length };
}

function routeNotes(routes: RouteComparison, extra: boolean): string[] {
  const notes: string[] = [];
  if (routes.leftOut > 0)
    notes.push(
      `Only ${routes.compared.length} of the ${routes.compared.length + routes.leftOut} choices of routes are shown (the first ones, and the plan's own; at most ${MAX_ROUTE_VARIANTS}): ${routes.leftOut} ${routes.leftOut === 1 ? 'is' : 'are'} left out.`,
    );
  if (!extra)
    notes.push(
      "Routes other than the plan's own add the cheapest subjects that can count for them (ties in catalogue order); pass --extra SUBJECT... to choose your own.",
    );
  else
    notes.push(
      routes.requirements === 1
        ? 'The coursework route uses the subjects given with --extra.'
        : 'Routes that choose their subjects use the ones given with --extra; the others add the subjects they name.',
    );
  return notes;
}

/** `compare PLAN...`: plans side by side; `compare PLAN --routes`: one plan by each route. */
export async function compare(ctx: Context, names: readonly string[], options: CompareOptions): Promise<Outcome> {
  if (options.extra !== undefined && !options.routes)
    throw new UsageError(
      '--extra chooses the subjects for the coursework route, so it goes with --routes; for example: study-planner compare plan.json --routes --extra ...',
    );
  if (options.routes && names.length !== 1)
    throw new UsageError(`--routes shows the routes of one plan, and ${names.length} were named; name one plan.`);
  if (!options.routes && names.length < 2)
    throw new UsageError(
      'compare needs two or more plans (files or saved names), or one plan with --routes; for example: study-planner compare a.json b.json',
    );
  if (names.filter((n) => n === '-').length > 1) throw new UsageError('standard input (-) holds one plan and can be named only once.');
  const catalogue = ctx.catalogue();
  // Read every plan before printing anything: one bad name stops the comparison with exit 2.
  const plans: { name: string; plan: PlanFile }[] = [];
  for (const name of names) plans.push({ name: name === '-' ? 'standard input' : name, plan: await loadPlan(ctx, catalogue, name) });
  const routes = options.routes ? routesOf(catalogue, plans[0]!.name, plans[0]!.plan, options.extra) : undefined;
  const compared = routes?.compared ?? plans.map(({ name, plan }) => ({ name, title: name, judgement: judgePlan(catalogue, plan) }));
  if (ctx.json) {
    ctx.out(`${safeJson(compared.map((c) => comparedJson(catalogue, c, routes?.leftOut)))}\n`);
    return 'success';
  }
  const style = makeStyle(ctx.colour);
  const notes: string[] = [];
  const heading = options.routes ? `${style.bold(wrap(`${safeLine(plans[0]!.name)}, by each route`, ctx.width))}\n\n` : '';
  if (routes) notes.push(...routeNotes(routes, options.extra !== undefined));
  notes.push(
    "Graduation is the last term of the plan's own schedule, or of a proposed one (compulsory subjects first, the normal load for the study mode) when the plan has none.",
  );
  ctx.out(
    `${heading}${renderComparison(catalogue, compared, style, ctx.width)}\n\n${notes.map((n) => style.dim(wrap(n, ctx.width))).join('\n')}\n`,
  );
  return 'success';
}
