import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from './run-cli.js';

const KEYS = ['currency', 'credits', 'perCredit', 'tuition', 'initialPayment', 'fellowship', 'payable'];
const INVENTED = 'test/fixtures/invented-programme.json';

describe.concurrent('fees --json', () => {
  it.each([
    [['--residency', 'local'], { credits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 0, payable: 172_500 }],
    [['--residency', 'non-local'], { credits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 }],
    [['--residency', 'local', '--fellowship'], { credits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 }],
    [['--residency', 'local', '--credits', '27', '--fellowship'], { credits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 }],
    [['--residency', 'local', '--credits', '6', '--fellowship'], { credits: 6, tuition: 34_500, fellowship: 0, payable: 34_500 }],
    [['--residency', 'local', '--credits', '36', '--fellowship'], { credits: 36, tuition: 207_000, fellowship: 120_000, payable: 87_000 }],
    [['--plan', 'examples/dissertation.json'], { credits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 120_000, payable: 52_500 }],
    [['--plan', 'examples/coursework.json'], { credits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 }],
    [['--plan', 'examples/coursework.json', '--residency', 'local', '--fellowship'], { credits: 30, initialPayment: 17_250, fellowship: 120_000, payable: 52_500 }],
  ])('fees %j', async (args, expected) => {
    const r = await runCli(['fees', '--json', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const fees = JSON.parse(r.stdout);
    expect(Object.keys(fees)).toEqual(KEYS);
    expect(fees).toMatchObject({ currency: 'HKD', perCredit: 5750, ...expected });
    for (const key of KEYS.slice(1)) expect(Number.isInteger(fees[key]), key).toBe(true);
  });

  it('the exact object of the README example', async () => {
    const r = await runCli(['fees', '--residency', 'local', '--json']);
    expect(r.stdout).toBe('{"currency":"HKD","credits":30,"perCredit":5750,"tuition":172500,"initialPayment":17250,"fellowship":0,"payable":172500}\n');
  });

  it('the invented programme’s figures, from its catalogue', async () => {
    const bursary = await runCli(['--catalogue', INVENTED, 'fees', '--json', '--residency', 'non-local', '--fellowship']);
    expect(bursary.code).toBe(0);
    // 27 credits x EUR 400; bursary = min(3,000, 10,800 - 5,000).
    expect(JSON.parse(bursary.stdout)).toEqual({ currency: 'EUR', credits: 27, perCredit: 400, tuition: 10_800, initialPayment: 4000, fellowship: 3000, payable: 7800 });
    // That programme's bursary is for non-local students: a local student asking for it is refused.
    const local = await runCli(['--catalogue', INVENTED, 'fees', '--json', '--residency', 'local', '--fellowship']);
    expect(local.code).toBe(2);
    expect(local.stdout).toBe('');
    expect(local.stderr).toContain('--fellowship is for non-local students only');
  });
});

describe.concurrent('fees: human output', () => {
  it('a table in HK$ with thousands separators, no colour when piped', async () => {
    const r = await runCli(['fees', '--residency', 'local', '--credits', '27', '--fellowship']);
    expect(r.code).toBe(0);
    for (const [label, value] of [
      ['Credits', '27'],
      ['Fee per credit', 'HK$5,750'],
      ['Tuition', 'HK$155,250'],
      ['of which initial payment, due on accepting the offer', 'HK$17,250'],
      ['Fellowship', '-HK$113,150'],
      ['Payable', 'HK$42,100'],
    ]) {
      expect(r.stdout).toMatch(new RegExp(`${label.replace(/[$]/g, '\\$')}\\s+${value.replace(/[$]/g, '\\$')}\\n`));
    }
    expect(r.stdout).not.toContain('\x1b');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

describe.concurrent('fees: usage errors exit 2', () => {
  it.each([
    [['fees', '--residency', 'non-local', '--fellowship'], '--fellowship is for local students only'],
    [['fees', '--residency', 'non-local', '--fellowship', '--json'], '--fellowship'],
    [['fees'], '--residency'],
    [['fees', '--json'], '--residency'],
    [['--no-input', 'fees'], '--residency'],
    [['fees', '--residency', 'martian'], '--residency "martian" is not a residency; use local or non-local'],
    [['fees', '--residency', 'local', '--credits', 'thirty'], '--credits "thirty" is not a whole number'],
    [['fees', '--residency', 'local', '--credits', '-3'], '--credits'],
    [['fees', '--residency', 'local', '--credits', '30', '--plan', 'examples/dissertation.json'], 'not both'],
    [['fees', '--plan', 'no-such-plan.json'], 'no-such-plan.json does not exist'],
  ])('%j', async (args, fragment) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fragment);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a plan file of the wrong shape is named with the place in it', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ residency: 'local', subjects: [], colour: 'blue' }));
    const r = await runCli(['fees', '--plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('colour is not a known field');
  });
});

describe.concurrent('fees: the residency from the environment', () => {
  it('STUDY_PLANNER_RESIDENCY stands in for --residency', async () => {
    const r = await runCli(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: 'non-local' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ initialPayment: 34_500 });
  });

  it('--residency wins over STUDY_PLANNER_RESIDENCY', async () => {
    const r = await runCli(['fees', '--json', '--residency', 'local'], { env: { STUDY_PLANNER_RESIDENCY: 'non-local' } });
    expect(JSON.parse(r.stdout)).toMatchObject({ initialPayment: 17_250 });
  });

  it('a bad STUDY_PLANNER_RESIDENCY is named', async () => {
    const r = await runCli(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: 'overseas' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STUDY_PLANNER_RESIDENCY "overseas" is not a residency');
  });

  it('an empty STUDY_PLANNER_RESIDENCY counts as unset', async () => {
    const r = await runCli(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--residency');
  });
});
