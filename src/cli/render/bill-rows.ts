import type { FeeSummary } from '../../domain/fees/fees.js';
import type { InstalmentTime, TermBill } from '../../domain/schedule/bills.js';
import { instalmentDueDate } from '../../domain/schedule/due-dates.js';
import { safeLine } from './sanitize.js';
import { UNSCHEDULED_LABEL } from './schedule-json.js';

export const ON_ACCEPTANCE = 'on accepting the offer';

/** One payment of a plan: the initial payment, or one instalment of a term's bill. */
export interface BillRow {
  /** "Semester Two 2025/26": the term the payment is for, safe to show on one line. */
  label: string;
  /** "2025/26-semester-two"; null for subjects without a term. */
  termId: string | null;
  when: typeof ON_ACCEPTANCE | InstalmentTime;
  /** "2026-01-21", when the catalogue's terms give a rule to date it by; an estimate. */
  due: string | undefined;
  amount: number;
  /** The term's share of the fellowship, already taken off its bill: an estimate. */
  fellowshipShare: number;
}

/**
 * Every payment of the plan in order: the initial payment first (labelled with the first term it
 * counts towards), then each term's instalments. Their amounts add up to the payable total.
 */
export function billRows(bills: readonly TermBill[], fees: FeeSummary): BillRow[] {
  const rows: BillRow[] = [];
  const row = (bill: TermBill | undefined) => ({ label: safeLine(bill?.term?.label ?? UNSCHEDULED_LABEL), termId: bill?.term?.id ?? null });
  if (fees.initialPayment > 0) {
    const paysFor = bills.find((b) => b.initialPaymentApplied > 0) ?? bills.find((b) => b.subjects.length > 0);
    rows.push({ ...row(paysFor), when: ON_ACCEPTANCE, due: undefined, amount: fees.initialPayment, fellowshipShare: 0 });
  }
  for (const bill of bills)
    for (const { when, amount } of bill.instalments)
      rows.push({ ...row(bill), when, due: instalmentDueDate(bill.term, when), amount, fellowshipShare: bill.fellowship });
  return rows;
}
