import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

// Every command's output fits the width it is given (COLUMNS when piped), from 40 columns up,
// with wide (CJK) characters counted as two columns.

const WIDTHS = [40, 60, 80];

/** The bundled catalogue with its titles in Chinese: every character two columns wide. */
function cjkCatalogue(dir: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json'), 'utf8'));
  json.id = 'cjk-programme';
  json.programme.name = '健康信息學理學碩士';
  json.subjects.forEach((s: { title: string }, i: number) => (s.title = `健康信息學科目第${i + 1}號課程與醫療數據分析`));
  const file = path.join(dir, 'cjk.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

function widest(text: string): { width: number; line: string } {
  return text
    .split('\n')
    .reduce((best, line) => (stringWidth(line) > best.width ? { width: stringWidth(line), line } : best), { width: 0, line: '' });
}

describe('output fits the width', () => {
  let storeDir: string;
  let cjk: string;
  let cjkPlan: string;

  beforeAll(async () => {
    storeDir = makeTempDir();
    const dir = makeTempDir();
    cjk = cjkCatalogue(dir);
    cjkPlan = path.join(dir, 'plan.json');
    const ids = [
      'electronic-patient-records',
      'information-technology-in-healthcare',
      'professional-development-in-health-informatics',
      'academic-integrity-and-ethics',
      'epidemiology',
      'project-management',
      'big-data-computing',
      'health-care-ethics',
      'dissertation',
    ];
    fs.writeFileSync(cjkPlan, JSON.stringify({ residency: 'local', mode: 'part-time', fellowship: true, subjects: ids }));
    const saved = await runInProcess(
      [
        'plan',
        '--residency',
        'local',
        '--mode',
        'part-time',
        '--core',
        'epidemiology',
        'LGT5037',
        '--elective',
        'COMP5434',
        'APSS6403',
        '--route',
        'dissertation',
        '--name',
        'A saved plan with rather a long name',
      ],
      { storeDir, env: { COLUMNS: '80' } },
    );
    expect(saved.code).toBe(0);
  });

  const commands: [string, (ctx: { cjk: string; cjkPlan: string }) => string[]][] = [
    ['subjects', () => ['subjects']],
    ['fees', () => ['fees', '--residency', 'local', '--fellowship']],
    ['fees --credits 1 (the initial payment not refunded)', () => ['fees', '--residency', 'non-local', '--credits', '1']],
    ['fees --by-term', () => ['fees', '--plan', 'examples/part-time-schedule.json', '--by-term']],
    ['check, valid with a schedule', () => ['check', 'examples/full-time-schedule.json']],
    ['check, invalid', () => ['check', 'examples/incomplete.json']],
    ['plans list', () => ['plans']],
    ['plans show', () => ['plans', 'show', 'A saved plan with rather a long name']],
    ['compare', () => ['compare', 'examples/dissertation.json', 'examples/coursework.json']],
    ['compare --routes', () => ['compare', 'examples/dissertation.json', '--routes']],
    ['config get', () => ['config', 'get']],
    ['--help', () => ['--help']],
    ['plan --help', () => ['plan', '--help']],
    ['subjects, CJK catalogue', ({ cjk }) => ['--catalogue', cjk, 'subjects']],
    ['check, CJK catalogue', ({ cjk, cjkPlan }) => ['--catalogue', cjk, 'check', cjkPlan]],
    ['fees --by-term, CJK catalogue', ({ cjk, cjkPlan }) => ['--catalogue', cjk, 'fees', '--plan', cjkPlan, '--by-term']],
  ];

  for (const width of WIDTHS) {
    it.each(commands)(`${width} columns: %s`, async (_name, args) => {
      const result = await runInProcess(args({ cjk, cjkPlan }), { storeDir, env: { COLUMNS: String(width) } });
      expect(result.code, result.stderr).toBeLessThanOrEqual(1);
      expect(result.stdout.length).toBeGreaterThan(0);
      const { width: used, line } = widest(result.stdout);
      expect(used, `widest line: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
    });
  }

  it('keeps an amount whole on its line at 40 columns', async () => {
    const result = await runInProcess(['fees', '--residency', 'local'], { storeDir, env: { COLUMNS: '40' } });
    expect(result.stdout).toMatch(/Tuition\s+HK\$172,500/);
  });
});
