import { describe, expect, it } from 'vitest';
import { residencyQuestion } from '../../src/cli/prompts/residency.js';
import { feeRows } from '../../src/cli/render/fees.js';
import { catalogueFrom, readJson } from '../domain/catalogues.js';
import { runInProcess } from '../support/run-in-process.js';

// `fees` and the fee summary on version 2 catalogues (test/fixtures/programmes/): a programme
// fee, fractional credits, initial registration credits that depend on the study mode.

const FIXTURES = 'test/fixtures/programmes';
const EDINBURGH = `${FIXTURES}/edinburgh-msc-comparative-public-policy-2025.json`;
const STOLAF = `${FIXTURES}/stolaf-ba-dance-2014.json`;
const POLYU_IT = `${FIXTURES}/polyu-msc-information-technology-2024.json`;
const env = { NO_COLOR: '1' };

describe('fees on version 2 catalogues', () => {
  it.each([
    // A quarter credit at USD 5,437.52, to the cent.
    [STOLAF, ['--residency', 'local', '--credits', '0.25'], { chargedCredits: 0.25, tuition: 1359.38, payable: 1359.38 }],
    [STOLAF, ['--residency', 'local'], { credits: 8.5, tuition: 46_218.92, initialPayment: 0 }],
    // A programme fee, and 20 credits beyond its 180 at GBP 166.67.
    [EDINBURGH, ['--residency', 'non-local'], { programmeFee: 30_000, programmeCredits: 180, tuition: 30_000 }],
    [EDINBURGH, ['--residency', 'non-local', '--credits', '200'], { tuition: 33_333.4, payable: 33_333.4 }],
    // Without --mode, the catalogue's first mode (full-time): 12 credits at HK$4,650.
    [POLYU_IT, ['--residency', 'local'], { tuition: 139_500, initialPayment: 55_800 }],
  ])('%s %j', async (catalogue, args, expected) => {
    const r = await runInProcess(['--catalogue', catalogue, 'fees', '--json', ...args], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject(expected);
    // Two decimals at most, as the catalogue's figures have.
    expect(r.stdout).not.toMatch(/\d\.\d{3}/);
  });

  it.each([
    [
      EDINBURGH,
      'edinburgh-msc-comparative-public-policy-2025/economic-and-european-semi-core.json',
      'The first semester is due by the payment deadline on its debit note',
    ],
    [
      POLYU_IT,
      'polyu-msc-information-technology-2024/no-stream-dissertation.json',
      'The initial payment, paid on accepting the offer, counts towards the first semester',
    ],
  ])(
    'fees --by-term on %s says how the first semester is billed, with an initial payment only where there is one',
    async (catalogue, plan, note) => {
      const r = await runInProcess(['--catalogue', catalogue, 'fees', '--by-term', '--plan', `${FIXTURES}/plans/${plan}`], {
        env: { ...env, COLUMNS: '200' },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(note);
      if (!note.includes('initial payment')) expect(r.stdout).not.toContain('The initial payment, paid on accepting the offer');
    },
  );

  it('a programme fee is shown as one, with the credits beyond it at the fee per credit', async () => {
    const r = await runInProcess(['--catalogue', EDINBURGH, 'fees', '--residency', 'non-local', '--credits', '200'], { env });
    expect(r.stdout).toMatch(/Programme fee, for 180 credits +GBP 30,000\n/);
    expect(r.stdout).toMatch(/20 more credits, at GBP 166\.67 each +GBP 3,333\.40\n/);
    expect(r.stdout).toMatch(/Tuition +GBP 33,333\.40\n/);
    expect(r.stdout).not.toContain('Fee per credit');
    expect(r.stdout).toContain('No initial payment is due on accepting the offer');
  });

  it('says which mode the initial payment assumed, only where the mode changes it', async () => {
    const polyu = await runInProcess(['--catalogue', POLYU_IT, 'fees', '--residency', 'non-local'], { env });
    expect(polyu.stdout.replace(/\s+/g, ' ')).toContain(
      "The initial payment assumes full-time study; part-time students pay 6 credits' fee (HK$31,800).",
    );
    const bundled = await runInProcess(['fees', '--residency', 'local'], { env });
    expect(bundled.stdout).not.toContain('assumes');
  });

  it('uses the mode of the environment, where the mode changes the initial payment, and then assumes nothing', async () => {
    const args = ['--catalogue', POLYU_IT, 'fees', '--residency', 'non-local', '--json'];
    const fullTime = JSON.parse((await runInProcess(args, { env })).stdout);
    const partTime = await runInProcess(args, { env: { ...env, STUDY_PLANNER_MODE: 'part-time' } });
    expect(fullTime.initialPayment).toBe(12 * 5300);
    expect(JSON.parse(partTime.stdout).initialPayment).toBe(6 * 5300);
    const text = await runInProcess(args.slice(0, -1), { env: { ...env, STUDY_PLANNER_MODE: 'part-time' } });
    expect(text.stdout).not.toContain('assumes');
    const wrong = await runInProcess(args, { env: { ...env, STUDY_PLANNER_MODE: 'sometimes' } });
    expect(wrong.code).toBe(2);
  });

  it('--credits takes two decimals at most', async () => {
    const r = await runInProcess(['--catalogue', STOLAF, 'fees', '--residency', 'local', '--credits', '0.125'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--credits "0.125" is not a whole number of credits, nor one with at most two decimals');
  });
});

describe('the fee summary rows', () => {
  const base = { currency: 'GBP', credits: 180, chargedCredits: 180, perCredit: 166.67, initialPayment: 0, fellowship: 0 };
  it.each([
    [
      'a programme fee for exactly its credits',
      { ...base, programmeFee: 30_000, programmeCredits: 180, tuition: 30_000, payable: 30_000 },
      [
        ['Credits', '180'],
        ['Programme fee, for 180 credits', 'GBP 30,000'],
        ['Tuition', 'GBP 30,000'],
        ['Fellowship', 'GBP 0'],
        ['Payable', 'GBP 30,000'],
      ],
    ],
    [
      'half a credit beyond it',
      {
        ...base,
        credits: 180.5,
        chargedCredits: 180.5,
        programmeFee: 30_000,
        programmeCredits: 180,
        tuition: 30_083.34,
        payable: 30_083.34,
      },
      [
        ['Credits', '180.5'],
        ['Programme fee, for 180 credits', 'GBP 30,000'],
        ['0.5 more credits, at GBP 166.67 each', 'GBP 83.34'],
        ['Tuition', 'GBP 30,083.34'],
        ['Fellowship', 'GBP 0'],
        ['Payable', 'GBP 30,083.34'],
      ],
    ],
    [
      'a fee per credit, with cents',
      { ...base, credits: 0.25, chargedCredits: 0.25, perCredit: 4650.5, tuition: 1162.63, initialPayment: 1162.63, payable: 1162.63 },
      [
        ['Credits', '0.25'],
        ['Fee per credit', 'GBP 4,650.50'],
        ['Tuition', 'GBP 1,162.63'],
        ['  of which initial payment, due on accepting the offer', 'GBP 1,162.63'],
        ['Fellowship', 'GBP 0'],
        ['Payable', 'GBP 1,162.63'],
      ],
    ],
  ])('%s', (_, fees, rows) => {
    expect(feeRows(fees)).toEqual(rows);
  });
});

describe('the residency question', () => {
  it('words initial registration credits per mode where they differ', () => {
    const question = residencyQuestion(catalogueFrom(readJson(POLYU_IT)));
    expect(question.choices.map((c) => c.description)).toEqual([
      "12 credits' fee full-time, 6 part-time, paid on accepting the offer",
      "12 credits' fee full-time, 6 part-time, paid on accepting the offer",
    ]);
  });

  it('says nothing is paid where no credits are', () => {
    const question = residencyQuestion(catalogueFrom(readJson(EDINBURGH)));
    expect(question.choices[0]!.description).toBe('nothing paid on accepting the offer');
  });

  it('keeps one figure where the mode does not change it', () => {
    const question = residencyQuestion(catalogueFrom(readJson('data/polyu-msc-health-informatics-2024.json')));
    expect(question.choices.map((c) => c.description)).toEqual([
      "3 credits' fee paid on accepting the offer; may hold the fellowship",
      "6 credits' fee paid on accepting the offer",
    ]);
  });
});
