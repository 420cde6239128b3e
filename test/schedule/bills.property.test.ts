import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/domain/catalogue/model.js';
import type { FeeSummary } from '../../src/domain/fees/fees.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { splitBills, type TermBill } from '../../src/domain/schedule/bills.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { bundledCatalogue } from './load-catalogue.js';
import { propertyRuns } from '../support/property-runs.js';

const catalogue = bundledCatalogue();
const ids = catalogue.subjects.map((s) => s.id);

/** Every promise a set of bills makes, whatever the plan, schedule or fee figures. */
function expectPolyUBills(bills: readonly TermBill[], fees: FeeSummary): void {
  const total = bills.reduce((sum, b) => sum + b.bill, 0);
  expect(total + fees.initialPayment).toBe(fees.payable);
  const firstSemester = bills.findIndex((b) => b.subjects.length > 0);
  bills.forEach((bill, i) => {
    expect(Number.isInteger(bill.bill)).toBe(true);
    expect(bill.bill).toBeGreaterThanOrEqual(0);
    expect(bill.bill).toBe(bill.instalments.reduce((sum, x) => sum + x.amount, 0));
    for (const instalment of bill.instalments) {
      expect(Number.isInteger(instalment.amount)).toBe(true);
      expect(instalment.amount).toBeGreaterThan(0);
    }
    expect(bill.fellowship).toBeLessThanOrEqual(bill.tuition);
    // What the term costs is paid from the initial payment and its instalments, to the dollar.
    expect(bill.initialPaymentApplied + bill.bill).toBe(Math.max(0, bill.tuition - bill.fellowship));
    const whens = bill.instalments.map((x) => x.when);
    if (bill.term === undefined) expect(whens.every((w) => w === 'when scheduled')).toBe(true);
    else if (i === firstSemester) expect(whens.every((w) => w === 'by the payment deadline')).toBe(true);
    else {
      expect(whens).not.toContain('by the payment deadline');
      const credits = bill.term.kind.instalmentCredits;
      if (credits === undefined) {
        // The Summer Term: once, after its add/drop period.
        expect(whens.every((w) => w === 'after add/drop')).toBe(true);
        expect(whens.length).toBeLessThanOrEqual(1);
      } else {
        // A later semester: up to the instalment's credits before it starts, the rest after add/drop.
        const before = bill.instalments.find((x) => x.when === 'before the term')?.amount ?? 0;
        expect(before).toBeLessThanOrEqual(credits * fees.perCredit);
        expect(before).toBe(Math.min(bill.bill, credits * fees.perCredit));
        expect(whens).toEqual(bill.bill === 0 ? [] : bill.bill > before ? ['before the term', 'after add/drop'] : ['before the term']);
      }
    }
    if (i < firstSemester) expect(bill.bill).toBe(0);
  });
  // The initial payment counts towards the first terms until it is used up, and is never refunded.
  const applied = bills.reduce((sum, b) => sum + b.initialPaymentApplied, 0);
  expect(applied).toBe(Math.min(fees.initialPayment, fees.tuition - fees.fellowship));
  if (fees.tuition - fees.fellowship <= fees.initialPayment) expect(total).toBe(0);
}

describe('bills', () => {
  it('real plans and schedules: no negative instalment, PolyU instalments, and with the initial payment they make the payable total', () => {
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
            ? Array.from({ length: 9 }, (_, t) => ({
                term: termAt(catalogue, t).label,
                subjects: subjects.filter((_, i) => termIndexes[i] === t),
              }))
            : undefined;
          const plan = { residency, mode, fellowship: fellowship && residency === 'local', subjects, ...(schedule ? { schedule } : {}) };
          const judgement = judgePlan(catalogue, plan);
          const result = judgement.schedule ?? planSchedule(catalogue, plan, { ...judgement, satisfied: judgement.valid });
          expectPolyUBills(result.bills, judgement.fees);
        },
      ),
      { numRuns: propertyRuns(300, 100) },
    );
  });

  it('any fee figures: per-credit fee, initial payment and fellowship drawn at random', () => {
    const subjects = catalogue.subjects;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: subjects.length - 1 }), fc.integer({ min: -1, max: 9 })), { maxLength: 14 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 100, max: 60_000 }),
        fc.func(fc.boolean()),
        (picks, perCredit, initialCredits, cap, minimumShare, countsTowardsGraduation) => {
          // Distinct subjects, each in a term (0 to 9 after the intake) or left out (-1).
          const chosen = new Map<Subject, number>();
          for (const [i, term] of picks) if (!chosen.has(subjects[i]!)) chosen.set(subjects[i]!, term);
          const terms = Array.from({ length: 10 }, (_, t) => ({
            term: termAt(catalogue, t),
            subjects: [...chosen].filter(([, at]) => at === t).map(([s]) => s),
          }));
          while (terms.length > 0 && terms[terms.length - 1]!.subjects.length === 0) terms.pop();
          const unscheduled = [...chosen].filter(([, at]) => at === -1).map(([s]) => s);
          const counted = new Set([...chosen.keys()].filter((s) => countsTowardsGraduation(s.id)));
          const charged = (list: Iterable<Subject>) => [...list].reduce((sum, s) => sum + (s.tuitionFree ? 0 : s.credits), 0);
          const tuition = charged(chosen.keys()) * perCredit;
          const fellowship = Math.max(0, Math.min(cap, charged(counted) * perCredit - minimumShare));
          const initialPayment = initialCredits * perCredit;
          const fees: FeeSummary = {
            currency: 'HKD',
            credits: 0,
            chargedCredits: charged(chosen.keys()),
            perCredit,
            tuition,
            initialPayment,
            fellowship,
            payable: Math.max(tuition - fellowship, initialPayment),
          } as FeeSummary;
          expectPolyUBills(splitBills(fees, terms, unscheduled, counted), fees);
        },
      ),
      { numRuns: propertyRuns(400, 120) },
    );
  });
});
