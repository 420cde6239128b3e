import { describe, expect, it } from 'vitest';
import type { Residency } from '../../src/domain/catalogue/schema.js';
import { chargedCreditsRequired } from '../../src/domain/fees/charged-required.js';
import { computeFees, fellowshipEligible, unrefundedInitialPayment } from '../../src/domain/fees/fees.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { catalogueFrom, COMPULSORY, CORE, DISSERTATION, ELECTIVE, invented, inventedJson, plan, real, realJson } from './catalogues.js';

const rules = real.fees;

interface Row {
  name: string;
  residency: Residency;
  credits: number;
  /** Defaults: every credit carries tuition, and counts towards graduation up to the 30 charged ones required. */
  charged?: number;
  graduation?: number;
  fellowship?: boolean;
  tuition: number;
  initialPayment: number;
  fellowshipAmount: number;
  payable: number;
  /** The part of the initial payment kept though the plan costs less (0 unless it does). */
  unrefunded?: number;
}

// Every case of the fee rules in docs/fees-catalogue-engine.md, worked by hand: HK$5,750 a credit; initial payment 3 credits'
// fee (local) or 6 (non-local); fellowship = min(120,000, covered tuition - 42,100), never below 0;
// payable = tuition - fellowship, never below the initial payment.
const rows: Row[] = [
  {
    name: '30 credits, local',
    residency: 'local',
    credits: 30,
    tuition: 172_500,
    initialPayment: 17_250,
    fellowshipAmount: 0,
    payable: 172_500,
  },
  {
    name: '30 credits, non-local',
    residency: 'non-local',
    credits: 30,
    tuition: 172_500,
    initialPayment: 34_500,
    fellowshipAmount: 0,
    payable: 172_500,
  },
  {
    name: 'fellowship at its cap: 30 credits',
    residency: 'local',
    credits: 30,
    fellowship: true,
    tuition: 172_500,
    initialPayment: 17_250,
    fellowshipAmount: 120_000,
    payable: 52_500,
  },
  {
    name: 'fellowship just at the cap: 29 credits',
    residency: 'local',
    credits: 29,
    fellowship: true,
    tuition: 166_750,
    initialPayment: 17_250,
    fellowshipAmount: 120_000,
    payable: 46_750,
  },
  {
    name: 'fellowship just under the cap: 28 credits',
    residency: 'local',
    credits: 28,
    fellowship: true,
    tuition: 161_000,
    initialPayment: 17_250,
    fellowshipAmount: 118_900,
    payable: 42_100,
  },
  {
    name: 'fellowship at the student-share floor: 27 credits',
    residency: 'local',
    credits: 27,
    fellowship: true,
    tuition: 155_250,
    initialPayment: 17_250,
    fellowshipAmount: 113_150,
    payable: 42_100,
  },
  {
    name: 'fellowship on few credits: 9',
    residency: 'local',
    credits: 9,
    fellowship: true,
    tuition: 51_750,
    initialPayment: 17_250,
    fellowshipAmount: 9_650,
    payable: 42_100,
  },
  {
    name: 'credits so few the fellowship is 0: 7',
    residency: 'local',
    credits: 7,
    fellowship: true,
    tuition: 40_250,
    initialPayment: 17_250,
    fellowshipAmount: 0,
    payable: 40_250,
  },
  {
    name: 'exactly the initial payment: 3 credits, local',
    residency: 'local',
    credits: 3,
    fellowship: true,
    tuition: 17_250,
    initialPayment: 17_250,
    fellowshipAmount: 0,
    payable: 17_250,
  },
  // PolyU never refunds the initial payment: a plan that costs less still pays it.
  {
    name: 'less than the initial payment: 3 credits, non-local',
    residency: 'non-local',
    credits: 3,
    tuition: 17_250,
    initialPayment: 34_500,
    fellowshipAmount: 0,
    payable: 34_500,
    unrefunded: 17_250,
  },
  {
    name: 'less than the initial payment: 5 credits, non-local',
    residency: 'non-local',
    credits: 5,
    tuition: 28_750,
    initialPayment: 34_500,
    fellowshipAmount: 0,
    payable: 34_500,
    unrefunded: 5_750,
  },
  {
    name: 'just the initial payment: 6 credits, non-local',
    residency: 'non-local',
    credits: 6,
    tuition: 34_500,
    initialPayment: 34_500,
    fellowshipAmount: 0,
    payable: 34_500,
  },
  // docs/fees-catalogue-engine.md: the initial payment is the registration credits' fee, whatever the estimate.
  {
    name: 'no credits: the initial payment is still kept',
    residency: 'local',
    credits: 0,
    fellowship: true,
    tuition: 0,
    initialPayment: 17_250,
    fellowshipAmount: 0,
    payable: 17_250,
    unrefunded: 17_250,
  },
  {
    name: 'extra credits beyond 30 are not covered',
    residency: 'local',
    credits: 36,
    graduation: 30,
    fellowship: true,
    tuition: 207_000,
    initialPayment: 17_250,
    fellowshipAmount: 120_000,
    payable: 87_000,
  },
  {
    name: 'extra credits on a fellowship below its cap',
    residency: 'local',
    credits: 30,
    graduation: 27,
    fellowship: true,
    tuition: 172_500,
    initialPayment: 17_250,
    fellowshipAmount: 113_150,
    payable: 59_350,
  },
  {
    name: 'a tuition-free subject: 31 credits, 30 charged',
    residency: 'local',
    credits: 31,
    charged: 30,
    graduation: 30,
    fellowship: true,
    tuition: 172_500,
    initialPayment: 17_250,
    fellowshipAmount: 120_000,
    payable: 52_500,
  },
  {
    name: 'a tuition-free subject among the required: 28 of 29 graduation credits charged',
    residency: 'local',
    credits: 29,
    charged: 28,
    graduation: 28,
    fellowship: true,
    tuition: 161_000,
    initialPayment: 17_250,
    fellowshipAmount: 118_900,
    payable: 42_100,
  },
  {
    name: 'fellowship ignored for non-local',
    residency: 'non-local',
    credits: 30,
    fellowship: true,
    tuition: 172_500,
    initialPayment: 34_500,
    fellowshipAmount: 0,
    payable: 172_500,
  },
];

describe('computeFees over the real fee figures', () => {
  it.each(rows)('$name', (row) => {
    const charged = row.charged ?? row.credits;
    const fees = computeFees(rules, {
      residency: row.residency,
      credits: row.credits,
      chargedCredits: charged,
      graduationCredits: row.graduation ?? Math.min(charged, 30),
      fellowship: row.fellowship ?? false,
    });
    expect(fees).toEqual({
      currency: 'HKD',
      credits: row.credits,
      chargedCredits: charged,
      perCredit: 5750,
      tuition: row.tuition,
      initialPayment: row.initialPayment,
      fellowship: row.fellowshipAmount,
      payable: row.payable,
    });
    expect(Object.keys(fees)).toEqual([
      'currency',
      'credits',
      'chargedCredits',
      'perCredit',
      'tuition',
      'initialPayment',
      'fellowship',
      'payable',
    ]);
    expect(fees.payable).toBe(Math.max(fees.tuition - fees.fellowship, fees.initialPayment));
    expect(unrefundedInitialPayment(fees)).toBe(row.unrefunded ?? 0);
  });

  it('fellowship eligibility comes from the catalogue', () => {
    expect(fellowshipEligible(rules, 'local')).toBe(true);
    expect(fellowshipEligible(rules, 'non-local')).toBe(false);
    expect(fellowshipEligible(invented.fees, 'local')).toBe(false);
    expect(fellowshipEligible(invented.fees, 'non-local')).toBe(true);
  });

  it('a catalogue without a fellowship grants none', () => {
    const json = realJson();
    delete json.fees.fellowship;
    const none = catalogueFrom(json);
    expect(fellowshipEligible(none.fees, 'local')).toBe(false);
    const fees = computeFees(none.fees, {
      residency: 'local',
      credits: 30,
      chargedCredits: 30,
      graduationCredits: 30,
      fellowship: true,
    });
    expect(fees).toMatchObject({ fellowship: 0, payable: 172_500 });
  });
});

describe('fees of a judged plan', () => {
  const dissertation = [...COMPULSORY, CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, DISSERTATION];
  it.each([
    [
      'local, no fellowship',
      dissertation,
      { residency: 'local' as const },
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 0, payable: 172_500 },
    ],
    [
      'non-local',
      dissertation,
      { residency: 'non-local' as const },
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 },
    ],
    [
      'local with fellowship: the worked example',
      dissertation,
      { fellowship: true },
      { credits: 31, chargedCredits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 },
    ],
    [
      'non-local asking for the fellowship gets none',
      dissertation,
      { residency: 'non-local' as const, fellowship: true },
      { fellowship: 0, payable: 172_500 },
    ],
    [
      'an extra core subject is paid in full',
      [...dissertation, CORE[2]!],
      { fellowship: true },
      { credits: 34, chargedCredits: 33, tuition: 189_750, fellowship: 120_000, payable: 69_750 },
    ],
    [
      'a plan 1 elective short: 27 charged credits at the floor',
      dissertation.filter((s) => s !== ELECTIVE[1]),
      { fellowship: true },
      { credits: 28, chargedCredits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 },
    ],
    [
      'without the tuition-free subject: the same tuition',
      dissertation.filter((s) => s !== 'academic-integrity-and-ethics'),
      { fellowship: true },
      { credits: 30, chargedCredits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 },
    ],
    [
      'a plan cheaper than the initial payment pays the initial payment',
      [CORE[0]!],
      { residency: 'non-local' as const },
      { credits: 3, chargedCredits: 3, tuition: 17_250, initialPayment: 34_500, payable: 34_500 },
    ],
  ])('%s', (_name, subjects, fields, expected) => {
    expect(judgePlan(real, plan(subjects, fields)).fees).toMatchObject({ currency: 'HKD', perCredit: 5750, ...expected });
  });
});

describe('the tuition-bearing credits required', () => {
  it('are the credits required less the tuition-free subjects every plan takes', () => {
    expect(chargedCreditsRequired(real)).toBe(30);
    // The invented programme: 27 required, its 1-credit Academic Integrity free.
    expect(chargedCreditsRequired(invented)).toBe(26);
  });

  it('count a tuition-free subject only when every plan must take it', () => {
    const json = realJson();
    json.subjects.find((s: { id: string }) => s.id === 'academic-integrity-and-ethics').category = 'elective';
    expect(chargedCreditsRequired(catalogueFrom(json))).toBe(31);
  });

  it('count one that every option of an alternative names', () => {
    const json = inventedJson();
    // The capstone made free: not every finale takes it, so nothing changes...
    json.subjects.find((s: { id: string }) => s.id === 'capstone-project').tuitionFree = true;
    expect(chargedCreditsRequired(catalogueFrom(json))).toBe(26);
    // ...until both the project options name it (the third option is then dropped).
    json.requirements[3].anyOf = json.requirements[3].anyOf.slice(0, 2);
    json.requirements[3].anyOf[1].rule.from.subjects.push('capstone-project');
    expect(chargedCreditsRequired(catalogueFrom(json))).toBe(20);
  });
});

describe('the fellowship covers tuition-bearing graduation credits only', () => {
  // The invented programme with a larger bursary, so its cap does not hide the count: 27 credits
  // required, 26 of them charged. Options 3 + 4 + 2 = 9 credits for the 8 required (no subset
  // makes exactly 8), so 28 credits count, 27 of them charged; the bursary covers 26.
  const json = inventedJson();
  json.fees.fellowship.cap = 100_000;
  const generous = catalogueFrom(json);
  const subjects = [
    'data-stewardship-principles',
    'academic-integrity',
    'survey-methods',
    'causal-inference',
    'qualitative-research',
    'metadata-design',
    'data-curation-lab',
    'archival-science',
    'capstone-project',
  ];

  it('counts 26 charged credits, not the 27 the counted subjects carry', () => {
    const j = judgePlan(generous, plan(subjects, { residency: 'non-local', fellowship: true }));
    expect(j.valid).toBe(true);
    expect(j.fees).toEqual({
      currency: 'EUR',
      credits: 28,
      chargedCredits: 27,
      perCredit: 400,
      tuition: 10_800,
      initialPayment: 4000,
      fellowship: 26 * 400 - 5000,
      payable: 10_800 - (26 * 400 - 5000),
    });
    expect(j.warnings.map((w) => w.code)).toEqual(['EXTRA_CREDITS']);
    expect(j.warnings[0]!.message).toContain('they add EUR');
  });
});
