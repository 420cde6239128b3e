import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const SECOND_YEAR = path.join(ROOT, 'examples', 'second-year.json');
const cliWith = (dir: string) => (args: string[]) => runInProcess(args, { storeDir: dir, env: { STUDY_PLANNER_TODAY: '2025-10-01' } });
const storedPlans = (dir: string): { name: string; plan: Record<string, unknown>; updatedAt: string }[] =>
  JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).plans;

async function imported() {
  const dir = makeTempDir();
  const cli = cliWith(dir);
  const result = await cli(['plans', 'import', SECOND_YEAR, '--name', 'Year two']);
  expect(result.code).toBe(0);
  return { dir, cli };
}

/** A plan file with what the planner's answers cannot hold, imported under `name`. */
async function importedAsWritten(plan: object, name: string) {
  const dir = makeTempDir();
  const cli = cliWith(dir);
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  expect((await cli(['plans', 'import', file, '--name', name])).code).toBe(1);
  return { dir, cli };
}

const MISSPELT = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'incomplete.json'), 'utf8'));

describe('plans edit says what it leaves out', () => {
  it('a misspelt subject is never dropped in silence: said on stderr, and in --json', async () => {
    const { dir, cli } = await importedAsWritten(MISSPELT, 'misspelt');
    const result = await cli(['plans', 'edit', 'misspelt', '--mode', 'full-time', '--force']);
    expect(result.stderr).toBe(
      [
        'Editing "misspelt" leaves out what the planner cannot choose:',
        '  - "Epidemology" is not a subject of this programme. Did you mean Epidemiology?',
        'Saved the changes to "misspelt".',
        '',
      ].join('\n'),
    );
    expect(storedPlans(dir)[0]!.plan.subjects).not.toContain('Epidemology');
    const json = JSON.parse((await cli(['plans', 'edit', 'misspelt', '--mode', 'part-time', '--json'])).stdout);
    // Already left out by the edit before: nothing more to leave out.
    expect(json.leftOut).toEqual([]);
  });

  it('duplicates, a non-local fellowship and a record entry of no subject, each with its code', async () => {
    const plan = { residency: 'non-local', fellowship: true, subjects: ['SN5023', 'sn5023'], grades: { Epidemology: 'A' } };
    const { cli } = await importedAsWritten(plan, 'odd');
    const result = await cli(['plans', 'edit', 'odd', '--mode', 'full-time', '--json']);
    expect(result.code).toBe(2);
    const printed = JSON.parse(result.stdout);
    expect(printed.saved).toBe(false);
    expect(printed.leftOut.map((f: { code: string }) => f.code)).toEqual([
      'DUPLICATE_SUBJECT',
      'RECORD_UNKNOWN_SUBJECT',
      'FELLOWSHIP_NOT_ELIGIBLE',
    ]);
    expect(printed.plan.fellowship).toBe(false);
    // The planner's answers include every compulsory subject, each once.
    expect(printed.plan.subjects.filter((s: string) => s === 'electronic-patient-records')).toHaveLength(1);
    expect(printed.plan.grades).toEqual({});
  });

  it('a subject graded twice keeps its first grade, and the other is said to be left out', async () => {
    const plan = {
      ...MISSPELT,
      subjects: MISSPELT.subjects.filter((s: string) => s !== 'Epidemology'),
      grades: { SN5023: 'A', 'Electronic Patient Records': 'B' },
    };
    const { cli } = await importedAsWritten(plan, 'twice');
    const printed = JSON.parse((await cli(['plans', 'edit', 'twice', '--mode', 'full-time', '--json'])).stdout);
    expect(printed.plan.grades).toEqual({ 'electronic-patient-records': 'A' });
    expect(printed.leftOut).toEqual([
      expect.objectContaining({ code: 'RECORD_CONFLICT', message: expect.stringContaining('is listed twice in "grades"') }),
    ]);
  });

  it('refuses a plan of another catalogue, saving nothing', async () => {
    const { dir, cli } = await importedAsWritten({ ...MISSPELT, catalogue: 'another-programme' }, 'other');
    const before = storedPlans(dir);
    const result = await cli(['plans', 'edit', 'other', '--mode', 'full-time', '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('saved plan "other" is for catalogue "another-programme"');
    expect(storedPlans(dir)).toEqual(before);
  });
});

describe('plans edit, without a terminal', () => {
  it('changes a grade and saves with --force, replacing the same plan and keeping the rest of the record', async () => {
    const { dir, cli } = await imported();
    const result = await cli(['plans', 'edit', 'year two', '--grade', 'SN5023=A', '--force']);
    expect(result.stderr).toBe('Saved the changes to "Year two".\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Year two: ✔ valid');
    const plans = storedPlans(dir);
    expect(plans.map((p) => p.name)).toEqual(['Year two']);
    const grades = plans[0]!.plan.grades as Record<string, string>;
    expect(Object.values(grades).sort()).toEqual(['A', 'A-', 'B', 'P']);
    expect(plans[0]!.plan.transferred).toEqual(['epidemiology']);
  });

  it('without --force prints the changed plan, saves nothing and exits 2', async () => {
    const { dir, cli } = await imported();
    const before = storedPlans(dir);
    const result = await cli(['plans', 'edit', 'Year two', '--grade', 'SN5023=F']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Year two');
    expect(result.stderr).toContain('not saved; pass --force to save them');
    expect(storedPlans(dir)).toEqual(before);
  });

  it('--json says whether it saved, with the plan and its verdict', async () => {
    const { cli } = await imported();
    const result = await cli(['plans', 'edit', 'Year two', '--transferred', 'Big Data Computing', '--force', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.saved).toBe(true);
    expect(out.plan.transferred).toEqual(['epidemiology', 'big-data-computing']);
    expect(out.verdict.progress.transferredCredits).toBe(6);
  });

  it('a new statement of a subject replaces the old; SUBJECT=none removes it', async () => {
    const { dir, cli } = await imported();
    expect((await cli(['plans', 'edit', 'Year two', '--grade', 'Epidemiology=B', 'SN5023=none', '--force'])).code).toBe(0);
    const plan = storedPlans(dir)[0]!.plan;
    expect(plan.transferred).toEqual([]);
    expect((plan.grades as Record<string, string>).epidemiology).toBe('B');
    expect(Object.keys(plan.grades as object)).not.toContain('electronic-patient-records');
  });

  it("changes subjects with the plan command's flags", async () => {
    const { dir, cli } = await imported();
    const result = await cli([
      'plans',
      'edit',
      'Year two',
      '--route',
      'coursework',
      '--extra',
      'Issues in Health Sociology',
      'Health & Social Policy Analysis',
      'Data Structures & Database Systems',
      '--force',
    ]);
    expect(result.stderr).toBe('Saved the changes to "Year two".\n');
    expect([0, 1]).toContain(result.code);
    expect(storedPlans(dir)[0]!.plan.subjects).not.toContain('dissertation');
  });

  it('a subject among the picks of a route the edit leaves is not "named twice": those picks are no longer the plan\'s', async () => {
    const dir = makeTempDir();
    const cli = cliWith(dir);
    expect((await cli(['plans', 'import', path.join(ROOT, 'examples', 'coursework.json'), '--name', 'cw'])).code).toBe(0);
    // Project Management is among the coursework plan's three more subjects, which the dissertation route drops.
    const result = await cli(['plans', 'edit', 'cw', '--route', 'dissertation', '--core', 'Epidemiology', 'Project Management', '--force']);
    expect(result.stderr).toContain('Saved the changes to "cw".');
    expect(storedPlans(dir)[0]!.plan.subjects).toContain('project-management');
  });

  it('refuses a bad grade, a subject not in the plan, and no change at all, saving nothing', async () => {
    const { dir, cli } = await imported();
    const before = storedPlans(dir);
    const bad = await cli(['plans', 'edit', 'Year two', '--grade', 'SN5023=Q', '--force']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"Q" is not on the scale; use one of A\+/);
    const unplanned = await cli(['plans', 'edit', 'Year two', '--exempted', 'Health & Social Policy Analysis', '--force']);
    expect(unplanned.code).toBe(2);
    expect(unplanned.stderr).toContain("not among the plan's subjects");
    const nothing = await cli(['plans', 'edit', 'Year two', '--force']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no change given');
    // A subject the plan already has for another requirement is not dropped from one in silence.
    const twice = await cli(['plans', 'edit', 'Year two', '--route', 'coursework', '--extra', 'Epidemiology', '--force', '--json']);
    expect(twice.code).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toContain(
      "Epidemiology is named twice (--extra, and already among the plan's Core subjects); a subject counts once: leave it out of --extra, or choose the plan's Core subjects again with --core to move it.",
    );
    expect(storedPlans(dir)).toEqual(before);
  });
});

describe('the record of study survives save, edit, export and import', () => {
  it('comes back out of the store as it went in', async () => {
    const { dir, cli } = await imported();
    // An edit that changes something else: the fellowship.
    expect((await cli(['plans', 'edit', 'Year two', '--no-fellowship', '--force'])).code).toBe(0);
    const exported = await cli(['plans', 'export', 'Year two']);
    expect(exported.code).toBe(0);
    const file = path.join(dir, 'exported.json');
    fs.writeFileSync(file, exported.stdout);
    expect((await cli(['plans', 'import', file, '--name', 'Again'])).code).toBe(0);
    const again = storedPlans(dir).find((p) => p.name === 'Again')!.plan;
    // The record by identifier, as the edit wrote it.
    expect(again.grades).toEqual({
      'electronic-patient-records': 'B+',
      'academic-integrity-and-ethics': 'P',
      'information-technology-in-healthcare': 'A-',
      'professional-development-in-health-informatics': 'B',
    });
    expect(again.transferred).toEqual(['epidemiology']);
    expect(again.fellowship).toBe(false);
    const checked = await cli(['check', file, '--json']);
    expect(JSON.parse(checked.stdout)[0].gpa).toBe(JSON.parse((await cli(['check', SECOND_YEAR, '--json'])).stdout)[0].gpa);
  });
});

describe('plans export --format md, with a record of study', () => {
  it('shows what is still to pay from today beside what the plan costs in all', async () => {
    const { cli } = await imported();
    const result = await cli(['plans', 'export', 'Year two', '--format', 'md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### Still to pay from 2025-10-01');
    expect(result.stdout).toMatch(/over \d terms?, of HK\\\$[\d,]+ the plan costs in all\./);
    expect(result.stdout).toContain('| Semester Two 2025/26 |');
  });
});
