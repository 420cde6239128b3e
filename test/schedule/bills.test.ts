import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { fellowshipSplit } from '../../src/domain/schedule/bills.js';
import { bundledCatalogue } from './load-catalogue.js';

const catalogue = bundledCatalogue();

function example(name: string, fields: Partial<PlanFile> = {}): PlanFile {
  const json = JSON.parse(fs.readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
  return { mode: 'full-time', fellowship: false, ...json, ...fields };
}

/** Each term as `label: [initial payment counted there, ...instalments as "when amount"]`. */
function billsOf(plan: PlanFile) {
  const judgement = judgePlan(catalogue, plan);
  const bills = judgement.schedule!.bills;
  return {
    fees: judgement.fees,
    terms: Object.fromEntries(
      bills.map((b) => [b.term?.label ?? 'Not scheduled', [b.initialPaymentApplied, ...b.instalments.map((x) => `${x.when} ${x.amount}`)]]),
    ),
    bills: bills.map((b) => b.bill),
  };
}

describe('bills as PolyU issues them', () => {
  it("part-time, local, with the fellowship (examples/part-time-schedule.json): the initial payment covers the first two terms, each later one is under 3 credits' fee", () => {
    const { fees, terms, bills } = billsOf(example('part-time-schedule.json'));
    expect(fees).toMatchObject({ tuition: 172_500, fellowship: 120_000, initialPayment: 17_250, payable: 52_500 });
    // Shares of the fellowship: 3/30, 6/30, 6/30, 6/30 and 9/30 of 120,000 (the 1-credit AIE is free).
    expect(terms).toEqual({
      'Semester One 2024/25': [5_250], // 17,250 - 12,000; nothing left to bill by the deadline
      'Semester Two 2024/25': [10_500], // 34,500 - 24,000, the rest of the initial payment
      'Semester One 2025/26': [1_500, 'before the term 9000'], // the last 1,500 of it, then 9,000
      'Semester Two 2025/26': [0, 'before the term 10500'],
      'Semester One 2026/27': [0, 'before the term 15750'], // 51,750 - 36,000, under 17,250
    });
    expect(bills).toEqual([0, 0, 9_000, 10_500, 15_750]);
    expect(bills.reduce((a, b) => a + b, 0) + fees.initialPayment).toBe(fees.payable);
  });

  it("part-time, non-local: 3 credits' fee before each later semester and the rest after add/drop", () => {
    const { fees, terms } = billsOf(example('part-time-schedule.json', { residency: 'non-local', fellowship: false }));
    expect(fees).toMatchObject({ initialPayment: 34_500, fellowship: 0, payable: 172_500 });
    expect(terms).toEqual({
      'Semester One 2024/25': [17_250],
      'Semester Two 2024/25': [17_250, 'before the term 17250'],
      'Semester One 2025/26': [0, 'before the term 17250', 'after add/drop 17250'],
      'Semester Two 2025/26': [0, 'before the term 17250', 'after add/drop 17250'],
      'Semester One 2026/27': [0, 'before the term 17250', 'after add/drop 34500'],
    });
  });

  it('full-time, non-local (examples/full-time-schedule.json): the first semester by its deadline, the Summer Term once after add/drop', () => {
    const { fees, terms, bills } = billsOf(example('full-time-schedule.json'));
    expect(fees).toMatchObject({ tuition: 172_500, initialPayment: 34_500, payable: 172_500 });
    expect(terms).toEqual({
      'Semester One 2024/25': [34_500, 'by the payment deadline 34500'], // 12 credits: 69,000
      'Semester Two 2024/25': [0, 'before the term 17250', 'after add/drop 69000'], // 15 credits: 86,250
      'Summer Term 2024/25': [0, 'after add/drop 17250'],
    });
    expect(bills.reduce((a, b) => a + b, 0) + fees.initialPayment).toBe(172_500);
  });

  it.each([
    // One 3-credit subject for a non-local student: 17,250 of tuition, 34,500 paid on acceptance.
    ['non-local, one subject', { residency: 'non-local' as const, subjects: ['Epidemiology'] }, 34_500],
    // Nothing but the free 1-credit subject.
    ['local, only the free subject', { residency: 'local' as const, subjects: ['HTI5T04'] }, 17_250],
  ])('%s: cheaper than the initial payment, so every bill is zero and payable is the initial payment', (_name, fields, payable) => {
    const plan: PlanFile = {
      mode: 'part-time',
      fellowship: false,
      ...fields,
      schedule: [{ term: 'Semester One 2024/25', subjects: fields.subjects }],
    };
    const { fees, bills } = billsOf(plan);
    expect(fees.payable).toBe(payable);
    expect(fees.initialPayment).toBe(payable);
    expect(bills).toEqual([0]);
  });

  it("says whether the fellowship's split is an estimate", () => {
    expect(fellowshipSplit(judgePlan(catalogue, example('part-time-schedule.json')).fees)).toBe('estimate');
    expect(fellowshipSplit(judgePlan(catalogue, example('full-time-schedule.json')).fees)).toBe('none');
  });
});
