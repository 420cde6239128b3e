import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { bundledCatalogue } from './load-catalogue.js';

const catalogue = bundledCatalogue();
const ids = catalogue.subjects.map((s) => s.id);

describe('bills', () => {
  it('always add up, with the initial payment, to the payable total, to the dollar', () => {
    fc.assert(
      fc.property(
        fc.subarray(ids, { minLength: 0, maxLength: 16 }),
        fc.constantFrom('local' as const, 'non-local' as const),
        fc.constantFrom('full-time', 'part-time'),
        fc.boolean(),
        fc.option(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 16, maxLength: 16 }), { nil: undefined }),
        (subjects, residency, mode, fellowship, termIndexes) => {
          // Either the proposed schedule, or a random one (possibly leaving subjects out).
          const schedule = termIndexes
            ? Array.from({ length: 9 }, (_, t) => ({ term: termAt(catalogue, t).label, subjects: subjects.filter((_, i) => termIndexes[i] === t) }))
            : undefined;
          const plan = { residency, mode, fellowship: fellowship && residency === 'local', subjects, ...(schedule ? { schedule } : {}) };
          const judgement = judgePlan(catalogue, plan);
          const result = judgement.schedule ?? planSchedule(catalogue, plan, { ...judgement, satisfied: judgement.valid });
          const total = result.bills.reduce((sum, b) => sum + b.bill, 0) + judgement.fees.initialPayment;
          expect(total).toBe(judgement.fees.payable);
          const smallPlan = judgement.fees.initialPayment > judgement.fees.payable;
          result.bills.forEach((bill, i) => {
            expect(Number.isInteger(bill.bill)).toBe(true);
            // Only a plan that costs less than the initial payment has money owed back, on its last bill.
            if (!smallPlan || i < result.bills.length - 1) expect(bill.bill).toBeGreaterThanOrEqual(0);
            expect(bill.fellowship).toBeLessThanOrEqual(bill.tuition);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
