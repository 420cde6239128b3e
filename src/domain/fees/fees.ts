import type { Residency } from '../catalogue/schema.js';
import type { FeeRules } from '../catalogue/model.js';
import { money } from '../text/money.js';

/** The fee object of `fees --json` (docs/json-and-exit-codes.md); every amount in whole units of `currency`, keys in that page's order. */
export interface FeeSummary {
  currency: string;
  /** Every credit, tuition-free ones included. */
  credits: number;
  /** The credits that carry tuition. */
  chargedCredits: number;
  perCredit: number;
  tuition: number;
  initialPayment: number;
  fellowship: number;
  /** Tuition less the fellowship, but never less than the initial payment, which is not refunded. */
  payable: number;
}

export interface FeeInput {
  residency: Residency;
  /** Every credit planned. */
  credits: number;
  /** Credits that carry tuition (some subjects carry none). */
  chargedCredits: number;
  /** Charged credits that count towards graduation, at most the charged credits required. */
  graduationCredits: number;
  /** Whether the student holds the fellowship; ignored where the residency is not eligible. */
  fellowship: boolean;
  /** The study mode, for initial registration credits that depend on it; absent: the catalogue's first mode. */
  mode?: string | undefined;
}

/**
 * Whether a student of this residency may hold the programme's fellowship: the one place this is
 * decided. The planner asks about it only then (plan/steps.ts), a plan claiming it otherwise is
 * judged invalid (plan/judge.ts), `fees --fellowship` is refused, and computeFees grants nothing.
 */
export function fellowshipEligible(rules: FeeRules, residency: Residency): boolean {
  return rules.fellowship?.eligibleResidencies.includes(residency) ?? false;
}

/**
 * Why asking for the fellowship (`asked`: "--fellowship", say) is refused, as a clause, or
 * undefined when this residency may hold it: "--fellowship is for local students only, not
 * non-local students", or "--fellowship was asked for, but this programme offers no fellowship".
 */
export function fellowshipRefusal(rules: FeeRules, residency: Residency, asked: string): string | undefined {
  if (fellowshipEligible(rules, residency)) return undefined;
  if (!rules.fellowship) return `${asked} was asked for, but this programme offers no fellowship`;
  return `${asked} is for ${rules.fellowship.eligibleResidencies.join(' or ')} students only, not ${residency} students`;
}

/**
 * tuition = charged credits x per-credit fee; the initial payment is part of it, paid on accepting
 * the offer; fellowship = min(cap, tuition of the charged graduation credits - minimum student
 * share), never negative; payable = tuition - fellowship, but never below the initial payment,
 * which the university keeps even when the plan costs less.
 */
export function computeFees(rules: FeeRules, input: FeeInput): FeeSummary {
  const perCredit = rules.perCredit[input.residency];
  const tuition = input.chargedCredits * perCredit;
  let fellowship = 0;
  // An ineligible claim is refused or reported where it is made; here it simply earns nothing.
  if (input.fellowship && rules.fellowship && fellowshipEligible(rules, input.residency)) {
    const covered = Math.min(input.graduationCredits, input.chargedCredits) * perCredit;
    fellowship = Math.max(0, Math.min(rules.fellowship.cap, covered - rules.fellowship.minimumStudentShare));
  }
  // Always the residency's registration credits' fee, even for an estimate of fewer credits.
  const initialPayment = initialRegistrationCredits(rules, input.residency, input.mode) * perCredit;
  return {
    currency: rules.currency,
    credits: input.credits,
    chargedCredits: input.chargedCredits,
    perCredit,
    tuition,
    initialPayment,
    fellowship,
    payable: Math.max(tuition - fellowship, initialPayment),
  };
}

/** The credits whose fee is the initial payment, for a residency and study mode (absent or unknown: the catalogue's first mode). */
export function initialRegistrationCredits(rules: FeeRules, residency: Residency, mode?: string): number {
  const byMode = rules.initialRegistrationCredits[residency];
  return (mode === undefined ? undefined : byMode[mode]) ?? byMode[Object.keys(byMode)[0]!] ?? 0;
}

/**
 * How much of the initial payment the plan's own fees do not use up and the university keeps:
 * payable less (tuition - fellowship). 0 unless the plan costs less than the initial payment.
 */
export function unrefundedInitialPayment(fees: FeeSummary): number {
  return fees.payable - (fees.tuition - fees.fellowship);
}

/**
 * What the fellowship is, built from the catalogue's figures so the words can never disagree with
 * them: "Targeted ... Scheme: up to HK$120,000 of the tuition for local students, who pay at least
 * HK$42,100 themselves; 8 awards for this intake. Not with ...". Says so when there is none.
 */
export function fellowshipSummary(rules: FeeRules): string {
  const f = rules.fellowship;
  if (!f) return 'This programme offers no fellowship.';
  const holders = `${f.eligibleResidencies.join(' or ')} students`;
  const share = f.minimumStudentShare > 0 ? `, who pay at least ${money(f.minimumStudentShare, rules.currency)} themselves` : '';
  const awards = f.awards !== undefined ? `; ${f.awards} ${f.awards === 1 ? 'award' : 'awards'} for this intake` : '';
  return `${f.name}: up to ${money(f.cap, rules.currency)} of the tuition for ${holders}${share}${awards}.${f.conditions ? ` ${f.conditions}` : ''}`;
}
