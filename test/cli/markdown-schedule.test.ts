import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from './run-cli.js';

const PLAN = ['plan', '--no-input', '--residency', 'local', '--mode', 'part-time', '--core', 'Epidemiology', 'Project Management',
  '--elective', 'Big Data Computing', 'Health Care Ethics', '--route', 'dissertation', '--fellowship', '--name', 'Alex'];

describe('plans export --format md: schedule and bills', () => {
  it('has each term with its subjects and bill, the graduation term, and bills that add up to the payable total', async () => {
    const storeDir = makeTempDir();
    expect((await runCli(PLAN, { storeDir })).code).toBe(0);
    const { code, stdout } = await runCli(['plans', 'export', 'Alex', '--format', 'md'], { storeDir });
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('## Schedule and bills'));
    expect(section).toContain('| Semester One 2024/25 | SN5023, SN6006 | 6 | HK\\$0 |');
    expect(section).toContain('| Semester One 2026/27 (graduation) | HSS5903 | 9 | HK\\$15,750 |');
    expect(section).toContain('Expected graduation: Semester One 2026/27.');
    const bills = [...section.matchAll(/^\| [^|]+ \| [^|]+ \| [\d-]+ \| HK\\\$([\d,]+) \|$/gm)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(bills.reduce((a, b) => a + b, 0)).toBe(52_500);
    expect(section).toContain('**HK\\$52,500**');
  });
});
