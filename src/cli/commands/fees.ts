import type { Residency } from '../../domain/catalogue/schema.js';
import { chargedCreditsRequired } from '../../domain/fees/charged-required.js';
import { computeFees, fellowshipEligible, fellowshipRefusal, type FeeSummary } from '../../domain/fees/fees.js';
import type { Judgement } from '../../domain/plan/judge.js';
import { plural } from '../../domain/rules/wording.js';
import type { Context } from '../context.js';
import { UsageError, type Outcome } from '../outcome.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { resolveResidency } from '../settings.js';

export interface FeesOptions {
  residency?: string;
  credits?: string;
  plan?: string;
  fellowship?: boolean;
  byTerm?: boolean;
}

function parseCredits(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--credits "${safeLine(text)}" is not a whole number of credits; pass one such as --credits 30.`);
  if (Number(text) > 9999) throw new UsageError(`--credits ${safeLine(text.trim())} is more than any programme asks (at most 9999); pass the credits you plan, such as --credits 30.`);
  return Number(text);
}

async function estimate(ctx: Context, options: FeesOptions): Promise<{ fees: FeeSummary; residency: Residency; source: string; judgement?: Judgement }> {
  const catalogue = ctx.catalogue();
  const rules = catalogue.data.fees;
  if (options.credits !== undefined && options.plan !== undefined) throw new UsageError('pass --credits or --plan, not both.');
  if (options.plan !== undefined) {
    // Loaded only for --plan: its schema modules are no part of the quick `fees --residency ... --json`.
    const { loadPlanFile } = await import('../io/plan-file.js');
    const loaded = loadPlanFile(catalogue, options.plan);
    if (!loaded.ok) throw new UsageError(loaded.messages.join('; '));
    const { judgePlan } = await import('../../domain/plan/judge.js');
    const plan = { ...loaded.plan };
    if (options.residency !== undefined) plan.residency = (await resolveResidency(ctx, options.residency))!;
    // The flag is refused outright; a plan file's own fellowship is judged, as `check` judges it.
    if (options.fellowship && !fellowshipEligible(rules, plan.residency)) throw notEligible(ctx, plan.residency);
    if (options.fellowship) plan.fellowship = true;
    const judgement = judgePlan(catalogue, plan);
    return { fees: judgement.fees, residency: plan.residency, source: `the plan ${options.plan}`, judgement };
  }
  const residency = (await resolveResidency(ctx, options.residency, { required: true }))!;
  if (options.fellowship && !fellowshipEligible(rules, residency)) throw notEligible(ctx, residency);
  const chargedRequired = chargedCreditsRequired(catalogue);
  // The whole programme, tuition-free subjects included; or N credits, all of them tuition-bearing.
  const whole = options.credits === undefined;
  const charged = whole ? chargedRequired : parseCredits(options.credits!);
  const fees = computeFees(rules, {
    residency,
    credits: whole ? catalogue.data.creditsRequired : charged,
    chargedCredits: charged,
    graduationCredits: Math.min(charged, chargedRequired),
    fellowship: options.fellowship === true,
  });
  return { fees, residency, source: whole ? 'the whole programme' : plural(charged, 'tuition-bearing credit', 'tuition-bearing credits') };
}

/** --fellowship was given for a residency it is not for. */
function notEligible(ctx: Context, residency: Residency): UsageError {
  return new UsageError(`${fellowshipRefusal(ctx.catalogue().data.fees, residency, '--fellowship')}; drop --fellowship.`);
}

/** `fees`: the fee estimate for a residency and a number of credits or a plan. */
export async function fees(ctx: Context, options: FeesOptions): Promise<Outcome> {
  // A schedule is of a plan's subjects; a bare number of credits has no terms to bill.
  if (options.byTerm && options.plan === undefined) throw new UsageError('--by-term needs --plan FILE, whose subjects are billed term by term; for example: study-planner fees --plan plan.json --by-term');
  const result = await estimate(ctx, options);
  const { judgement } = result;
  if (judgement) {
    const { planFindings } = await import('../render/plan-findings.js');
    ctx.err(planFindings(judgement, options.plan!, { colour: ctx.colour && ctx.io.stderr.isTTY === true, width: ctx.width }));
  }
  // A plan with errors still gets its estimate, and exits 1 as `check` would.
  const outcome: Outcome = judgement && !judgement.valid ? 'invalid' : 'success';
  if (options.byTerm && judgement) {
    await feesByTerm(ctx, result.fees, judgement, options.plan!);
    return outcome;
  }
  if (ctx.json) {
    ctx.out(`${safeJson(result.fees)}\n`);
    return outcome;
  }
  const { renderFeeEstimate } = await import('../render/fee-estimate.js');
  ctx.out(renderFeeEstimate(ctx, result));
  return outcome;
}

async function feesByTerm(ctx: Context, fees: FeeSummary, judgement: Judgement, file: string): Promise<void> {
  const { scheduleOf } = await import('../../domain/schedule/of-judgement.js');
  const schedule = scheduleOf(ctx.catalogue(), judgement);
  if (ctx.json) {
    const { feesByTermJson } = await import('../render/schedule-json.js');
    if (schedule.errors.length > 0) ctx.err(`study-planner: the schedule in ${safeLine(file)} has problems; run "study-planner check ${safeLine(file)}" to see them.\n`);
    ctx.out(`${safeJson(feesByTermJson(fees, schedule))}\n`);
    return;
  }
  const [{ renderFeeEstimate }, { renderTermBills }, { makeStyle }] = await Promise.all([import('../render/fee-estimate.js'), import('../render/timeline.js'), import('../render/style.js')]);
  ctx.out(`${renderFeeEstimate(ctx, { fees, residency: judgement.plan.residency, source: `the plan ${file}` })}\n${renderTermBills(schedule, fees, makeStyle(ctx.colour), ctx.width)}`);
}
