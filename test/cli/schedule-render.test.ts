import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { scheduleOf } from '../../src/domain/schedule/of-judgement.js';
import { progressBar, requirementProgress } from '../../src/cli/render/progress.js';
import { makeStyle } from '../../src/cli/render/style.js';
import { GRADUATION_MARK, renderTimeline } from '../../src/cli/render/timeline.js';
import { catalogueFrom, COMPULSORY, CORE, DISSERTATION, ELECTIVE, plan, real, realJson } from '../domain/catalogues.js';
import { runInProcess } from '../support/run-in-process.js';

const ESC = '\x1b';
const ANSI = /\x1b\[[0-9;]*m/g;
const visibleWidth = (line: string) => [...line.replace(ANSI, '')].length;
const widest = (text: string) => Math.max(...text.split(/\r?\n/).map(visibleWidth));

describe('progress bars', () => {
  it.each([
    [0, 3, '░░░░░░'],
    [1, 3, '██░░░░'],
    [2, 3, '████░░'],
    [3, 3, '██████'],
    [5, 3, '██████'],
    // A little done shows a block; almost all is not shown as all.
    [1, 100, '█░░░░░'],
    [99, 100, '█████░'],
    [0, 0, '██████'],
  ])('%i of %i: %s', (have, need, bar) => {
    expect(progressBar(have, need)).toBe(bar);
  });

  it('a requirement: the bar and its numbers, in credits where it counts credits', () => {
    expect(requirementProgress({ have: 2, need: 2, unit: 'subject' })).toBe('██████ 2/2');
    expect(requirementProgress({ have: 27, need: 30, unit: 'credit' })).toBe('█████░ 27/30 cr');
  });
});

const fullTime = plan([...COMPULSORY, ...CORE.slice(0, 5), ...ELECTIVE.slice(0, 2)], { residency: 'non-local', mode: 'full-time' });
const partTime = plan([...COMPULSORY, ...CORE.slice(0, 2), ...ELECTIVE.slice(0, 2), DISSERTATION], { mode: 'part-time', fellowship: true });

function timeline(p: typeof fullTime, width: number, colour = false, catalogue = real) {
  const judgement = judgePlan(catalogue, p);
  return renderTimeline(scheduleOf(catalogue, judgement), judgement.fees, makeStyle(colour), width);
}

describe('the timeline', () => {
  it.each([
    // 11 subjects with Academic Integrity and Ethics, at most 5 a semester: the last one in the Summer Term.
    ['full-time', fullTime, 'Summer Term 2024/25'],
    ['part-time', partTime, 'Semester One 2026/27'],
  ])('%s: one row per term, the graduation term marked in words, within 80 columns', (_mode, p, graduation) => {
    const text = timeline(p, 80);
    expect(text).not.toContain(ESC);
    expect(widest(text)).toBeLessThanOrEqual(80);
    const marked = text.split('\n').filter((l) => l.includes(GRADUATION_MARK));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(graduation);
    expect(text).toMatch(/Total payable/);
  });

  it('in colour, the visible width still fits, and the marks are the same words', () => {
    const text = timeline(partTime, 80, true);
    expect(text).toContain(ESC);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text.replace(ANSI, '')).toBe(timeline(partTime, 80));
  });

  it('a narrow terminal gets a shorter bar and wrapped subjects', () => {
    const text = timeline(fullTime, 64);
    expect(widest(text)).toBeLessThanOrEqual(64);
  });

  it.each([40, 52, 80])("at %i columns every line fits, with each term's instalments and the estimate note", (width) => {
    for (const colour of [false, true]) {
      const text = timeline(partTime, width, colour);
      expect(widest(text)).toBeLessThanOrEqual(width);
      const flat = text.replace(ANSI, '').replace(/\s+/g, ' ');
      expect(flat).toMatch(
        /Semester One 2025\/26 (█+░* 6 cr )?HK\$9,000 (6 cr )?Epidemiology, Project Management HK\$1,500 of the initial payment, HK\$9,000 before the term/,
      );
      expect(flat).toMatch(/Semester One 2026\/27 (█+░* 9 cr )?HK\$15,750 (9 cr )?◆ graduation Dissertation HK\$15,750 before the term/);
      expect(flat).toContain("The fellowship's split over terms is an estimate: PolyU does not publish it.");
    }
  });

  it('a narrow terminal drops the bar, keeps the credits and the graduation mark', () => {
    const text = timeline(partTime, 40);
    expect(text).not.toMatch(/[█░]/);
    expect(text).toMatch(/Semester One 2026\/27 +HK\$15,750\n {4}9 cr {2}◆ graduation\n/);
    expect(timeline(partTime, 80)).toMatch(/[█░]/);
  });

  it('without a fellowship, no estimate is claimed; the first semester by its deadline, the Summer Term after add/drop', () => {
    const text = timeline(fullTime, 80);
    expect(text).not.toContain('estimate');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('HK$34,500 of the initial payment, HK$34,500 by the payment deadline');
    expect(flat).toMatch(/Semester Two 2024\/25 .* HK\$17,250 before the term, HK\$\d[\d,]* after add\/drop/);
  });

  it('text from the catalogue is shown escaped, never as control characters', () => {
    const json = realJson();
    json.subjects.find((s: { id: string }) => s.id === 'epidemiology').title = 'Epi\x1b[31mdemiology\x1b]0;pwned\x07';
    json.terms[0].label = 'First\u202eTerm';
    const text = timeline(partTime, 80, false, catalogueFrom(json));
    expect(text).not.toMatch(/[\x1b\x07\u202e]/);
    expect(text).toContain('Epi\\x1b[31mdemiology\\x1b]0;pwned\\x07');
    expect(text).toContain('First\\u202eTerm 2024/25');
  });
});

describe.concurrent('the timeline, end to end', () => {
  it('piped: no escape codes, every line within 80 columns', async () => {
    const r = await runInProcess(['check', 'examples/full-time-schedule.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(GRADUATION_MARK);
    expect(r.stdout).not.toContain(ESC);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('in an 80-column terminal: coloured, and still within 80 columns', async () => {
    const r = await runInProcess(['fees', '--plan', 'examples/part-time-schedule.json', '--by-term'], { isTTY: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ESC);
    expect(r.stdout).toContain(GRADUATION_MARK);
    expect(widest(r.stdout + r.stderr)).toBeLessThanOrEqual(80);
  });
});
