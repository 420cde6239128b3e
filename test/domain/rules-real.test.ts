import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/rules/engine.js';
import { expectSoundCounting } from './assertions.js';
import { COMPULSORY, CORE, DISSERTATION, ELECTIVE, real, subjectsOf } from './catalogues.js';

const C = COMPULSORY;
const [c1, c2, c3, c4, c5, c6] = CORE as [string, string, string, string, string, string];
const [e1, e2, e3, e4, e5] = ELECTIVE as [string, string, string, string, string];
const D = DISSERTATION;

interface Row {
  name: string;
  plan: string[];
  valid: boolean;
  /** The option the dissertation-or-coursework requirement reports. */
  route: 'dissertation' | 'coursework';
  /**
   * Per requirement, in catalogue order: the counted identifiers (in plan order), or the words of
   * what is missing. Which of several candidates counts is settled by identifier, never by the
   * order listed: of c1..c5, business-analytics (c3) and artificial-intelligence-concepts (c4) come first.
   */
  counted?: [string[], string[], string[], string[]];
  missing?: [string | null, string | null, string | null, string | null];
}

const rows: Row[] = [
  {
    name: 'dissertation route',
    plan: [...C, c1, c2, e1, e2, D],
    valid: true,
    route: 'dissertation',
    counted: [C, [c1, c2], [e1, e2], [D]],
  },
  {
    name: 'coursework route: 3 extra core subjects replace the dissertation',
    plan: [...C, c1, c2, c3, c4, c5, e1, e2],
    valid: true,
    route: 'coursework',
    counted: [C, [c3, c4], [e1, e2], [c1, c2, c5]],
  },
  {
    name: 'coursework route: 3 extra electives',
    plan: [...C, c1, c2, e1, e2, e3, e4, e5],
    valid: true,
    route: 'coursework',
    // big-data-computing (e1) and bioinformatics-in-health-sciences (e3) come first by identifier.
    counted: [C, [c1, c2], [e1, e3], [e2, e4, e5]],
  },
  {
    name: 'coursework route: extra core and electives mixed',
    plan: [...C, c1, e1, c2, e2, c3, e3, e4],
    valid: true,
    route: 'coursework',
    counted: [C, [c1, c3], [e1, e3], [c2, e2, e4]],
  },
  {
    // Listed core first: a greedy engine would spend all five on "core" and find nothing left.
    name: '5 core + 2 elective, listed core first: 3 core subjects replace the dissertation',
    plan: [c1, c2, c3, c4, c5, e1, e2, ...C],
    valid: true,
    route: 'coursework',
    counted: [C, [c3, c4], [e1, e2], [c1, c2, c5]],
  },
  {
    name: '2 core + 5 elective, electives listed first',
    plan: [e1, e2, e3, e4, e5, c1, c2, ...C],
    valid: true,
    route: 'coursework',
    counted: [C, [c1, c2], [e1, e3], [e2, e4, e5]],
  },
  {
    name: 'a compulsory subject missing',
    plan: [C[0]!, C[1]!, c1, c2, e1, e2, D],
    valid: false,
    route: 'dissertation',
    missing: ['Professional Development in Health Informatics and Academic Integrity and Ethics', null, null, null],
  },
  {
    name: 'no compulsory subject at all',
    plan: [c1, c2, e1, e2, D],
    valid: false,
    route: 'dissertation',
    missing: ['4 more compulsory subjects', null, null, null],
  },
  {
    name: 'only 1 core subject',
    plan: [...C, c1, e1, e2, D],
    valid: false,
    route: 'dissertation',
    missing: [null, '1 more core subject', null, null],
  },
  {
    name: 'only 1 elective',
    plan: [...C, c1, c2, e1, D],
    valid: false,
    route: 'dissertation',
    missing: [null, null, '1 more elective subject', null],
  },
  {
    name: 'neither the dissertation nor replacements',
    plan: [...C, c1, c2, e1, e2],
    valid: false,
    route: 'dissertation',
    missing: [null, null, null, 'the Dissertation, or 3 more core or elective subjects'],
  },
  {
    name: 'one replacement of three',
    plan: [...C, c1, c2, c3, e1, e2],
    valid: false,
    route: 'coursework',
    missing: [null, null, null, 'the Dissertation, or 2 more core or elective subjects'],
  },
  {
    name: 'core subjects cannot stand in for electives',
    plan: [...C, c1, c2, c3, c4, c5, c6, D],
    valid: false,
    route: 'dissertation',
    missing: [null, null, '2 more elective subjects', null],
  },
  {
    name: 'an empty plan',
    plan: [],
    valid: false,
    route: 'dissertation',
    missing: [
      '4 more compulsory subjects',
      '2 more core subjects',
      '2 more elective subjects',
      'the Dissertation, or 3 more core or elective subjects',
    ],
  },
  {
    // The extras are the ones last by identifier, not the ones listed last.
    name: 'dissertation plus extras: the extras count nowhere',
    plan: [...C, c1, c2, e1, e2, D, c3, e3],
    valid: true,
    route: 'dissertation',
    counted: [C, [c1, c3], [e1, e3], [D]],
  },
];

describe('the rules engine over the real catalogue', () => {
  it.each(rows)('$name', (row) => {
    const evaluation = evaluate(real, subjectsOf(real, row.plan));
    expect(evaluation.satisfied).toBe(row.valid);
    expect(evaluation.requirements.map((r) => r.id)).toEqual(['compulsory', 'core', 'elective', 'dissertation-or-coursework']);
    expect(evaluation.requirements[3]!.option?.id).toBe(row.route);
    if (row.counted) expect(evaluation.requirements.map((r) => r.counted.map((s) => s.id))).toEqual(row.counted);
    if (row.missing) expect(evaluation.requirements.map((r) => r.missing)).toEqual(row.missing);
    expect(evaluation.requirements.every((r) => r.satisfied)).toBe(row.valid);
    expectSoundCounting(real, evaluation.requirements);
    expect(evaluation.counted).toEqual(new Set(evaluation.requirements.flatMap((r) => r.counted)));
  });

  it('reports progress as have / need in the rule’s unit', () => {
    const evaluation = evaluate(real, subjectsOf(real, [...C, c1, e1, c2, c3]));
    expect(evaluation.requirements.map((r) => [r.have, r.need, r.unit])).toEqual([
      [4, 4, 'subject'],
      [2, 2, 'subject'],
      [1, 2, 'subject'],
      [1, 3, 'subject'],
    ]);
  });

  it('judges every plan of the programme’s shape the same whatever the order of its subjects', () => {
    const plan = [...C, c1, c2, c3, e1, e2, e3, e4];
    const countedIds = (rotated: string[]) =>
      evaluate(real, subjectsOf(real, rotated)).requirements.map((r) => r.counted.map((s) => s.id).sort());
    const first = countedIds(plan);
    for (let shift = 0; shift < plan.length; shift++) {
      const rotated = [...plan.slice(shift), ...plan.slice(0, shift)];
      const evaluation = evaluate(real, subjectsOf(real, rotated));
      expect(evaluation.satisfied).toBe(true);
      expect(evaluation.requirements.map((r) => r.counted.length)).toEqual([4, 2, 2, 3]);
      // The same subjects count towards the same requirements, listed in the plan's own order.
      expect(countedIds(rotated)).toEqual(first);
      for (const r of evaluation.requirements)
        expect(r.counted.map((s) => rotated.indexOf(s.id))).toEqual(r.counted.map((s) => rotated.indexOf(s.id)).sort((x, y) => x - y));
      expectSoundCounting(real, evaluation.requirements);
    }
  });
});
