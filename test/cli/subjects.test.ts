import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

const INVENTED = 'test/fixtures/invented-programme.json';

async function listJson(...args: string[]) {
  const r = await runInProcess(['subjects', '--json', ...args]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { id: string; code?: string; title: string; category: string; credits: number }[];
}

describe.concurrent('subjects', () => {
  it('--json lists the whole catalogue: 4 compulsory, 12 core, 22 elective, the Dissertation', async () => {
    const list = await listJson();
    expect(list).toHaveLength(39);
    const counts: Record<string, number> = {};
    for (const s of list) counts[s.category] = (counts[s.category] ?? 0) + 1;
    expect(counts).toEqual({ compulsory: 4, core: 12, elective: 22, dissertation: 1 });
    // The 1-credit subject every 2024/25 postgraduate takes, free of tuition.
    expect(list.find((s) => s.id === 'academic-integrity-and-ethics')).toMatchObject({
      code: 'HTI5T04',
      category: 'compulsory',
      credits: 1,
    });
    expect(list.find((s) => s.id === 'dissertation')).toMatchObject({ code: 'HSS5903', credits: 9 });
    expect(list.find((s) => s.id === 'computer-programming-for-healthcare')!.code).toBeUndefined();
  });

  it.each([
    ['core', 12],
    ['Core subjects', 12],
    ['ELECTIVE', 22],
    ['compulsory', 4],
  ])('--category %j', async (category, count) => {
    const list = await listJson('--category', category);
    expect(list).toHaveLength(count);
    expect(new Set(list.map((s) => s.category)).size).toBe(1);
  });

  it.each([
    [
      'data',
      [
        'machine-learning-and-data-analytics',
        'medical-artificial-intelligence-and-data-analytics',
        'big-data-computing',
        'data-structures-and-database-systems',
        'research-methods-and-data-analysis',
      ],
    ],
    ['imaging & pacs', ['digital-imaging-and-pacs']],
    ['HTI5601', ['epidemiology']],
    ['health ethics', ['health-care-ethics']],
  ])('--search %j', async (search, ids) => {
    expect((await listJson('--search', search)).map((s) => s.id)).toEqual(ids);
  });

  it('--category and --search together', async () => {
    expect((await listJson('--category', 'core', '--search', 'data')).map((s) => s.id)).toEqual([
      'machine-learning-and-data-analytics',
      'medical-artificial-intelligence-and-data-analytics',
    ]);
  });

  it('a search that matches nothing: an empty list, exit 0', async () => {
    expect(await listJson('--search', 'astrology')).toEqual([]);
    const human = await runInProcess(['subjects', '--search', 'astrology']);
    expect(human.code).toBe(0);
    expect(human.stderr).toContain('No subject matches');
  });

  it('an unknown category: exit 2, naming the categories there are', async () => {
    const r = await runInProcess(['subjects', '--category', 'optional']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      '--category "optional" is not a category of this programme; use one of: compulsory, core, elective, dissertation.',
    );
  });

  it('the table: identifier, code, title, category, credits, within 80 columns and without colour when piped', async () => {
    const r = await runInProcess(['subjects', '--category', 'compulsory']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Identifier\s+Code\s+Title\s+Category\s+Credits\n/);
    expect(r.stdout).toMatch(/electronic-patient-\s*SN5023\s+Electronic Patient\s+compulsory\s+3/);
    expect(r.stdout).toMatch(/academic-integrity-\s*HTI5T04\s+Academic Integrity and\s+compulsory\s+1\n.*Ethics \(no tuition\)/);
    expect(r.stdout).toContain('4 subjects');
    expect(r.stdout).not.toContain('\x1b');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('another catalogue with --catalogue: its categories, and a subject without tuition marked', async () => {
    const list = await listJson('--catalogue', INVENTED, '--category', 'option');
    expect(list.map((s) => s.credits)).toEqual([2, 2, 3, 4, 4]);
    const human = await runInProcess(['--catalogue', INVENTED, 'subjects', '--category', 'foundation']);
    expect(human.code).toBe(0);
    // The title cell may wrap inside its column.
    expect(human.stdout).toContain('Academic Integrity (no');
    expect(human.stdout).toContain('tuition)');
    const unknown = await runInProcess(['--catalogue', INVENTED, 'subjects', '--category', 'core']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('use one of: foundation, methods, option, project');
  });
});
