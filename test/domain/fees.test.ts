import { describe, expect, it } from 'vitest';
import type { Residency } from '../../src/domain/catalogue/schema.js';
import { computeFees, fellowshipEligible } from '../../src/domain/fees/fees.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { catalogueFrom, COMPULSORY, CORE, DISSERTATION, ELECTIVE, invented, plan, real, realJson } from './catalogues.js';

const rules = real.data.fees;

interface Row {
  name: string;
  residency: Residency;
  credits: number;
  /** Defaults: every credit carries tuition, and counts towards graduation up to the 30 required. */
  chargeable?: number;
  graduation?: number;
  fellowship?: boolean;
  tuition: number;
  initialPayment: number;
  fellowshipAmount: number;
  payable: number;
}

// Every case in programme-facts.md, worked by hand: HK$5,750 a credit; initial payment 3 credits'
// fee (local) or 6 (non-local); fellowship = min(120,000, covered tuition - 42,100), never below 0.
const rows: Row[] = [
  { name: '30 credits, local', residency: 'local', credits: 30, tuition: 172_500, initialPayment: 17_250, fellowshipAmount: 0, payable: 172_500 },
  { name: '30 credits, non-local', residency: 'non-local', credits: 30, tuition: 172_500, initialPayment: 34_500, fellowshipAmount: 0, payable: 172_500 },
  { name: 'fellowship at its cap: 30 credits', residency: 'local', credits: 30, fellowship: true, tuition: 172_500, initialPayment: 17_250, fellowshipAmount: 120_000, payable: 52_500 },
  { name: 'fellowship just at the cap: 29 credits', residency: 'local', credits: 29, fellowship: true, tuition: 166_750, initialPayment: 17_250, fellowshipAmount: 120_000, payable: 46_750 },
  { name: 'fellowship just under the cap: 28 credits', residency: 'local', credits: 28, fellowship: true, tuition: 161_000, initialPayment: 17_250, fellowshipAmount: 118_900, payable: 42_100 },
  { name: 'fellowship at the student-share floor: 27 credits', residency: 'local', credits: 27, fellowship: true, tuition: 155_250, initialPayment: 17_250, fellowshipAmount: 113_150, payable: 42_100 },
  { name: 'fellowship on few credits: 9', residency: 'local', credits: 9, fellowship: true, tuition: 51_750, initialPayment: 17_250, fellowshipAmount: 9_650, payable: 42_100 },
  { name: 'credits so few the fellowship is 0: 7', residency: 'local', credits: 7, fellowship: true, tuition: 40_250, initialPayment: 17_250, fellowshipAmount: 0, payable: 40_250 },
  { name: 'credits so few the fellowship is 0: 3', residency: 'local', credits: 3, fellowship: true, tuition: 17_250, initialPayment: 17_250, fellowshipAmount: 0, payable: 17_250 },
  // The contract: the initial payment is the registration credits' fee, whatever the estimate.
  { name: 'no credits', residency: 'local', credits: 0, fellowship: true, tuition: 0, initialPayment: 17_250, fellowshipAmount: 0, payable: 0 },
  {
    name: 'extra credits beyond 30 are not covered',
    residency: 'local', credits: 36, graduation: 30, fellowship: true,
    tuition: 207_000, initialPayment: 17_250, fellowshipAmount: 120_000, payable: 87_000,
  },
  {
    name: 'extra credits on a fellowship below its cap',
    residency: 'local', credits: 30, graduation: 27, fellowship: true,
    tuition: 172_500, initialPayment: 17_250, fellowshipAmount: 113_150, payable: 59_350,
  },
  {
    name: 'a tuition-free subject: 31 credits, 30 charged',
    residency: 'local', credits: 31, chargeable: 30, graduation: 30, fellowship: true,
    tuition: 172_500, initialPayment: 17_250, fellowshipAmount: 120_000, payable: 52_500,
  },
  {
    name: 'a tuition-free subject among the required: 28 of 29 graduation credits charged',
    residency: 'local', credits: 29, chargeable: 28, graduation: 28, fellowship: true,
    tuition: 161_000, initialPayment: 17_250, fellowshipAmount: 118_900, payable: 42_100,
  },
  { name: 'fellowship ignored for non-local', residency: 'non-local', credits: 30, fellowship: true, tuition: 172_500, initialPayment: 34_500, fellowshipAmount: 0, payable: 172_500 },
];

describe('computeFees over the real fee figures', () => {
  it.each(rows)('$name', (row) => {
    const chargeable = row.chargeable ?? row.credits;
    const fees = computeFees(rules, {
      residency: row.residency,
      credits: row.credits,
      chargeableCredits: chargeable,
      graduationCredits: row.graduation ?? Math.min(chargeable, 30),
      fellowship: row.fellowship ?? false,
    });
    expect(fees).toEqual({
      currency: 'HKD',
      credits: row.credits,
      perCredit: 5750,
      tuition: row.tuition,
      initialPayment: row.initialPayment,
      fellowship: row.fellowshipAmount,
      payable: row.payable,
    });
    expect(Object.keys(fees)).toEqual(['currency', 'credits', 'perCredit', 'tuition', 'initialPayment', 'fellowship', 'payable']);
    expect(fees.payable).toBe(fees.tuition - fees.fellowship);
  });

  it('fellowship eligibility comes from the catalogue', () => {
    expect(fellowshipEligible(rules, 'local')).toBe(true);
    expect(fellowshipEligible(rules, 'non-local')).toBe(false);
    expect(fellowshipEligible(invented.data.fees, 'local')).toBe(false);
    expect(fellowshipEligible(invented.data.fees, 'non-local')).toBe(true);
  });

  it('a catalogue without a fellowship grants none', () => {
    const json = realJson();
    delete json.fees.fellowship;
    const none = catalogueFrom(json);
    expect(fellowshipEligible(none.data.fees, 'local')).toBe(false);
    const fees = computeFees(none.data.fees, { residency: 'local', credits: 30, chargeableCredits: 30, graduationCredits: 30, fellowship: true });
    expect(fees).toMatchObject({ fellowship: 0, payable: 172_500 });
  });
});

describe('fees of a judged plan', () => {
  const dissertation = [...COMPULSORY, CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, DISSERTATION];
  it.each([
    ['local, no fellowship', dissertation, { residency: 'local' as const }, { credits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 0, payable: 172_500 }],
    ['non-local', dissertation, { residency: 'non-local' as const }, { credits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 }],
    ['local with fellowship: the worked example', dissertation, { fellowship: true }, { credits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 }],
    ['non-local asking for the fellowship gets none', dissertation, { residency: 'non-local' as const, fellowship: true }, { fellowship: 0, payable: 172_500 }],
    ['an extra core subject is paid in full', [...dissertation, CORE[2]!], { fellowship: true }, { credits: 33, tuition: 189_750, fellowship: 120_000, payable: 69_750 }],
    ['a plan 1 elective short: 27 credits at the floor', dissertation.filter((s) => s !== ELECTIVE[1]), { fellowship: true }, { credits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 }],
  ])('%s', (_name, subjects, fields, expected) => {
    expect(judgePlan(real, plan(subjects, fields)).fees).toMatchObject({ currency: 'HKD', perCredit: 5750, ...expected });
  });
});
