import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

const ESC = '\x1b';
const KEYS = ['plan', 'valid', 'route', 'credits', 'requirements', 'graduation', 'fees'];

function savedStore(plans: Record<string, object>): string {
  const dir = makeTempDir();
  const saved = Object.entries(plans).map(([name, plan]) => ({ name, plan, updatedAt: '2024-08-01T12:00:00.000Z' }));
  fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ version: 1, defaults: {}, plans: saved }));
  return dir;
}

describe.concurrent('compare', () => {
  it('two files side by side: route, credits, requirements, graduation and money, one column each', async () => {
    const r = await runInProcess(['compare', 'examples/dissertation.json', 'examples/coursework.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toMatch(/Route\s+Dissertation\s+3 more core or/);
    expect(r.stdout).toMatch(/Credits\s+31 of 31\s+31 of 31/);
    expect(r.stdout).toMatch(/Requirements met\s+██████ 4\/4\s+██████ 4\/4/);
    // Eleven subjects full-time, at most five a semester: the last one in the Summer Term.
    expect(r.stdout).toMatch(/Graduation\s+Semester One 2026\/27\s+Summer Term 2024\/25/);
    expect(r.stdout).toMatch(/Fellowship\s+-HK\$120,000\s+HK\$0/);
    expect(r.stdout).toMatch(/Payable\s+HK\$52,500\s+HK\$172,500/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('more plans than fit side by side: one block per plan, headed by its name, as --routes shows routes', async () => {
    const plans = ['examples/dissertation.json', 'examples/coursework.json', 'examples/incomplete.json', 'examples/second-year.json'];
    const r = await runInProcess(['compare', ...plans], { env: { COLUMNS: '40' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('examples/dissertation.json\n  Route:            Dissertation\n  Valid:            ✔ yes\n');
    expect(r.stdout).toContain('examples/incomplete.json\n  Route:');
    // Each block has every row, once.
    expect(r.stdout.match(/^ {2}Payable: +HK\$/gm)).toHaveLength(plans.length);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it('--json: one object per plan, in order', async () => {
    const r = await runInProcess([
      'compare',
      '--json',
      'examples/part-time-schedule.json',
      'examples/coursework.json',
      'examples/incomplete.json',
    ]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: object) => Object.keys(x))).toEqual([KEYS, KEYS, KEYS]);
    expect(results[0]).toMatchObject({
      plan: 'examples/part-time-schedule.json',
      valid: true,
      route: { id: 'dissertation', label: 'Dissertation' },
      credits: { planned: 31, required: 31 },
      requirements: { met: 4, total: 4 },
      graduation: { term: '2026/27-semester-one', label: 'Semester One 2026/27', proposed: false },
      fees: { credits: 31, chargedCredits: 30, tuition: 172500, fellowship: 120000, payable: 52500 },
    });
    expect(results[1]).toMatchObject({
      route: { id: 'coursework' },
      credits: { planned: 31, required: 31 },
      graduation: { term: '2024/25-summer', proposed: true },
      fees: { payable: 172500 },
    });
    expect(results[2]).toMatchObject({ valid: false });
  });

  it('a saved plan by name, beside a file', async () => {
    const plan = JSON.parse(fs.readFileSync('examples/coursework.json', 'utf8'));
    const storeDir = savedStore({ 'my plan': { ...plan, residency: 'local', fellowship: true } });
    const r = await runInProcess(['compare', '--json', 'my plan', 'examples/coursework.json'], { storeDir });
    expect(r.code).toBe(0);
    const [saved, file] = JSON.parse(r.stdout);
    expect(saved).toMatchObject({ plan: 'my plan', fees: { fellowship: 120000, payable: 52500 } });
    expect(file).toMatchObject({ plan: 'examples/coursework.json', fees: { fellowship: 0 } });
  });

  it('--routes: the same plan by the dissertation and by the three cheapest subjects instead', async () => {
    const [human, machine] = await Promise.all([
      runInProcess(['compare', 'examples/dissertation.json', '--routes']),
      runInProcess(['compare', 'examples/dissertation.json', '--routes', '--json']),
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('examples/dissertation.json, by each route');
    expect(human.stdout).toMatch(/Subjects\s+as planned\s+drops Dissertation and adds/);
    // At 40 columns, "Dissertation" stands whole, never cut from what follows it.
    const narrow = await runInProcess(['compare', 'examples/dissertation.json', '--routes'], { env: { COLUMNS: '40' } });
    expect(narrow.stdout).toMatch(/\n {28}Dissertation\n {28}and adds\n/);
    const [dissertation, coursework] = JSON.parse(machine.stdout);
    expect(dissertation).toMatchObject({
      variant: 'dissertation',
      valid: true,
      credits: { planned: 31, required: 31 },
      changes: { added: [], removed: [] },
    });
    // All three cost the same, so the first eligible ones in catalogue order, not yet planned:
    // 9 credits for the Dissertation's 9, so still 31 credits, 30 of them billed.
    expect(coursework).toMatchObject({
      variant: 'coursework',
      valid: true,
      route: { id: 'coursework' },
      credits: { planned: 31, required: 31 },
      changes: {
        added: ['artificial-intelligence-concepts', 'business-analytics', 'computer-programming-for-healthcare'],
        removed: ['dissertation'],
      },
      fees: { credits: 31, chargedCredits: 30, tuition: 172500, payable: 52500 },
    });
  });

  it('--routes of a coursework plan: its own three are dropped for the dissertation', async () => {
    const r = await runInProcess(['compare', 'examples/coursework.json', '--routes', '--json']);
    const [dissertation, coursework] = JSON.parse(r.stdout);
    // The three that count for the route (as the engine assigns them) go; Academic Integrity and Ethics stays.
    expect(dissertation.changes).toEqual({
      added: ['dissertation'],
      removed: ['epidemiology', 'machine-learning-and-data-analytics', 'project-management'],
    });
    expect(dissertation).toMatchObject({ valid: true, route: { id: 'dissertation' }, credits: { planned: 31, required: 31 } });
    expect(coursework).toMatchObject({ changes: { added: [], removed: [] }, credits: { planned: 31, required: 31 } });
  });

  it.each([
    ['a misspelt subject', ['Epidemology']],
    ['a compulsory subject listed twice', ['sn5023']],
  ])("--routes of a plan with %s: no route is valid, for each keeps the plan's own error", async (_, names) => {
    const dir = makeTempDir();
    const file = path.join(dir, 'plan.json');
    const coursework = JSON.parse(fs.readFileSync('examples/coursework.json', 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...coursework, subjects: [...coursework.subjects, ...names] }));
    const r = await runInProcess(['compare', file, '--routes', '--json']);
    const variants = JSON.parse(r.stdout);
    expect(variants).toHaveLength(2);
    for (const variant of variants) expect(variant.valid).toBe(false);
    // Invalid plans are compared all the same (docs/plan-file-and-schedule.md).
    expect(r.code).toBe(0);
  });

  it('a name of wide characters at 40 columns: wrapped whole in its heading, no character lost', async () => {
    const store = makeTempDir();
    const name = '健康資訊學計劃健康資訊學計劃健康資訊學計劃';
    const flags = ['--residency', 'local', '--mode', 'part-time', '--core', 'epidemiology', 'LGT5037'];
    for (const n of [name, 'other'])
      await runInProcess(['plan', '--no-input', ...flags, '--elective', 'COMP5434', 'APSS6403', '--route', 'dissertation', '--name', n], {
        storeDir: store,
      });
    const r = await runInProcess(['compare', name, 'other'], { storeDir: store, env: { COLUMNS: '40' } });
    expect(r.code).toBe(0);
    const heading = r.stdout
      .split('\n')
      .slice(0, 4)
      .map((line) => line.trim().replace(/ {2,}other$/, ''))
      .join('');
    expect(heading).toBe(name);
    expect(r.stdout).not.toContain('…');
  });

  it("--routes --extra: the student's own replacement subjects", async () => {
    const r = await runInProcess([
      'compare',
      'examples/dissertation.json',
      '--routes',
      '--json',
      '--extra',
      'Healthcare Innovation',
      'SN5307',
      'medical imaging physics',
    ]);
    expect(r.code).toBe(0);
    const [, coursework] = JSON.parse(r.stdout);
    expect(coursework).toMatchObject({
      valid: true,
      changes: { added: ['healthcare-innovation', 'virtual-reality-in-healthcare', 'medical-imaging-physics'], removed: ['dissertation'] },
    });
  });

  it.each([
    [['compare', 'examples/dissertation.json', 'examples/no-such.json'], 'examples/no-such.json'],
    [['compare', 'examples/dissertation.json', 'nobody-saved-this'], '"nobody-saved-this" is neither a plan file nor a saved plan'],
    [['compare', 'examples/dissertation.json'], 'compare needs two or more plans'],
    [['compare', 'examples/dissertation.json', 'examples/coursework.json', '--routes'], '--routes shows the routes of one plan'],
    [
      ['compare', 'examples/dissertation.json', 'examples/coursework.json', '--extra', 'SN5307'],
      '--extra chooses the subjects for the coursework route',
    ],
    [['compare', 'examples/dissertation.json', '--routes', '--extra', 'Epidemology'], 'Did you mean Epidemiology?'],
    [['compare', 'examples/dissertation.json', '--routes', '--extra', 'Epidemiology'], 'already counts elsewhere in the plan'],
    [['compare', 'examples/dissertation.json', '--routes', '--extra', 'SN5023'], 'Electronic Patient Records already counts elsewhere'],
    [
      ['compare', 'examples/coursework.json', '--routes', '--extra', 'Dissertation'],
      'cannot count towards "3 more core or elective subjects"',
    ],
  ])('%j: exit 2 and one sentence', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
