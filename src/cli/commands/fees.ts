import path from 'node:path';
import type { Residency } from '../../domain/catalogue/schema.js';
import type { Catalogue } from '../../domain/catalogue/model.js';
import { creditStep, fromHundredths, hundredths } from '../../domain/catalogue/credits.js';
import { chargedCreditsRequired } from '../../domain/fees/charged-required.js';
import { computeFees, registrationDependsOnMode, type FeeSummary } from '../../domain/fees/fees.js';
import type { Judgement } from '../../domain/plan/judge.js';
import { plural } from '../../domain/rules/wording.js';
import { transferFeeInput } from '../../domain/fees/transfer-estimate.js';
import { remainingBills } from '../../domain/record/remaining.js';
import { todayOf } from '../io/today.js';
import { colourOnStderr, type Context } from '../context.js';
import { UsageError, type Outcome } from '../outcome.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { nameArgument } from '../render/shell-word.js';
import { readSavedDefaults } from '../io/saved-defaults.js';
import { fellowshipFlagError } from '../settings/fellowship-flag.js';
import { parseSetting, resolveSetting } from '../settings/resolve.js';

export interface FeesOptions {
  residency?: string;
  credits?: string;
  plan?: string;
  fellowship?: boolean;
  byTerm?: boolean;
  transferredCredits?: string;
  format?: string;
}

const FORMATS = ['text', 'csv', 'ics'] as const;
type Format = (typeof FORMATS)[number];

/** --format: text (the default), or csv and ics for the term bills, which scripts read instead of --json. */
function formatOf(ctx: Context, options: FeesOptions): Format {
  const format = (options.format ?? 'text').trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format "${safeLine(options.format!)}" is not a format of fees; use text, csv or ics.`);
  if (format === 'text') return 'text';
  if (ctx.json) throw new UsageError(`--format ${format} and --json are two outputs; pass one of them.`);
  if (!options.byTerm || options.plan === undefined)
    throw new UsageError(
      `--format ${format} lists a plan's term bills: it needs --plan FILE and --by-term; for example: study-planner fees --plan plan.json --by-term --format ${format}`,
    );
  return format as Format;
}

// Credits are whole or two-place decimals (a quarter credit is 0.25), as catalogues give them.
const CREDITS = /^\d+(\.\d{1,2})?$/;

/** A number of credits written negative is refused as such, not as a number it is not. */
function refuseNegative(flag: string, text: string, what: string): void {
  if (/^\s*-\s*\d*[1-9]/.test(text)) throw new UsageError(`${flag} "${safeLine(text)}" is negative; pass ${what}.`);
}

function parseCredits(catalogue: Catalogue, text: string): number {
  refuseNegative('--credits', text, 'the number of credits to price, such as --credits 30');
  if (!CREDITS.test(text.trim()))
    throw new UsageError(
      `--credits "${safeLine(text)}" is not a whole number of credits, nor one with at most two decimals; pass one such as --credits 30.`,
    );
  if (Number(text) > 9999)
    throw new UsageError(
      `--credits ${safeLine(text.trim())} is more than any programme asks (at most 9999); pass the credits you plan, such as --credits 30.`,
    );
  return inCreditSteps(catalogue, '--credits', Number(text));
}

/** `credits`, when the catalogue's subjects can add up to it: 3.33 credits of subjects of whole credits would price what no plan can take. */
function inCreditSteps(catalogue: Catalogue, flag: string, credits: number): number {
  const step = creditStep(catalogue.subjects);
  if (hundredths(credits) % step === 0) return credits;
  const unit = step === 100 ? 'whole credits' : `steps of ${fromHundredths(step)} of a credit`;
  throw new UsageError(
    `${flag} ${credits}: this programme's subjects come in ${unit}, so no plan has ${credits}; pass one such as ${flag} ${fromHundredths(Math.floor(hundredths(credits) / step) * step)}.`,
  );
}

/**
 * The residency to price for: the flag, the environment or the saved default (settings/table.ts),
 * else in a terminal a question. Without any of them the estimate cannot be made: exit 2, naming the flag.
 */
async function residencyFor(ctx: Context, flag: string | undefined): Promise<Residency> {
  const resolved = resolveSetting('residency', { flag, env: ctx.io.env, saved: () => readSavedDefaults(ctx.io.env) });
  if (resolved) return resolved.value;
  if (!ctx.interactive)
    throw new UsageError('--residency is required when not running interactively; pass --residency local or --residency non-local.');
  const { askResidency } = await import('../prompts/residency.js');
  return askResidency(ctx);
}

async function estimate(
  ctx: Context,
  options: FeesOptions,
): Promise<{ fees: FeeSummary; residency: Residency; source: string; mode: string; modeAssumed: boolean; judgement?: Judgement }> {
  const catalogue = ctx.catalogue();
  const rules = catalogue.fees;
  if (options.credits !== undefined && options.plan !== undefined) throw new UsageError('pass --credits or --plan, not both.');
  if (options.transferredCredits !== undefined && options.plan !== undefined) {
    throw new UsageError(
      '--transferred-credits is for a quick estimate; a plan says which subjects are transferred in its "transferred" list instead.',
    );
  }
  if (options.plan !== undefined) {
    // Loaded only for --plan: its schema modules are no part of the quick `fees --residency ... --json`.
    const { loadPlanFile } = await import('../io/plan-file.js');
    const loaded = loadPlanFile(catalogue, options.plan, ctx.io.stdin);
    if (!loaded.ok) throw new UsageError(loaded.messages.join('; '));
    const { judgePlan } = await import('../../domain/plan/judge.js');
    const plan = { ...loaded.plan };
    // Only a flag overrides the plan's own residency; the environment and saved defaults do not.
    if (options.residency !== undefined) plan.residency = parseSetting('residency', options.residency, 'flag');
    // The flag is refused outright; a plan file's own fellowship is judged, as `check` judges it.
    const refused = options.fellowship ? fellowshipFlagError(rules, plan.residency) : undefined;
    if (refused) throw refused;
    if (options.fellowship) plan.fellowship = true;
    const judgement = judgePlan(catalogue, plan);
    return {
      fees: judgement.fees,
      residency: plan.residency,
      source: `the plan ${options.plan}`,
      mode: plan.mode,
      modeAssumed: false,
      judgement,
    };
  }
  const residency = await residencyFor(ctx, options.residency);
  const refused = options.fellowship ? fellowshipFlagError(rules, residency) : undefined;
  if (refused) throw refused;
  const chargedRequired = chargedCreditsRequired(catalogue);
  // fees has no --mode (the contract has none): where the mode changes the initial payment, the
  // environment's or the saved mode is used, else the catalogue's first, and the note says which.
  const chosen = registrationDependsOnMode(rules, residency)
    ? resolveSetting('mode', { flag: undefined, env: ctx.io.env, saved: () => readSavedDefaults(ctx.io.env) }, catalogue)
    : undefined;
  const mode = chosen?.value ?? catalogue.data.modes[0]!.id;
  const assumed = { mode, modeAssumed: chosen === undefined };
  if (options.transferredCredits !== undefined) return { ...transferEstimate(ctx, options, residency, mode), residency, ...assumed };
  // The whole programme, tuition-free subjects included; or N credits, all of them tuition-bearing.
  const whole = options.credits === undefined;
  const charged = whole ? chargedRequired : parseCredits(catalogue, options.credits!);
  const fees = computeFees(rules, {
    residency,
    credits: whole ? catalogue.data.creditsRequired : charged,
    chargedCredits: charged,
    graduationCredits: Math.min(charged, chargedRequired),
    fellowship: options.fellowship === true,
    mode,
  });
  return {
    fees,
    residency,
    source: whole ? 'the whole programme' : plural(charged, 'tuition-bearing credit', 'tuition-bearing credits'),
    ...assumed,
  };
}

/** --transferred-credits N: the estimate with N credits transferred from earlier study, which are not billed. */
function transferEstimate(ctx: Context, options: FeesOptions, residency: Residency, mode: string): { fees: FeeSummary; source: string } {
  const catalogue = ctx.catalogue();
  const text = options.transferredCredits!;
  refuseNegative('--transferred-credits', text, 'the number of credits transferred, such as --transferred-credits 3');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(text.trim()))
    throw new UsageError(
      `--transferred-credits "${safeLine(text)}" is not a whole number of credits, nor one with at most two decimals; pass one such as --transferred-credits 3.`,
    );
  const transferred = inCreditSteps(catalogue, '--transferred-credits', Number(text));
  const credits = options.credits === undefined ? undefined : parseCredits(catalogue, options.credits);
  const estimate = transferFeeInput(catalogue, credits, transferred);
  if (!estimate.ok) throw new UsageError(`--transferred-credits ${transferred}: ${estimate.reason}; pass fewer.`);
  const fees = computeFees(catalogue.fees, { ...estimate.input, residency, fellowship: options.fellowship === true, mode });
  const of = credits === undefined ? 'the whole programme' : plural(credits, 'tuition-bearing credit', 'tuition-bearing credits');
  return { fees, source: `${of}, ${plural(transferred, 'credit', 'credits')} of it transferred` };
}

/** `fees`: the fee estimate for a residency and a number of credits or a plan; `now` dates a calendar (tests pass their own). */
export async function fees(ctx: Context, options: FeesOptions, now: () => Date = () => new Date()): Promise<Outcome> {
  // A schedule is of a plan's subjects; a bare number of credits has no terms to bill.
  if (options.byTerm && options.plan === undefined)
    throw new UsageError(
      '--by-term needs --plan FILE, whose subjects are billed term by term; for example: study-planner fees --plan plan.json --by-term',
    );
  const format = formatOf(ctx, options);
  const result = await estimate(ctx, options);
  const { judgement } = result;
  if (judgement) {
    const { planFindings } = await import('../render/plan-findings.js');
    ctx.err(planFindings(judgement, options.plan!, { colour: colourOnStderr(ctx), width: ctx.width }));
  }
  // A plan with errors still gets its estimate, and exits 1 as `check` would.
  const outcome: Outcome = judgement && !judgement.valid ? 'invalid' : 'success';
  if (options.byTerm && judgement) {
    await feesByTerm(ctx, result.fees, judgement, options.plan!, { format, now });
    return outcome;
  }
  if (ctx.json) {
    ctx.out(`${safeJson(result.fees)}\n`);
    return outcome;
  }
  const { renderFeeEstimate } = await import('../render/fee-estimate.js');
  ctx.out(renderFeeEstimate(result, ctx.catalogue(), ctx));
  return outcome;
}

async function feesByTerm(
  ctx: Context,
  fees: FeeSummary,
  judgement: Judgement,
  file: string,
  { format, now }: { format: Format; now: () => Date },
): Promise<void> {
  const { scheduleOf } = await import('../../domain/schedule/of-judgement.js');
  const schedule = scheduleOf(ctx.catalogue(), judgement);
  // A student part-way through sees what is still to pay beside the whole.
  const remaining = judgement.record.present ? remainingBills(schedule.bills, todayOf(ctx.io)) : undefined;
  // What a script or another program reads carries no report, so a problem is said on stderr.
  if ((ctx.json || format !== 'text') && schedule.errors.length > 0)
    ctx.err(
      `study-planner: the schedule in ${safeLine(file)} has problems; run "study-planner check ${nameArgument(safeLine(file))}" to see them.\n`,
    );
  if (ctx.json) {
    const { feesByTermJson } = await import('../render/schedule-json.js');
    ctx.out(`${safeJson(feesByTermJson(fees, schedule, remaining))}\n`);
    return;
  }
  if (format === 'csv') {
    const { renderBillsCsv } = await import('../render/bills-csv.js');
    ctx.out(renderBillsCsv(schedule.bills, fees));
    return;
  }
  if (format === 'ics') {
    const [{ renderBillsIcs }, { createHash }] = await Promise.all([import('../render/bills-ics.js'), import('node:crypto')]);
    // The same plan makes the same events, so importing its calendar again updates them rather than
    // adding copies, also once the plan is changed: a plan file is known by where it is, a plan on
    // standard input by its subjects, in no order and in no spelling (identifiers, sorted).
    const identity = file === '-' ? judgement.subjects.map((s) => s.id).sort() : path.resolve(file);
    const planKey = createHash('sha256')
      .update(JSON.stringify([ctx.catalogue().id, identity]))
      .digest('hex')
      .slice(0, 16);
    const calendar = renderBillsIcs(schedule.bills, fees, { planKey, now: now() });
    if (calendar.undated.length > 0) {
      const which = calendar.undated.map((r) => `${r.label} (${r.when})`).join(', ');
      ctx.err(
        `study-planner: no due date can be worked out for ${which}; the calendar leaves ${calendar.undated.length === 1 ? 'it' : 'them'} out.\n`,
      );
    }
    ctx.out(calendar.text);
    return;
  }
  const [{ renderFeeEstimate }, { renderTermBills }, { makeStyle }] = await Promise.all([
    import('../render/fee-estimate.js'),
    import('../render/timeline.js'),
    import('../render/style.js'),
  ]);
  ctx.out(
    `${renderFeeEstimate({ fees, residency: judgement.plan.residency, source: `the plan ${file}`, mode: judgement.plan.mode }, ctx.catalogue(), ctx)}\n${renderTermBills(schedule, fees, makeStyle(ctx.colour), ctx.width, remaining)}`,
  );
}
