import { unrefundedInitialPayment, type FeeSummary } from '../../domain/fees/fees.js';
import { differenceExact } from '../../domain/catalogue/credits.js';
import { count, money } from '../../domain/text/money.js';
import type { Style } from './style.js';
import { renderSummary } from './table.js';

/**
 * The rows of the fee summary, label and amount, the last one the total: every view shows these.
 * A label that begins with two spaces is a part of the row above it.
 */
export function feeRows(fees: FeeSummary): [label: string, amount: string][] {
  const m = (n: number) => money(n, fees.currency);
  const tuitionFree = differenceExact(fees.credits, fees.chargedCredits);
  const unrefunded = unrefundedInitialPayment(fees);
  return [
    ['Credits', count(fees.credits)],
    ...(tuitionFree > 0 ? [['  of which tuition-free', count(tuitionFree)] as [string, string]] : []),
    ...priceRows(fees),
    ['Tuition', m(fees.tuition)],
    // When the plan costs less than the initial payment, that payment is no longer part of the tuition.
    ...initialPaymentRows(fees, unrefunded),
    ['Fellowship', fees.fellowship === 0 ? m(0) : `-${m(fees.fellowship)}`],
    ...(unrefunded > 0 ? [['Initial payment not refunded, though the plan costs less', `+${m(unrefunded)}`] as [string, string]] : []),
    ['Payable', m(fees.payable)],
  ];
}

/** The initial payment's row; none where the programme asks for none (a programme fee billed later, say). */
function initialPaymentRows(fees: FeeSummary, unrefunded: number): [label: string, amount: string][] {
  const m = (n: number) => money(n, fees.currency);
  if (fees.initialPayment === 0) return [];
  return [
    unrefunded > 0
      ? ['Initial payment, due on accepting the offer', m(fees.initialPayment)]
      : ['  of which initial payment, due on accepting the offer', m(fees.initialPayment)],
  ];
}

/**
 * How the tuition is priced: the fee per credit; or, where the programme charges a flat fee, that
 * fee for the credits it pays for, and the charged credits beyond them at the fee per credit.
 */
function priceRows(fees: FeeSummary): [label: string, amount: string][] {
  const m = (n: number) => money(n, fees.currency);
  if (fees.programmeFee === undefined || fees.programmeCredits === undefined) return [['Fee per credit', m(fees.perCredit)]];
  const beyond = Math.max(0, differenceExact(fees.chargedCredits, fees.programmeCredits));
  return [
    [`Programme fee, for ${count(fees.programmeCredits)} credits`, m(fees.programmeFee)],
    ...(beyond > 0
      ? [
          [
            `${count(beyond)} more ${beyond === 1 ? 'credit' : 'credits'}, at ${m(fees.perCredit)} each`,
            m(differenceExact(fees.tuition, fees.programmeFee)),
          ] as [string, string],
        ]
      : []),
  ];
}

/** The credit and fee summary in the terminal, the same wherever a plan or an estimate is shown. */
export function renderFees(fees: FeeSummary, style: Style, width = 80): string {
  return renderSummary(feeRows(fees), style, true, width);
}
