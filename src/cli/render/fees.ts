import type { FeeSummary } from '../../domain/fees/fees.js';
import { count, money } from '../../domain/text/money.js';
import type { Style } from './style.js';
import { renderSummary } from './table.js';

/** The rows of the fee summary, label and amount, the last one the total: every view shows these. */
export function feeRows(fees: FeeSummary): [label: string, amount: string][] {
  const m = (n: number) => money(n, fees.currency);
  return [
    ['Credits', count(fees.credits)],
    ['Fee per credit', m(fees.perCredit)],
    ['Tuition', m(fees.tuition)],
    ['of which initial payment, due on accepting the offer', m(fees.initialPayment)],
    ['Fellowship', fees.fellowship === 0 ? m(0) : `-${m(fees.fellowship)}`],
    ['Payable', m(fees.payable)],
  ];
}

/** The credit and fee summary in the terminal, the same wherever a plan or an estimate is shown. */
export function renderFees(fees: FeeSummary, style: Style): string {
  // The initial payment is part of the tuition above it, so it is indented under it.
  return renderSummary(feeRows(fees).map(([label, amount], i) => [i === 3 ? `  ${label}` : label, amount] as [string, string]), style);
}
