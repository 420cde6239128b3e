import type { Residency } from '../../domain/catalogue/schema.js';
import type { Catalogue } from '../../domain/catalogue/model.js';
import {
  creditsFee,
  fellowshipEligible,
  initialRegistrationCredits,
  registrationDependsOnMode,
  unrefundedInitialPayment,
  type FeeSummary,
} from '../../domain/fees/fees.js';
import type { Context } from '../context.js';
import { renderFees } from './fees.js';
import { money } from '../../domain/text/money.js';
import { safeLine } from './sanitize.js';
import { makeStyle } from './style.js';
import { wrap } from './wrap.js';

export interface FeeEstimate {
  fees: FeeSummary;
  residency: Residency;
  /** What was priced, in words: "the whole programme", "the plan plan.json". */
  source: string;
  /** The study mode, where the initial payment depends on it. */
  mode?: string | undefined;
  /** The mode was not given but assumed (the catalogue's first), so the note says so where it matters. */
  modeAssumed?: boolean | undefined;
}

/**
 * Which mode the initial payment assumed, and what it is in the others: "The initial payment
 * assumes full-time study; part-time students pay 6 credits' fee (HK$27,900)."
 */
function assumedModeNote(result: FeeEstimate, catalogue: Pick<Catalogue, 'data' | 'fees'>): string {
  const modes = catalogue.data.modes;
  const label = (id: string | undefined) => (modes.find((m) => m.id === id)?.label ?? id ?? modes[0]!.id).toLowerCase();
  const others = modes
    .filter((m) => m.id !== (result.mode ?? modes[0]!.id))
    .map((m) => {
      const credits = initialRegistrationCredits(catalogue.fees, result.residency, m.id);
      return `${label(m.id)} students pay ${credits} credits' fee (${money(creditsFee(result.fees, credits), result.fees.currency)})`;
    });
  return `The initial payment assumes ${label(result.mode)} study; ${others.join(', ')}.`;
}

/** The estimate with its title and notes; `data` is the catalogue's, for the programme's name and the fee rules. */
export function renderFeeEstimate(
  result: FeeEstimate,
  catalogue: Pick<Catalogue, 'data' | 'fees'>,
  ctx: Pick<Context, 'colour' | 'width'>,
): string {
  const style = makeStyle(ctx.colour);
  const { fees } = result;
  const { data, fees: rules } = catalogue;
  const title = `${data.programme.name} (${data.programme.intakeLabel ?? data.programme.intake}): ${result.residency} student, ${safeLine(result.source)}`;
  const registration = `The initial payment (${initialRegistrationCredits(rules, result.residency, result.mode)} credits' fee) is paid on accepting the offer`;
  const notes = [
    fees.initialPayment === 0
      ? 'No initial payment is due on accepting the offer; the tuition is billed term by term.'
      : unrefundedInitialPayment(fees) > 0
        ? `${registration} and is never refunded, so it is paid in full though these fees come to less.`
        : `${registration} and counted within the tuition; the rest is billed term by term.`,
  ];
  if (result.modeAssumed && registrationDependsOnMode(rules, result.residency)) notes.push(assumedModeNote(result, catalogue));
  const fellowship = rules.fellowship;
  if (fellowship && fees.fellowship > 0) {
    notes.push(
      `The ${fellowship.name} covers at most ${money(fellowship.cap, fees.currency)}, and the student pays at least ${money(fellowship.minimumStudentShare, fees.currency)} of the tuition of the credits required.`,
    );
  } else if (fellowshipEligible(rules, result.residency)) {
    notes.push('Add --fellowship to include the fellowship, if you hold one.');
  }
  return [
    style.bold(wrap(safeLine(title), ctx.width)),
    '',
    renderFees(fees, style, ctx.width),
    '',
    ...notes.map((n) => style.dim(wrap(safeLine(n), ctx.width, 0))),
    '',
  ].join('\n');
}
