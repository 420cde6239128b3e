import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { chargedCreditsRequired } from '../../src/domain/fees/charged-required.js';
import { computeFees, creditsFee, type FeeInput } from '../../src/domain/fees/fees.js';
import { cents } from '../../src/domain/fees/cents.js';
import { transferFeeInput } from '../../src/domain/fees/transfer-estimate.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { retakes } from '../../src/domain/record/findings.js';
import type { StudyRecord } from '../../src/domain/record/record.js';
import { splitBills } from '../../src/domain/schedule/bills.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { money } from '../../src/domain/text/money.js';
import { catalogueFrom, plan } from './catalogues.js';
import { propertyRuns } from '../support/property-runs.js';

// Fee arithmetic for catalogue format version 2 (docs/catalogue-format.md): per-residency fees, initial registration credits per residency
// and mode, a flat programme fee, two-place credits and money, all exact to the cent.

interface SubjectSpec {
  id: string;
  credits: number;
  tuitionFree?: boolean;
  category?: 'core' | 'elective';
}

/** A small version 2 catalogue: every core subject required, `creditsRequired` their credits unless given. */
function v2Catalogue(fees: Record<string, unknown>, subjects: SubjectSpec[], creditsRequired?: number): Catalogue {
  const core = subjects.filter((s) => (s.category ?? 'core') === 'core');
  return catalogueFrom({
    schemaVersion: 2,
    id: 'fees-v2-test',
    programme: { name: 'Test programme', institution: 'Test university', faculty: 'Test faculty', intake: '2025-09' },
    modes: [
      { id: 'full-time', label: 'Full-time', normalDurationYears: 1 },
      { id: 'part-time', label: 'Part-time', normalDurationYears: 2 },
    ],
    creditsRequired: creditsRequired ?? core.reduce((sum, s) => sum + Math.round(s.credits * 100), 0) / 100,
    categories: [
      { id: 'core', label: 'Core', adjective: 'core' },
      { id: 'elective', label: 'Elective', adjective: 'elective' },
    ],
    subjects: subjects.map((s) => ({
      id: s.id,
      title: `Subject ${s.id}`,
      category: s.category ?? 'core',
      credits: s.credits,
      ...(s.tuitionFree ? { tuitionFree: true } : {}),
    })),
    fees: { currency: 'HKD', ...fees },
    requirements: [{ id: 'core', label: 'Core subjects', from: { categories: ['core'] }, all: true }],
  });
}

const THREE = [
  { id: 'a', credits: 3 },
  { id: 'b', credits: 3 },
  { id: 'c', credits: 3 },
  { id: 'free', credits: 1, tuitionFree: true },
];
const EXTRA: SubjectSpec = { id: 'x', credits: 3, category: 'elective' };

/** The whole programme's fees, as `fees` estimates them. */
function wholeProgramme(catalogue: Catalogue, input: Partial<FeeInput> = {}) {
  const charged = chargedCreditsRequired(catalogue);
  return computeFees(catalogue.fees, {
    residency: 'local',
    credits: catalogue.data.creditsRequired,
    chargedCredits: charged,
    graduationCredits: charged,
    fellowship: false,
    ...input,
  });
}

describe('per-residency fee per credit', () => {
  const catalogue = v2Catalogue(
    { perCredit: { local: 4650, 'non-local': 5300 }, initialRegistrationCredits: { local: 3, 'non-local': 6 } },
    THREE,
  );
  it.each([
    ['local', 4650, 41_850, 13_950],
    ['non-local', 5300, 47_700, 31_800],
  ] as const)('%s: 9 charged credits at %d', (residency, perCredit, tuition, initialPayment) => {
    expect(wholeProgramme(catalogue, { residency })).toEqual({
      currency: 'HKD',
      credits: 10,
      chargedCredits: 9,
      perCredit,
      tuition,
      initialPayment,
      fellowship: 0,
      payable: tuition,
    });
  });
});

describe('initial registration credits per residency and mode', () => {
  const catalogue = v2Catalogue(
    {
      perCredit: { local: 4650, 'non-local': 5300 },
      initialRegistrationCredits: { local: { 'full-time': 12, 'part-time': 6 }, 'non-local': 3 },
    },
    THREE,
  );
  it.each([
    ['local', 'full-time', 55_800],
    ['local', 'part-time', 27_900],
    // No mode, or one the catalogue does not have: its first mode.
    ['local', undefined, 55_800],
    ['local', 'evening', 55_800],
    ['non-local', 'full-time', 15_900],
    ['non-local', 'part-time', 15_900],
  ] as const)('%s, %s: %d', (residency, mode, initialPayment) => {
    expect(wholeProgramme(catalogue, { residency, mode }).initialPayment).toBe(initialPayment);
  });

  it('a judged plan pays its own mode’s initial payment', () => {
    const ids = THREE.map((s) => s.id);
    expect(judgePlan(catalogue, plan(ids, { mode: 'part-time' })).fees.initialPayment).toBe(27_900);
    expect(judgePlan(catalogue, plan(ids, { mode: 'full-time' })).fees.initialPayment).toBe(55_800);
  });
});

describe('a flat programme fee', () => {
  const catalogue = v2Catalogue(
    {
      perCredit: { local: 83.33, 'non-local': 166.67 },
      programmeFee: { local: 15_000, 'non-local': 30_000 },
      initialRegistrationCredits: { local: 0, 'non-local': 2 },
    },
    [...THREE, EXTRA, { id: 'y', credits: 0.5, category: 'elective' }],
  );
  const required = ['a', 'b', 'c', 'free'];

  it.each([
    // The programme fee pays for the 9 charged credits required, tuition-free ones aside.
    ['exactly the credits required', 'local', required, 15_000, 0],
    ['fewer credits than required: the fee is flat', 'local', ['a', 'free'], 15_000, 0],
    ['3 credits more: 15,000 + 3 x 83.33', 'local', [...required, 'x'], 15_249.99, 0],
    ['3.5 credits more: 30,000 + 3.5 x 166.67 = 583.345, half a cent up', 'non-local', [...required, 'x', 'y'], 30_583.35, 333.34],
  ] as const)('%s', (_, residency, subjects, tuition, initialPayment) => {
    const fees = judgePlan(catalogue, plan([...subjects], { residency })).fees;
    expect(fees).toMatchObject({ programmeFee: residency === 'local' ? 15_000 : 30_000, programmeCredits: 9, tuition, initialPayment });
    expect(fees.payable).toBe(Math.max(tuition, initialPayment));
  });

  it('keys: the programme fee and its credits after the fee per credit, only where the catalogue has one', () => {
    expect(Object.keys(wholeProgramme(catalogue))).toEqual([
      'currency',
      'credits',
      'chargedCredits',
      'perCredit',
      'programmeFee',
      'programmeCredits',
      'tuition',
      'initialPayment',
      'fellowship',
      'payable',
    ]);
  });

  it('EXTRA_CREDITS prices the credits beyond the programme fee’s, to the cent', () => {
    const warning = judgePlan(catalogue, plan([...required, 'x'])).warnings.find((w) => w.code === 'EXTRA_CREDITS');
    expect(warning?.message).toContain('they add HK$249.99 to the tuition');
  });

  it('an estimate prices the programme fee’s credits from the catalogue, without being told them', () => {
    const fees = computeFees(catalogue.fees, {
      residency: 'local',
      credits: 9,
      chargedCredits: 9,
      graduationCredits: 9,
      fellowship: false,
    });
    expect(fees).toMatchObject({ programmeFee: 15_000, programmeCredits: 9, tuition: 15_000 });
  });

  it('a transfer leaves the flat fee as it is; credits beyond the required still cost the fee per credit', () => {
    const estimate = transferFeeInput(catalogue, 12, 3);
    expect(estimate.ok).toBe(true);
    if (!estimate.ok) return;
    expect(computeFees(catalogue.fees, { ...estimate.input, residency: 'local', fellowship: false }).tuition).toBe(15_000);
  });
});

describe('two-place credits and money, exact to the cent', () => {
  it.each([
    ['a quarter credit at 5,437.52', [0.25], 5437.52, 1359.38],
    ['8.5 credits at 5,437.52', [1, 1, 1, 1, 1, 1, 0.5, 0.25, 0.25, 0.25, 0.25, 1], 5437.52, 46_218.92],
    ['0.1 + 0.2 credits at 3.33: 0.999, rounded to the cent', [0.1, 0.2], 3.33, 1],
    ['a quarter credit at 4,650.50: 1,162.625, half a cent up', [0.25], 4650.5, 1162.63],
    ['half a credit at one cent: half a cent, up', [0.5], 0.01, 0.01],
    ['7.5 credits at 5,437.52', [1, 1, 1, 1, 1, 1, 1.5], 5437.52, 40_781.4],
  ])('%s', (_, credits, perCredit, tuition) => {
    const subjects = credits.map((c, i) => ({ id: `s${i}`, credits: c }));
    const catalogue = v2Catalogue({ perCredit, initialRegistrationCredits: { local: 0, 'non-local': 0 } }, subjects);
    const judged = judgePlan(catalogue, plan(subjects.map((s) => s.id)));
    expect(judged.fees.tuition).toBe(tuition);
    expect(judged.fees.payable).toBe(tuition);
    // Exactly what JSON prints: never 46218.920000000006.
    expect(JSON.stringify(judged.fees.tuition)).toBe(String(tuition));
    expect(judged.credits.planned).toBe(catalogue.data.creditsRequired);
  });

  it('a retake of a quarter credit is priced to the cent', () => {
    const catalogue = v2Catalogue({ perCredit: 5437.52, initialRegistrationCredits: { local: 0, 'non-local': 0 } }, [
      { id: 'q', credits: 0.25 },
      { id: 'w', credits: 1 },
    ]);
    const quarter = catalogue.subjectById.get('q')!;
    const record: StudyRecord = {
      present: true,
      graded: new Map([[quarter, { grade: 'F', hundredths: 0, fails: true }]]),
      completed: new Set(),
      failed: new Set([quarter]),
      transferred: new Set(),
      exempted: new Set(),
    };
    const [finding] = retakes(catalogue, record, wholeProgramme(catalogue));
    expect(finding?.message).toContain('billed again at HK$1,359.38');
    expect(creditsFee({ perCredit: 5437.52 }, 0.25)).toBe(1359.38);
  });
});

describe('the fellowship with decimals', () => {
  const catalogue = v2Catalogue(
    {
      perCredit: 333.33,
      initialRegistrationCredits: { local: 0.25, 'non-local': 0 },
      fellowship: { name: 'Test Fellowship', cap: 1000.5, minimumStudentShare: 100.25, eligibleResidencies: ['local'] },
    },
    [
      { id: 'a', credits: 1.5 },
      { id: 'b', credits: 1.5 },
    ],
  );
  it('covers min(cap, tuition of the credits required - share), to the cent', () => {
    const fees = wholeProgramme(catalogue, { fellowship: true });
    // 3 x 333.33 = 999.99; less 100.25 is 899.74, under the cap of 1,000.50.
    expect(fees).toMatchObject({ tuition: 999.99, fellowship: 899.74, payable: 100.25, initialPayment: 83.33 });
  });
  it('stops at the cap', () => {
    const capped = v2Catalogue(
      {
        perCredit: 333.33,
        initialRegistrationCredits: { local: 0.25, 'non-local': 0 },
        fellowship: { name: 'Test Fellowship', cap: 100.5, minimumStudentShare: 100.25, eligibleResidencies: ['local'] },
      },
      [
        { id: 'a', credits: 1.5 },
        { id: 'b', credits: 1.5 },
      ],
    );
    expect(wholeProgramme(capped, { fellowship: true })).toMatchObject({ tuition: 999.99, fellowship: 100.5, payable: 899.49 });
  });
  it('under a programme fee, covers that fee less the share; never the credits beyond it', () => {
    const flat = v2Catalogue(
      {
        perCredit: 100.01,
        programmeFee: 9000.5,
        initialRegistrationCredits: { local: 0, 'non-local': 0 },
        fellowship: { name: 'Test Fellowship', cap: 100_000, minimumStudentShare: 1000.25, eligibleResidencies: ['local'] },
      },
      [{ id: 'a', credits: 3 }, { ...EXTRA }],
    );
    const fees = judgePlan(flat, plan(['a', 'x'], { fellowship: true })).fees;
    // 9,000.50 + 3 x 100.01 = 9,300.53; the fellowship 9,000.50 - 1,000.25 = 8,000.25.
    expect(fees).toMatchObject({ tuition: 9300.53, fellowship: 8000.25, payable: 1300.28 });
  });
});

describe('money', () => {
  it.each([
    [172_500, 'HKD', 'HK$172,500'],
    [4650.5, 'HKD', 'HK$4,650.50'],
    [46_218.92, 'USD', 'USD 46,218.92'],
    [0.05, 'HKD', 'HK$0.05'],
    [-1234.5, 'HKD', '-HK$1,234.50'],
    [0, 'HKD', 'HK$0'],
    [1_000_000, 'GBP', 'GBP 1,000,000'],
  ])('%d %s is %s', (amount, currency, text) => {
    expect(money(amount, currency)).toBe(text);
  });
});

describe('term bills in cents', () => {
  it('fractional credits and a fellowship with cents: the bills and the initial payment make the payable total to the cent', () => {
    const catalogue = v2Catalogue(
      {
        perCredit: 4650.5,
        initialRegistrationCredits: { local: 0.25, 'non-local': 0 },
        fellowship: { name: 'Test Fellowship', cap: 5000.75, minimumStudentShare: 100.25, eligibleResidencies: ['local'] },
      },
      [
        { id: 'a', credits: 0.25 },
        { id: 'b', credits: 1.75 },
        { id: 'c', credits: 0.5 },
      ],
    );
    const [a, b, c] = catalogue.subjects;
    const fees = wholeProgramme(catalogue, { fellowship: true });
    // 2.5 x 4,650.50 = 11,626.25.
    expect(fees).toMatchObject({ tuition: 11_626.25, initialPayment: 1162.63, fellowship: 5000.75, payable: 6625.5 });
    const bills = splitBills(
      fees,
      [
        { term: termAt(catalogue, 0), subjects: [a!] },
        { term: termAt(catalogue, 1), subjects: [b!, c!] },
      ],
      [],
      new Set([a!, b!, c!]),
    );
    const total = bills.reduce((sum, bill) => sum + cents(bill.bill), 0);
    expect(total + cents(fees.initialPayment)).toBe(cents(fees.payable));
    expect(bills.map((bill) => bill.tuition)).toEqual([1162.63, 10_463.62]);
    for (const bill of bills) {
      expect(cents(bill.bill)).toBe(bill.instalments.reduce((sum, x) => sum + cents(x.amount), 0));
      expect(bill.bill).toBeGreaterThanOrEqual(0);
    }
  });

  it('a programme fee is spread over the terms by their charged credits, and adds up', () => {
    const catalogue = v2Catalogue({ perCredit: 0, programmeFee: 10_000, initialRegistrationCredits: { local: 0, 'non-local': 0 } }, [
      { id: 'a', credits: 1 },
      { id: 'b', credits: 1 },
      { id: 'c', credits: 1 },
    ]);
    const [a, b, c] = catalogue.subjects;
    const fees = wholeProgramme(catalogue);
    const bills = splitBills(
      fees,
      [
        { term: termAt(catalogue, 0), subjects: [a!] },
        { term: termAt(catalogue, 1), subjects: [b!, c!] },
      ],
      [],
      new Set([a!, b!, c!]),
    );
    expect(bills.map((bill) => bill.tuition)).toEqual([3333.33, 6666.67]);
    expect(bills.reduce((sum, bill) => sum + cents(bill.bill), 0)).toBe(1_000_000);
  });
});

/** Round half up, in BigInt, of the exact rational sum(credits) x perCredit: the documented rule. */
function exactTuitionCents(creditHundredths: readonly number[], perCreditCents: number): bigint {
  const product = creditHundredths.reduce((sum, c) => sum + BigInt(c), 0n) * BigInt(perCreditCents);
  return (product + 50n) / 100n;
}

describe('property: tuition is the exact rational figure, a half cent rounded up', () => {
  const twoPlaces = (max: number) => fc.integer({ min: 0, max }).map((h) => h / 100);

  it('per-credit fees', () => {
    fc.assert(
      fc.property(fc.array(twoPlaces(2_000), { minLength: 1, maxLength: 12 }), twoPlaces(2_000_000), (credits, perCredit) => {
        // A programme requires some credits (a catalogue with none is refused).
        fc.pre(credits.some((c) => c > 0));
        const subjects = credits.map((c, i) => ({ id: `s${i}`, credits: c }));
        const catalogue = v2Catalogue({ perCredit, initialRegistrationCredits: { local: 0, 'non-local': 0 } }, subjects);
        const fees = judgePlan(catalogue, plan(subjects.map((s) => s.id))).fees;
        const expected = exactTuitionCents(
          credits.map((c) => Math.round(c * 100)),
          Math.round(perCredit * 100),
        );
        expect(BigInt(Math.round(fees.tuition * 100))).toBe(expected);
        // At most two decimals, as JSON prints it.
        expect(JSON.stringify(fees.tuition)).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(fees.tuition).toBe(Number(expected) / 100);
      }),
      { numRuns: propertyRuns(400, 100) },
    );
  });

  it('a programme fee and credits beyond it', () => {
    fc.assert(
      fc.property(
        fc.array(twoPlaces(2_000), { minLength: 1, maxLength: 6 }),
        fc.array(twoPlaces(2_000), { maxLength: 4 }),
        twoPlaces(100_000),
        twoPlaces(50_000_000),
        (required, extra, perCredit, programmeFee) => {
          // A programme requires some credits (a catalogue with none is refused).
          fc.pre(required.some((c) => c > 0));
          const subjects: SubjectSpec[] = [
            ...required.map((c, i) => ({ id: `r${i}`, credits: c })),
            ...extra.map((c, i) => ({ id: `e${i}`, credits: c, category: 'elective' as const })),
          ];
          const catalogue = v2Catalogue({ perCredit, programmeFee, initialRegistrationCredits: { local: 0, 'non-local': 0 } }, subjects);
          const fees = judgePlan(catalogue, plan(subjects.map((s) => s.id))).fees;
          const expected =
            BigInt(Math.round(programmeFee * 100)) +
            exactTuitionCents(
              extra.map((c) => Math.round(c * 100)),
              Math.round(perCredit * 100),
            );
          expect(BigInt(Math.round(fees.tuition * 100))).toBe(expected);
          expect(fees.tuition).toBe(Number(expected) / 100);
        },
      ),
      { numRuns: propertyRuns(300, 80) },
    );
  });
});
