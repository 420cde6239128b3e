import type { FeeSummary } from '../../domain/fees/fees.js';
import { count, money } from '../../domain/text/money.js';
import type { Style } from './style.js';
import { renderSummary } from './table.js';

/** The credit and fee summary, the same wherever a plan or an estimate is shown. */
export function renderFees(fees: FeeSummary, style: Style): string {
  const m = (n: number) => money(n, fees.currency);
  return renderSummary(
    [
      ['Credits', count(fees.credits)],
      ['Fee per credit', m(fees.perCredit)],
      ['Tuition', m(fees.tuition)],
      ['  of which initial payment, due on accepting the offer', m(fees.initialPayment)],
      ['Fellowship', fees.fellowship === 0 ? m(0) : `-${m(fees.fellowship)}`],
      ['Payable', m(fees.payable)],
    ],
    style,
  );
}
