import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

const KEYS = ['currency', 'credits', 'chargedCredits', 'perCredit', 'tuition', 'initialPayment', 'fellowship', 'payable'];
const INVENTED = 'test/fixtures/invented-programme.json';

describe.concurrent('fees --json', () => {
  it.each([
    // The whole programme: 31 credits, the 1-credit Academic Integrity and Ethics free of tuition.
    [
      ['--residency', 'local'],
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 0, payable: 172_500 },
    ],
    [
      ['--residency', 'non-local'],
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 },
    ],
    [['--residency', 'local', '--fellowship'], { credits: 31, chargedCredits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 }],
    // --credits N: N tuition-bearing credits.
    [
      ['--residency', 'local', '--credits', '30', '--fellowship'],
      { credits: 30, chargedCredits: 30, tuition: 172_500, fellowship: 120_000, payable: 52_500 },
    ],
    [
      ['--residency', 'local', '--credits', '27', '--fellowship'],
      { credits: 27, chargedCredits: 27, tuition: 155_250, fellowship: 113_150, payable: 42_100 },
    ],
    [
      ['--residency', 'local', '--credits', '6', '--fellowship'],
      { credits: 6, chargedCredits: 6, tuition: 34_500, fellowship: 0, payable: 34_500 },
    ],
    [
      ['--residency', 'local', '--credits', '36', '--fellowship'],
      { credits: 36, chargedCredits: 36, tuition: 207_000, fellowship: 120_000, payable: 87_000 },
    ],
    // Cheaper than the initial payment: the initial payment is still paid, never refunded.
    [
      ['--residency', 'non-local', '--credits', '3'],
      { credits: 3, chargedCredits: 3, tuition: 17_250, initialPayment: 34_500, fellowship: 0, payable: 34_500 },
    ],
    [
      ['--plan', 'examples/dissertation.json'],
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 17_250, fellowship: 120_000, payable: 52_500 },
    ],
    [
      ['--plan', 'examples/coursework.json'],
      { credits: 31, chargedCredits: 30, tuition: 172_500, initialPayment: 34_500, fellowship: 0, payable: 172_500 },
    ],
    [
      ['--plan', 'examples/coursework.json', '--residency', 'local', '--fellowship'],
      { credits: 31, initialPayment: 17_250, fellowship: 120_000, payable: 52_500 },
    ],
  ])('fees %j', async (args, expected) => {
    const r = await runInProcess(['fees', '--json', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const fees = JSON.parse(r.stdout);
    expect(Object.keys(fees)).toEqual(KEYS);
    expect(fees).toMatchObject({ currency: 'HKD', perCredit: 5750, ...expected });
    for (const key of KEYS.slice(1)) expect(Number.isInteger(fees[key]), key).toBe(true);
  });

  it('the exact object of the README example', async () => {
    const r = await runInProcess(['fees', '--residency', 'local', '--json']);
    expect(r.stdout).toBe(
      '{"currency":"HKD","credits":31,"chargedCredits":30,"perCredit":5750,"tuition":172500,"initialPayment":17250,"fellowship":0,"payable":172500}\n',
    );
  });

  it('the invented programme’s figures, from its catalogue', async () => {
    const bursary = await runInProcess(['--catalogue', INVENTED, 'fees', '--json', '--residency', 'non-local', '--fellowship']);
    expect(bursary.code).toBe(0);
    // 27 credits, 26 of them charged (its Academic Integrity is free) x EUR 400; bursary = min(3,000, 10,400 - 5,000).
    expect(JSON.parse(bursary.stdout)).toEqual({
      currency: 'EUR',
      credits: 27,
      chargedCredits: 26,
      perCredit: 400,
      tuition: 10_400,
      initialPayment: 4000,
      fellowship: 3000,
      payable: 7400,
    });
    // That programme's bursary is for non-local students: a local student asking for it is refused.
    const local = await runInProcess(['--catalogue', INVENTED, 'fees', '--json', '--residency', 'local', '--fellowship']);
    expect(local.code).toBe(2);
    expect(local.stdout).toBe('');
    expect(local.stderr).toContain('--fellowship is for non-local students only');
  });
});

describe.concurrent('fees --plan judges the plan as check does', () => {
  const planWith = (subjects: string[], fields: Record<string, unknown> = {}) => {
    const file = path.join(makeTempDir(), 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ residency: 'local', subjects, ...fields }));
    return file;
  };
  const MISSPELT = [
    'SN5023',
    'SN6006',
    'SN5303B',
    'HTI5T04',
    'Epidemiolgy',
    'Project Management',
    'Big Data Computing',
    'Health Care Ethics',
    'Dissertation',
  ];

  it('a misspelt subject: the error and its suggestion on stderr, the estimate on stdout, exit 1', async () => {
    const file = planWith(MISSPELT);
    const r = await runInProcess(['fees', '--plan', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} is not a valid plan`);
    expect(r.stderr).toContain('"Epidemiolgy" is not a subject of this programme. Did you mean Epidemiology?');
    expect(r.stderr).toContain('Core subjects: still needs 1 more core subject.');
    // The estimate of what the plan names: 28 credits, 27 charged.
    expect(r.stdout).toMatch(/Credits\s+28\n/);
    expect(r.stdout).toMatch(/Tuition\s+HK\$155,250\n/);
    expect(r.stdout).not.toContain('Epidemiolgy');
  });

  it('under --json: stdout is the estimate alone, as JSON; the errors on stderr; exit 1', async () => {
    const file = planWith(MISSPELT, { fellowship: true });
    const r = await runInProcess(['fees', '--plan', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      currency: 'HKD',
      credits: 28,
      chargedCredits: 27,
      perCredit: 5750,
      tuition: 155_250,
      initialPayment: 17_250,
      fellowship: 113_150,
      payable: 42_100,
    });
    expect(r.stderr).toContain('Did you mean Epidemiology?');
  });

  it('a plan without Academic Integrity and Ethics is invalid, and the estimate says 30 credits', async () => {
    const file = planWith([
      'SN5023',
      'SN6006',
      'SN5303B',
      'Epidemiology',
      'Project Management',
      'Big Data Computing',
      'Health Care Ethics',
      'Dissertation',
    ]);
    const r = await runInProcess(['fees', '--plan', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Academic Integrity and Ethics');
    expect(JSON.parse(r.stdout)).toMatchObject({ credits: 30, chargedCredits: 30, tuition: 172_500 });
  });

  it('warnings go to stderr, and a valid plan with warnings exits 0', async () => {
    const file = planWith([...MISSPELT.filter((s) => s !== 'Epidemiolgy'), 'Epidemiology', 'Business Analytics']);
    const r = await runInProcess(['fees', '--plan', file, '--json']);
    expect(r.code).toBe(0);
    const stderr = r.stderr.replace(/\s+/g, ' ');
    expect(stderr).toContain('is a valid plan, with warnings');
    expect(stderr).toContain('3 more than the 31 required');
    expect(JSON.parse(r.stdout)).toMatchObject({ credits: 34, chargedCredits: 33 });
  });

  it('the plan file’s own fellowship for a non-local student is an error in the plan: exit 1, no fellowship', async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/dissertation.json', '--residency', 'non-local', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('local students only');
    expect(JSON.parse(r.stdout)).toMatchObject({ fellowship: 0, payable: 172_500, initialPayment: 34_500 });
  });

  it('a plan cheaper than the initial payment pays the initial payment, and the summary says it is not refunded', async () => {
    const file = planWith(['Epidemiology'], { residency: 'non-local' });
    const json = await runInProcess(['fees', '--plan', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ credits: 3, tuition: 17_250, initialPayment: 34_500, fellowship: 0, payable: 34_500 });
    const human = await runInProcess(['fees', '--plan', file]);
    expect(human.stdout).toMatch(/Initial payment not refunded, though the plan costs less\s+\+HK\$17,250\n/);
    expect(human.stdout).toMatch(/Payable\s+HK\$34,500\n/);
    expect(human.stdout.replace(/\s+/g, ' ')).toContain('is never refunded, so it is paid in full');
  });
});

describe.concurrent('fees: human output', () => {
  it('a table in HK$ with thousands separators, no colour when piped', async () => {
    const r = await runInProcess(['fees', '--residency', 'local', '--credits', '27', '--fellowship']);
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
    // N credits are all tuition-bearing: no tuition-free row.
    expect(r.stdout).not.toContain('tuition-free');
  });

  it('the whole programme: 31 credits, of which 1 tuition-free, HK$52,500 with the fellowship', async () => {
    const r = await runInProcess(['fees', '--residency', 'local', '--fellowship']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nCredits\s+31\n {2}of which tuition-free\s+1\n/);
    expect(r.stdout).toMatch(/Tuition\s+HK\$172,500\n/);
    expect(r.stdout).toMatch(/Fellowship\s+-HK\$120,000\n/);
    expect(r.stdout).toMatch(/Payable\s+HK\$52,500\n/);
    expect(r.stdout).not.toContain('not refunded');
  });

  it.each([40, 80])('fits a terminal %i columns wide', async (cols) => {
    const file = path.join(makeTempDir(), 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ residency: 'non-local', subjects: ['Epidemiology', 'HTI5T04'] }));
    for (const args of [
      ['fees', '--residency', 'local', '--fellowship'],
      ['fees', '--plan', file],
    ]) {
      const r = await runInProcess(args, { isTTY: true, columns: cols });
      const lines = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '').split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(cols);
      const text = lines.join('\n');
      expect(text).toMatch(/Credits\s+\d+\n\s+of which tuition-free\s+1\n/);
      expect(text).toMatch(/Payable\s+HK\$\d{2},\d{3}\n/);
      if (args.includes('--plan')) {
        expect(r.code).toBe(1);
        expect(text.replace(/\s+/g, ' ')).toContain('Initial payment not refunded, though the plan costs less +HK$17,250');
        expect(text).toMatch(/Payable\s+HK\$34,500/);
      }
    }
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
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fragment);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a plan file of the wrong shape is named with the place in it', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ residency: 'local', subjects: [], colour: 'blue' }));
    const r = await runInProcess(['fees', '--plan', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('colour is not a known field');
  });
});

describe.concurrent('fees: the residency from the environment', () => {
  it('STUDY_PLANNER_RESIDENCY stands in for --residency', async () => {
    const r = await runInProcess(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: 'non-local' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ initialPayment: 34_500 });
  });

  it('--residency wins over STUDY_PLANNER_RESIDENCY', async () => {
    const r = await runInProcess(['fees', '--json', '--residency', 'local'], { env: { STUDY_PLANNER_RESIDENCY: 'non-local' } });
    expect(JSON.parse(r.stdout)).toMatchObject({ initialPayment: 17_250 });
  });

  it('a bad STUDY_PLANNER_RESIDENCY is named', async () => {
    const r = await runInProcess(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: 'overseas' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STUDY_PLANNER_RESIDENCY "overseas" is not a residency');
  });

  it('an empty STUDY_PLANNER_RESIDENCY counts as unset', async () => {
    const r = await runInProcess(['fees', '--json'], { env: { STUDY_PLANNER_RESIDENCY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--residency');
  });
});
