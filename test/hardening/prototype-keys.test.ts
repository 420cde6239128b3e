// `__proto__`, `constructor` and friends as keys and names: JSON.parse makes them own properties,
// and nothing downstream may turn them into prototypes or find Object.prototype's members.
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { parsePlan } from '../../src/domain/plan/parse.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import { loadText, normalLoadSentence } from '../../src/cli/prompts/schedule-load.js';
import { catalogueFrom, real, realJson } from '../domain/catalogues.js';

const DISSERTATION = [
  'SN5023',
  'SN6006',
  'SN5303B',
  'epidemiology',
  'project-management',
  'big-data-computing',
  'health-care-ethics',
  'dissertation',
];

function proposed(catalogue: ReturnType<typeof catalogueFrom>) {
  const plan = { residency: 'local' as const, mode: 'part-time', fellowship: false, subjects: DISSERTATION };
  const j = judgePlan(catalogue, plan);
  return planSchedule(catalogue, plan, {
    subjects: j.subjects,
    requirements: j.requirements,
    fees: j.fees,
    counted: j.counted,
    satisfied: j.valid,
  });
}

describe('prototype-named keys', () => {
  it.each([
    ['__proto__', '{"residency": "local", "subjects": [], "__proto__": {"polluted": true}}'],
    ['constructor', '{"residency": "local", "subjects": [], "constructor": {"prototype": {"polluted": true}}}'],
    ['toString', '{"residency": "local", "subjects": [], "toString": "x"}'],
  ])('a plan with a %s field is refused as an unknown field, and pollutes nothing', (key, text) => {
    const result = parsePlan(real, JSON.parse(text));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: key, message: 'is not a known field; remove it or check its spelling', code: 'UNKNOWN_FIELD' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a catalogue with __proto__ inside a subject is refused, and its subjects keep their prototype', () => {
    const text = JSON.stringify(realJson()).replace(
      '{"id":"electronic-patient-records"',
      '{"__proto__":{"credits":99,"polluted":true},"id":"electronic-patient-records"',
    );
    const result = parseCatalogue(JSON.parse(text));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({
      path: 'subjects[0].__proto__',
      message: 'is not a known field; remove it or check its spelling',
      code: 'UNKNOWN_FIELD',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('subjects named __proto__ and constructor are found by name, not on Object.prototype', () => {
    const data = realJson();
    data.subjects[0].title = '__proto__';
    data.subjects[1].title = 'constructor';
    const catalogue = catalogueFrom(data);
    const j = judgePlan(catalogue, {
      residency: 'local',
      mode: 'full-time',
      fellowship: false,
      subjects: ['__proto__', 'constructor', 'hasOwnProperty', 'toString'],
    });
    expect(j.subjects.map((s) => s.id)).toEqual(['electronic-patient-records', 'information-technology-in-healthcare']);
    expect(j.errors.filter((e) => e.code === 'UNKNOWN_SUBJECT').map((e) => e.message)).toEqual([
      expect.stringContaining('"hasOwnProperty" is not a subject'),
      expect.stringContaining('"toString" is not a subject'),
    ]);
  });

  it('a term called "constructor" is not given the load guidance of Object.prototype.constructor', () => {
    const data = realJson();
    for (const mode of data.modes) delete mode.load;
    const plain = proposed(catalogueFrom(data));
    data.terms[2].id = 'constructor';
    const withConstructor = proposed(catalogueFrom(data));
    // Without guidance every subject goes in the first term; a term's name changes nothing.
    expect(plain.unscheduled).toEqual([]);
    expect(withConstructor.unscheduled).toEqual([]);
    expect(withConstructor.terms.map((t) => t.subjects.length)).toEqual(plain.terms.map((t) => t.subjects.length));
  });

  it('nor, in a catalogue that gives load guidance, shown a load of "undefined to undefined"', () => {
    const data = realJson();
    data.terms[2].id = 'constructor';
    const catalogue = catalogueFrom(data);
    const summer = termAt(catalogue, 2);
    expect(summer.kind.id).toBe('constructor');
    expect(loadText(catalogue, 'part-time', summer, { subjects: 1, credits: 3 })).toBe('1 subject, no normal load');
    const sentence = normalLoadSentence(catalogue, 'part-time');
    expect(sentence).not.toMatch(/undefined|Summer/);
    expect(sentence).toContain('Semester One and Semester Two');
  });
});
