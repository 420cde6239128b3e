import type { Residency } from '../../domain/catalogue/schema.js';
import { computeFees, fellowshipEligible, type FeeSummary } from '../../domain/fees/fees.js';
import type { Context } from '../context.js';
import { loadPlanFile } from '../io/plan-file.js';
import { UsageError, type Outcome } from '../outcome.js';
import { resolveResidency } from '../settings.js';

export interface FeesOptions {
  residency?: string;
  credits?: string;
  plan?: string;
  fellowship?: boolean;
}

function parseCredits(text: string): number {
  if (!/^\d{1,4}$/.test(text.trim())) throw new UsageError(`--credits "${text}" is not a whole number of credits; pass one such as --credits 30.`);
  return Number(text);
}

async function estimate(ctx: Context, options: FeesOptions): Promise<{ fees: FeeSummary; residency: Residency; source: string }> {
  const catalogue = ctx.catalogue();
  const rules = catalogue.data.fees;
  if (options.credits !== undefined && options.plan !== undefined) throw new UsageError('pass --credits or --plan, not both.');
  if (options.plan !== undefined) {
    const loaded = loadPlanFile(catalogue, options.plan);
    if (!loaded.ok) throw new UsageError(loaded.messages.join('; '));
    const { judgePlan } = await import('../../domain/plan/judge.js');
    const plan = { ...loaded.plan };
    if (options.residency !== undefined) plan.residency = (await resolveResidency(ctx, options.residency))!;
    if (options.fellowship) plan.fellowship = true;
    if (plan.fellowship && !fellowshipEligible(rules, plan.residency)) throw notEligible(ctx, plan.residency);
    return { fees: judgePlan(catalogue, plan).fees, residency: plan.residency, source: `the plan ${options.plan}` };
  }
  const residency = (await resolveResidency(ctx, options.residency, { required: true }))!;
  if (options.fellowship && !fellowshipEligible(rules, residency)) throw notEligible(ctx, residency);
  const credits = options.credits === undefined ? catalogue.data.creditsRequired : parseCredits(options.credits);
  const fees = computeFees(rules, {
    residency,
    credits,
    chargeableCredits: credits,
    graduationCredits: Math.min(credits, catalogue.data.creditsRequired),
    fellowship: options.fellowship === true,
  });
  return { fees, residency, source: options.credits === undefined ? 'the credits required for graduation' : `${credits} credits` };
}

function notEligible(ctx: Context, residency: Residency): UsageError {
  const fellowship = ctx.catalogue().data.fees.fellowship;
  const who = fellowship ? `${fellowship.eligibleResidencies.join(' or ')} students` : 'nobody in this programme';
  return new UsageError(`--fellowship is for ${who} only, not ${residency} students; drop --fellowship.`);
}

/** `fees`: the fee estimate for a residency and a number of credits or a plan. */
export async function fees(ctx: Context, options: FeesOptions): Promise<Outcome> {
  const result = await estimate(ctx, options);
  if (ctx.json) {
    ctx.out(`${JSON.stringify(result.fees)}\n`);
    return 'success';
  }
  const { renderFeeEstimate } = await import('../render/fee-estimate.js');
  ctx.out(renderFeeEstimate(ctx, result));
  return 'success';
}
