import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from './run-cli.js';

const ESC = '\x1b';
const FEE_KEYS = ['currency', 'credits', 'perCredit', 'tuition', 'initialPayment', 'fellowship', 'payable'];

function billsAddUp(result: { initialPayment: number; payable: number; terms: { bill: number }[] }): void {
  const billed = result.terms.reduce((sum, t) => sum + t.bill, 0);
  expect(billed + result.initialPayment).toBe(result.payable);
}

describe.concurrent('fees --by-term', () => {
  // Own schedules and proposed ones; local with fellowship, non-local without; part-time and full-time.
  it.each([
    ['examples/part-time-schedule.json', false],
    ['examples/full-time-schedule.json', false],
    ['examples/dissertation.json', true],
    ['examples/coursework.json', true],
  ])('%s: --json adds the terms, whose bills and the initial payment make the payable total', async (file, proposed) => {
    const r = await runCli(['fees', '--plan', file, '--by-term', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual([...FEE_KEYS, 'terms']);
    expect(result.terms.length).toBeGreaterThan(0);
    for (const term of result.terms) expect(Object.keys(term)).toEqual(['term', 'name', 'subjects', 'credits', 'bill']);
    expect(result.terms.reduce((sum: number, t: { credits: number }) => sum + t.credits, 0)).toBe(result.credits);
    billsAddUp(result);
    // A proposed part-time schedule leaves the summers empty; a plan's own lists only the terms it names.
    expect(result.terms.some((t: { subjects: string[] }) => t.subjects.length === 0)).toBe(proposed && file.includes('dissertation'));
  });

  it('the fee keys are those of fees --json, unchanged', async () => {
    const [plain, byTerm] = await Promise.all([
      runCli(['fees', '--plan', 'examples/dissertation.json', '--json']),
      runCli(['fees', '--plan', 'examples/dissertation.json', '--by-term', '--json']),
    ]);
    const { terms, ...fees } = JSON.parse(byTerm.stdout);
    expect(fees).toEqual(JSON.parse(plain.stdout));
    expect(terms[0]).toEqual({
      term: '2024/25-semester-one',
      name: 'Semester One 2024/25',
      subjects: ['electronic-patient-records', 'information-technology-in-healthcare'],
      credits: 6,
      // 6 credits' tuition less their share of the fellowship, all of it covered by the initial payment.
      bill: 0,
    });
  });

  it('the bills still add up when subjects have no term, and for a full-time plan priced as local with the fellowship', async () => {
    const dir = makeTempDir();
    const plan = JSON.parse(fs.readFileSync('examples/part-time-schedule.json', 'utf8'));
    plan.schedule = plan.schedule.slice(0, -1);
    const file = path.join(dir, 'short.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const [short, localFullTime] = await Promise.all([
      runCli(['fees', '--plan', file, '--by-term', '--json']),
      runCli(['fees', '--plan', 'examples/full-time-schedule.json', '--residency', 'local', '--fellowship', '--by-term', '--json']),
    ]);
    expect(short.code).toBe(0);
    const result = JSON.parse(short.stdout);
    expect(result.terms.at(-1)).toMatchObject({ term: null, name: 'Not scheduled', subjects: ['dissertation'], credits: 9 });
    billsAddUp(result);
    expect(short.stderr).toContain(`the schedule in ${file} has problems`);
    const local = JSON.parse(localFullTime.stdout);
    expect(local).toMatchObject({ initialPayment: 17250, fellowship: 120000, payable: 52500 });
    billsAddUp(local);
    // 15 credits a term: half the fellowship each, the initial payment off the first bill.
    expect(local.terms.map((t: { bill: number }) => t.bill)).toEqual([86250 - 60000 - 17250, 86250 - 60000]);
  });

  it('rounding: each share rounded down, the dollars left over on the last term that counts', async () => {
    const dir = makeTempDir();
    const plan = JSON.parse(fs.readFileSync('examples/part-time-schedule.json', 'utf8'));
    // 27 credits: the fellowship is 155,250 - 42,100 = 113,150, which 6/27 of does not divide evenly.
    plan.subjects = plan.subjects.filter((s: string) => s !== 'Health Care Ethics');
    plan.schedule = plan.schedule.filter((t: { subjects: string[] }) => !t.subjects.includes('Health Care Ethics'));
    const file = path.join(dir, 'odd.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const r = await runCli(['fees', '--plan', file, '--by-term', '--json']);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ tuition: 155250, fellowship: 113150, payable: 42100, initialPayment: 17250 });
    const share = Math.floor((113150 * 6) / 27); // 25,144 for each 6-credit term
    const last = 113150 - 3 * share; // 37,718: the two dollars left over
    const owed = [34500 - share, 34500 - share, 34500 - share, 51750 - last];
    expect(result.terms.map((t: { bill: number }) => t.bill)).toEqual([0, owed[0]! + owed[1]! - 17250, owed[2], owed[3]]);
    billsAddUp(result);
  });

  it('text: the timeline, the graduation term marked in words, and how the rounding falls', async () => {
    const r = await runCli(['fees', '--plan', 'examples/dissertation.json', '--by-term']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bills term by term, for a proposed schedule');
    expect(r.stdout).toMatch(/Paid on acceptance\s+HK\$17,250/);
    expect(r.stdout).toMatch(/Semester One 2026\/27\s+█+░*\s+9 cr\s+HK\$15,750\s+◆ graduation/);
    expect(r.stdout).toMatch(/Summer Term 2024\/25\s+░+\s+0 cr\s+HK\$0\s+no subjects/);
    expect(r.stdout).toMatch(/Total payable\s+HK\$52,500/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      "Each term's fellowship share is rounded down to the dollar; the dollars left over go to the last term with credits that count towards graduation; the initial payment is taken off the first bills.",
    );
    expect(r.stdout).not.toContain(ESC);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it.each([
    [['fees', '--by-term', '--residency', 'local'], '--by-term needs --plan FILE'],
    [['fees', '--by-term', '--credits', '27', '--residency', 'local'], '--by-term needs --plan FILE'],
    [['fees', '--by-term', '--plan', 'examples/dissertation.json', '--credits', '27'], 'pass --credits or --plan, not both'],
    [['fees', '--by-term', '--plan', 'examples/no-such-plan.json'], 'no-such-plan.json'],
  ])('%j: exit 2 with one clear sentence', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
