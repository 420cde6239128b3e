import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

const ESC = '\x1b';
const ANSI = /\x1b\[[0-9;]*m/g;
const TERM_KEYS = ['term', 'name', 'subjects', 'credits', 'bill', 'tuition', 'fellowship', 'initialPaymentApplied', 'instalments'];
const BILL_NOTES = ['fellowshipSplit', 'initialPaymentNotRefunded'];

interface Terms {
  initialPayment: number;
  payable: number;
  terms: { bill: number; instalments: { when: string; amount: number }[] }[];
}

/** Bills plus the initial payment make the payable total; each bill is its instalments, none negative. */
function billsAddUp(result: Terms): void {
  const billed = result.terms.reduce((sum, t) => sum + t.bill, 0);
  expect(billed + result.initialPayment).toBe(result.payable);
  for (const term of result.terms) {
    expect(term.bill).toBe(term.instalments.reduce((sum, x) => sum + x.amount, 0));
    for (const x of term.instalments) expect(x.amount).toBeGreaterThan(0);
  }
}

/** Each term as "name: [initial payment counted there, ...instalments as 'when amount']". */
function paidAs(result: { terms: { name: string; initialPaymentApplied: number; instalments: { when: string; amount: number }[] }[] }) {
  return Object.fromEntries(
    result.terms.map((t) => [t.name, [t.initialPaymentApplied, ...t.instalments.map((x) => `${x.when} ${x.amount}`)]]),
  );
}

describe.concurrent('fees --by-term', () => {
  // Own schedules and proposed ones; local with fellowship, non-local without; part-time and full-time.
  it.each([
    ['examples/part-time-schedule.json', false],
    ['examples/full-time-schedule.json', false],
    ['examples/dissertation.json', true],
    ['examples/coursework.json', true],
  ])('%s: --json adds the terms, whose bills and the initial payment make the payable total', async (file, proposed) => {
    const r = await runInProcess(['fees', '--plan', file, '--by-term', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [result, plain] = [JSON.parse(r.stdout), JSON.parse((await runInProcess(['fees', '--plan', file, '--json'])).stdout)];
    // The keys of fees --json, then the terms, then what the bills rest on.
    expect(Object.keys(result)).toEqual([...Object.keys(plain), 'terms', ...BILL_NOTES]);
    expect(result.terms.length).toBeGreaterThan(0);
    for (const term of result.terms) expect(Object.keys(term)).toEqual(TERM_KEYS);
    expect(result.terms.reduce((sum: number, t: { credits: number }) => sum + t.credits, 0)).toBe(result.credits);
    billsAddUp(result);
    // A proposed part-time schedule leaves the summers empty; a plan's own lists only the terms it names.
    expect(result.terms.some((t: { subjects: string[] }) => t.subjects.length === 0)).toBe(proposed && file.includes('dissertation'));
  });

  it('examples/part-time-schedule.json --json: local with the fellowship, every bill written out', async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/part-time-schedule.json', '--by-term', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      tuition: 172500,
      fellowship: 120000,
      initialPayment: 17250,
      payable: 52500,
      fellowshipSplit: 'estimate',
      initialPaymentNotRefunded: 0,
    });
    // The estimated shares: 3/30, 6/30, 6/30, 6/30 and 9/30 of 120,000 (the 1-credit AIE is free).
    expect(result.terms.map((t: { fellowship: number }) => t.fellowship)).toEqual([12000, 24000, 24000, 24000, 36000]);
    // The initial payment covers the first two terms and 1,500 of the third; each later term is under 3 credits' fee.
    expect(paidAs(result)).toEqual({
      'Semester One 2024/25': [5250],
      'Semester Two 2024/25': [10500],
      'Semester One 2025/26': [1500, 'before the term 9000'],
      'Semester Two 2025/26': [0, 'before the term 10500'],
      'Semester One 2026/27': [0, 'before the term 15750'],
    });
    expect(result.terms.map((t: { bill: number }) => t.bill)).toEqual([0, 0, 9000, 10500, 15750]);
    billsAddUp(result);
  });

  it('the fee keys are those of fees --json, unchanged', async () => {
    const [plain, byTerm] = await Promise.all([
      runInProcess(['fees', '--plan', 'examples/dissertation.json', '--json']),
      runInProcess(['fees', '--plan', 'examples/dissertation.json', '--by-term', '--json']),
    ]);
    const { terms, fellowshipSplit, initialPaymentNotRefunded, ...fees } = JSON.parse(byTerm.stdout);
    expect(fees).toEqual(JSON.parse(plain.stdout));
    expect({ fellowshipSplit, initialPaymentNotRefunded }).toEqual({ fellowshipSplit: 'estimate', initialPaymentNotRefunded: 0 });
    expect(terms[0]).toEqual({
      term: '2024/25-semester-one',
      name: 'Semester One 2024/25',
      subjects: ['electronic-patient-records', 'information-technology-in-healthcare'],
      credits: 6,
      // 6 credits' tuition less their share of the fellowship (6/30 of 120,000), all of it covered by the initial payment.
      bill: 0,
      tuition: 34500,
      fellowship: 24000,
      initialPaymentApplied: 10500,
      instalments: [],
    });
  });

  it('the bills still add up when subjects have no term, and for a full-time plan priced as local with the fellowship', async () => {
    const dir = makeTempDir();
    const plan = JSON.parse(fs.readFileSync('examples/part-time-schedule.json', 'utf8'));
    plan.schedule = plan.schedule.slice(0, -1);
    const file = path.join(dir, 'short.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const [short, localFullTime] = await Promise.all([
      runInProcess(['fees', '--plan', file, '--by-term', '--json']),
      runInProcess(['fees', '--plan', 'examples/full-time-schedule.json', '--residency', 'local', '--fellowship', '--by-term', '--json']),
    ]);
    // A subject with no term is an error in the plan (exit 1: docs/json-and-exit-codes.md), and the bills are still printed.
    expect(short.code).toBe(1);
    const result = JSON.parse(short.stdout);
    expect(result.terms.at(-1)).toMatchObject({ term: null, name: 'Not scheduled', subjects: ['dissertation'], credits: 9 });
    billsAddUp(result);
    expect(short.stderr).toContain(`the schedule in ${file} has problems`);
    const local = JSON.parse(localFullTime.stdout);
    expect(local).toMatchObject({ initialPayment: 17250, fellowship: 120000, payable: 52500, fellowshipSplit: 'estimate' });
    billsAddUp(local);
    // 12, 15 and 3 charged credits: 12/30, 15/30 and 3/30 of the fellowship (48,000, 60,000, 12,000);
    // the initial payment counts towards the first semester, the rest of it by the deadline.
    expect(paidAs(local)).toEqual({
      'Semester One 2024/25': [17250, 'by the payment deadline 3750'], // 69,000 - 48,000 - 17,250
      'Semester Two 2024/25': [0, 'before the term 17250', 'after add/drop 9000'], // 86,250 - 60,000
      'Summer Term 2024/25': [0, 'after add/drop 5250'], // 17,250 - 12,000, once, after add/drop
    });
  });

  it('rounding: each share rounded down, the dollars left over on the last term that counts', async () => {
    const dir = makeTempDir();
    const plan = JSON.parse(fs.readFileSync('examples/part-time-schedule.json', 'utf8'));
    // 27 charged credits: the fellowship is 155,250 - 42,100 = 113,150, which 3/27 and 6/27 of do not divide evenly.
    plan.subjects = plan.subjects.filter((s: string) => s !== 'Health Care Ethics');
    plan.schedule = plan.schedule.map((t: { subjects: string[] }) => ({
      ...t,
      subjects: t.subjects.filter((s) => s !== 'Health Care Ethics'),
    }));
    const file = path.join(dir, 'odd.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const r = await runInProcess(['fees', '--plan', file, '--by-term', '--json']);
    // One elective short of a valid plan: exit 1, the estimate still printed.
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ tuition: 155250, fellowship: 113150, payable: 42100, initialPayment: 17250 });
    const [three, six] = [Math.floor((113150 * 3) / 27), Math.floor((113150 * 6) / 27)]; // 12,572 and 25,144
    const last = 113150 - 2 * three - 2 * six; // 37,718 for the 9 credits: the two dollars left over
    expect(result.terms.map((t: { fellowship: number }) => t.fellowship)).toEqual([three, six, six, three, last]);
    // The initial payment covers 17,250 - 12,572 and 34,500 - 25,144, and 3,216 of the third term.
    expect(paidAs(result)).toEqual({
      'Semester One 2024/25': [4678],
      'Semester Two 2024/25': [9356],
      'Semester One 2025/26': [3216, 'before the term 6140'],
      'Semester Two 2025/26': [0, 'before the term 4678'],
      'Semester One 2026/27': [0, 'before the term 14032'],
    });
    billsAddUp(result);
  });

  it('a plan cheaper than the initial payment: every bill zero, and the difference is not refunded', async () => {
    const file = path.join(makeTempDir(), 'one.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        residency: 'non-local',
        mode: 'part-time',
        subjects: ['Epidemiology'],
        schedule: [{ term: 'Semester One 2024/25', subjects: ['Epidemiology'] }],
      }),
    );
    const [machine, human] = await Promise.all([
      runInProcess(['fees', '--plan', file, '--by-term', '--json']),
      runInProcess(['fees', '--plan', file, '--by-term']),
    ]);
    const result = JSON.parse(machine.stdout);
    expect(result).toMatchObject({
      tuition: 17250,
      initialPayment: 34500,
      payable: 34500,
      fellowshipSplit: 'none',
      initialPaymentNotRefunded: 17250,
    });
    expect(paidAs(result)).toEqual({ 'Semester One 2024/25': [17250] });
    billsAddUp(result);
    const text = human.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/Semester One 2024\/25 █+░* 3 cr HK\$0 Epidemiology HK\$17,250 of the initial payment/);
    expect(text).toContain(
      'The plan costs HK$17,250 less than the initial payment, so every bill is HK$0; PolyU does not refund the difference',
    );
    expect(text).not.toMatch(/-HK\$|HK\$-/);
  });

  it("text: the timeline, each term's instalments, the graduation term in words, and the split marked as an estimate", async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/dissertation.json', '--by-term']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bills term by term, for a proposed schedule');
    expect(r.stdout).toMatch(/Paid on acceptance\s+HK\$17,250/);
    expect(r.stdout).toMatch(/Semester One 2024\/25\s+█+░*\s+6 cr\s+HK\$0\n.*\n\s+HK\$10,500 of the initial payment\n/);
    expect(r.stdout).toMatch(
      /Semester One 2025\/26\s+█+░*\s+6 cr\s+HK\$9,000\n.*\n\s+HK\$1,500 of the initial payment, HK\$9,000 before the term\n/,
    );
    expect(r.stdout).toMatch(
      /Semester One 2026\/27\s+█+░*\s+9 cr\s+HK\$15,750\s+◆ graduation\n\s+Dissertation\n\s+HK\$15,750 before the term\n/,
    );
    expect(r.stdout).toMatch(/Summer Term 2024\/25\s+░+\s+0 cr\s+HK\$0\s+no subjects/);
    expect(r.stdout).toMatch(/Total payable\s+HK\$52,500/);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain("The fellowship's split over terms is an estimate: PolyU does not publish it.");
    expect(text).toContain(
      "The initial payment, paid on accepting the offer, counts towards the first semester, and the rest of that semester is due by the payment deadline on its debit note; after it, each Semester One and Semester Two is billed up to 3 credits' fee before it starts and the rest after add/drop; each Summer Term is billed once, after add/drop.",
    );
    expect(text).toContain(
      "Each term's share of the fellowship is estimated in proportion to its credits that count towards graduation, rounded down to the dollar; the dollars left over go to the last such term.",
    );
    expect(r.stdout).not.toContain(ESC);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('without a fellowship, nothing is said of its split; the instalments follow the term kinds', async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/full-time-schedule.json', '--by-term']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('estimate');
    expect(r.stdout).toMatch(/HK\$34,500 of the initial payment, HK\$34,500 by the payment deadline/);
    expect(r.stdout).toMatch(/HK\$17,250 before the term, HK\$69,000 after add\/drop/);
    expect(r.stdout).toMatch(/Summer Term 2024\/25 .*\n.*\n\s+HK\$17,250 after add\/drop\n/);
  });

  it.each([40, 80])('in a %i-column terminal: every line fits, the same figures and notes', async (cols) => {
    const r = await runInProcess(['fees', '--plan', 'examples/part-time-schedule.json', '--by-term'], { isTTY: true, columns: cols });
    expect(r.code).toBe(0);
    const plain = (r.stdout + r.stderr).replace(ANSI, '');
    for (const line of plain.split('\n')) expect([...line].length).toBeLessThanOrEqual(cols);
    const text = plain.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Semester One 2025\/26 (█+░* 6 cr )?HK\$9,000 (6 cr )?Epidemiology, Project Management HK\$1,500 of the initial payment, HK\$9,000 before the term/,
    );
    expect(text).toMatch(/Semester One 2026\/27 (█+░* 9 cr )?HK\$15,750 (9 cr )?◆ graduation Dissertation HK\$15,750 before the term/);
    expect(text).toMatch(/Total payable HK\$52,500/);
    expect(text).toContain("The fellowship's split over terms is an estimate: PolyU does not publish it.");
  });

  it.each([
    [['fees', '--by-term', '--residency', 'local'], '--by-term needs --plan FILE'],
    [['fees', '--by-term', '--credits', '27', '--residency', 'local'], '--by-term needs --plan FILE'],
    [['fees', '--by-term', '--plan', 'examples/dissertation.json', '--credits', '27'], 'pass --credits or --plan, not both'],
    [['fees', '--by-term', '--plan', 'examples/no-such-plan.json'], 'no-such-plan.json'],
  ])('%j: exit 2 with one clear sentence', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
