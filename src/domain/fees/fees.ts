import type { FeeRules, Residency } from '../catalogue/schema.js';

/** The contract's fee object; every amount in whole units of `currency`. */
export interface FeeSummary {
  currency: string;
  credits: number;
  perCredit: number;
  tuition: number;
  initialPayment: number;
  fellowship: number;
  payable: number;
}

export interface FeeInput {
  residency: Residency;
  /** Every credit planned. */
  credits: number;
  /** Credits that carry tuition (some subjects carry none). */
  chargeableCredits: number;
  /** Chargeable credits that count towards graduation, at most the credits required. */
  graduationCredits: number;
  /** Whether the student holds the fellowship; ignored where the residency is not eligible. */
  fellowship: boolean;
}

/** Who may hold the fellowship, for messages: "local students", or "nobody in this programme". */
export function fellowshipHolders(rules: FeeRules): string {
  return rules.fellowship ? `${rules.fellowship.eligibleResidencies.join(' or ')} students` : 'nobody in this programme';
}

export function fellowshipEligible(rules: FeeRules, residency: Residency): boolean {
  return rules.fellowship?.eligibleResidencies.includes(residency) ?? false;
}

/**
 * tuition = chargeable credits x per-credit fee; the initial payment is part of it, paid on
 * accepting the offer; fellowship = min(cap, tuition of graduation credits - minimum student share),
 * never negative; payable = tuition - fellowship.
 */
export function computeFees(rules: FeeRules, input: FeeInput): FeeSummary {
  const tuition = input.chargeableCredits * rules.perCredit;
  let fellowship = 0;
  if (input.fellowship && rules.fellowship && fellowshipEligible(rules, input.residency)) {
    const covered = Math.min(input.graduationCredits, input.chargeableCredits) * rules.perCredit;
    fellowship = Math.max(0, Math.min(rules.fellowship.cap, covered - rules.fellowship.minimumStudentShare));
  }
  const payable = tuition - fellowship;
  // Always the residency's registration credits' fee, even for an estimate of fewer credits.
  const initialPayment = rules.initialRegistrationCredits[input.residency] * rules.perCredit;
  return {
    currency: rules.currency,
    credits: input.credits,
    perCredit: rules.perCredit,
    tuition,
    initialPayment,
    fellowship,
    payable,
  };
}
