import { unrefundedInitialPayment, type FeeSummary } from '../../domain/fees/fees.js';
import { count, money } from '../../domain/text/money.js';
import type { Style } from './style.js';
import { renderSummary } from './table.js';

/**
 * The rows of the fee summary, label and amount, the last one the total: every view shows these.
 * A label that begins with two spaces is a part of the row above it.
 */
export function feeRows(fees: FeeSummary): [label: string, amount: string][] {
  const m = (n: number) => money(n, fees.currency);
  const tuitionFree = fees.credits - fees.chargedCredits;
  const unrefunded = unrefundedInitialPayment(fees);
  return [
    ['Credits', count(fees.credits)],
    ...(tuitionFree > 0 ? [['  of which tuition-free', count(tuitionFree)] as [string, string]] : []),
    ['Fee per credit', m(fees.perCredit)],
    ['Tuition', m(fees.tuition)],
    // When the plan costs less than the initial payment, that payment is no longer part of the tuition.
    unrefunded > 0
      ? ['Initial payment, due on accepting the offer', m(fees.initialPayment)]
      : ['  of which initial payment, due on accepting the offer', m(fees.initialPayment)],
    ['Fellowship', fees.fellowship === 0 ? m(0) : `-${m(fees.fellowship)}`],
    ...(unrefunded > 0 ? [['Initial payment not refunded, though the plan costs less', `+${m(unrefunded)}`] as [string, string]] : []),
    ['Payable', m(fees.payable)],
  ];
}

/** The credit and fee summary in the terminal, the same wherever a plan or an estimate is shown. */
export function renderFees(fees: FeeSummary, style: Style, width = 80): string {
  return renderSummary(feeRows(fees), style, true, width);
}
