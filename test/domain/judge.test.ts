import { describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { parsePlan } from '../../src/domain/plan/parse.js';
import { COMPULSORY, CORE, DISSERTATION, ELECTIVE, plan, real } from './catalogues.js';
import { expectSoundCounting } from './assertions.js';

const DISSERTATION_PLAN = [...COMPULSORY, CORE[0]!, CORE[1]!, ELECTIVE[0]!, ELECTIVE[1]!, DISSERTATION];
const codes = (list: readonly { code: string }[]) => list.map((f) => f.code);

describe('naming subjects', () => {
  it.each([
    ['identifier', 'epidemiology'],
    ['code', 'HTI5601'],
    ['code in lower case', 'hti5601'],
    ['title', 'Epidemiology'],
    ['title in upper case', 'EPIDEMIOLOGY'],
    ['title with odd spacing', '  Epidemiology '],
  ])('by %s: %j', (_how, name) => {
    const j = judgePlan(real, plan([name]));
    expect(j.errors.filter((e) => e.code === 'UNKNOWN_SUBJECT')).toEqual([]);
    expect(j.subjects.map((s) => s.id)).toEqual(['epidemiology']);
  });

  it.each([
    ['"and" for "&"', 'Digital Imaging and PACS', 'digital-imaging-and-pacs'],
    ['"&" for "and"', 'Software Engineering & Development', 'software-engineering-and-development'],
    ['mixed case with "&"', 'machine LEARNING & data analytics', 'machine-learning-and-data-analytics'],
    ['identifier in capitals', 'PROFESSIONAL-DEVELOPMENT-IN-HEALTH-INFORMATICS', 'professional-development-in-health-informatics'],
    ['code with a letter suffix', 'sn5303b', 'professional-development-in-health-informatics'],
  ])('%s: %j', (_how, name, id) => {
    expect(judgePlan(real, plan([name])).subjects.map((s) => s.id)).toEqual([id]);
  });

  it('judges a whole plan named every way at once', () => {
    const j = judgePlan(
      real,
      plan([
        'sn5023',
        'Information Technology in Healthcare',
        'professional-development-in-health-informatics',
        'EPIDEMIOLOGY',
        'LGT5037',
        'big data computing',
        'Health Care Ethics',
        'hss5903',
        'hti5t04',
      ]),
    );
    expect(j.valid).toBe(true);
    expect(j.errors).toEqual([]);
  });

  it.each([
    ['Epidemology', 'Did you mean Epidemiology?'],
    ['epidemiolgy', 'Did you mean Epidemiology?'],
    ['Big Data Computng', 'Did you mean Big Data Computing'],
    ['HTI5602', 'HTI5601'],
  ])('an unknown name %j gets a suggestion', (name, hint) => {
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, name]));
    expect(j.valid).toBe(false);
    expect(codes(j.errors)).toEqual(['UNKNOWN_SUBJECT']);
    expect(j.errors[0]!.message).toContain(`"${name}" is not a subject of this programme.`);
    // Suggestions are titles; a code suggestion names the subject that has the code.
    const expected = hint === 'HTI5601' ? 'Epidemiology' : hint;
    expect(j.errors[0]!.message).toContain(expected);
  });

  it('an unknown name with nothing close points to the subjects list', () => {
    const j = judgePlan(real, plan(['Underwater Basket Weaving']));
    const unknown = j.errors.find((e) => e.code === 'UNKNOWN_SUBJECT')!;
    expect(unknown.message).not.toContain('Did you mean');
    expect(unknown.message).toContain('study-planner subjects');
  });

  it('the same subject by two different names is a duplicate, counted once', () => {
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, 'Electronic Patient Records']));
    expect(codes(j.errors)).toEqual(['DUPLICATE_SUBJECT']);
    expect(j.errors[0]!.message).toBe(
      '"Electronic Patient Records" and "electronic-patient-records" are the same subject (Electronic Patient Records); a subject counts once, so remove one.',
    );
    expect(j.subjects.filter((s) => s.id === 'electronic-patient-records')).toHaveLength(1);
    expect(j.credits.planned).toBe(31);
    expect(j.fees.tuition).toBe(172_500);
    expect(j.warnings).toEqual([]);
  });

  it('the same name twice is a duplicate too', () => {
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, DISSERTATION]));
    expect(codes(j.errors)).toEqual(['DUPLICATE_SUBJECT']);
    expect(j.errors[0]!.message).toContain('"dissertation" is listed twice');
    expect(j.credits.planned).toBe(31);
  });
});

describe('judging a plan', () => {
  it('the dissertation route is valid, with no findings', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN));
    expect(j).toMatchObject({ valid: true, errors: [], warnings: [], credits: { planned: 31, required: 31 } });
  });

  it('an unmet requirement is an error in words', () => {
    const j = judgePlan(real, plan([...COMPULSORY, CORE[0]!, CORE[1]!, ELECTIVE[0]!, DISSERTATION]));
    expect(j.errors).toEqual([{ code: 'REQUIREMENT_UNMET', message: 'Elective subjects: still needs 1 more elective subject.' }]);
    expect(j.credits).toEqual({ planned: 28, required: 31 });
  });

  it('neither route: the error offers both', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN.filter((s) => s !== DISSERTATION)));
    expect(j.errors).toEqual([
      {
        code: 'REQUIREMENT_UNMET',
        message: 'Dissertation or 3 more subjects: still needs the Dissertation, or 3 more core or elective subjects.',
      },
    ]);
  });

  it('dissertation plus extras: valid, EXTRA_CREDITS, and the extras are paid in full', () => {
    // Three core subjects for two places: the one last by identifier (Project Management) is the
    // extra, whichever was listed last.
    const j = judgePlan(real, plan([...DISSERTATION_PLAN, CORE[2]!], { fellowship: true }));
    expect(j.valid).toBe(true);
    expect(codes(j.warnings)).toEqual(['EXTRA_CREDITS']);
    expect(j.warnings[0]!.message).toBe(
      'the plan has 34 credits, 3 more than the 31 required (Project Management); they add HK$17,250 to the tuition and no fellowship covers them.',
    );
    expect(j.credits).toEqual({ planned: 34, required: 31 });
    expect(j.fees).toEqual({
      currency: 'HKD',
      credits: 34,
      chargedCredits: 33,
      perCredit: 5750,
      tuition: 189_750,
      initialPayment: 17_250,
      fellowship: 120_000,
      payable: 69_750,
    });
    expect(j.requirements.flatMap((r) => r.counted.map((s) => s.id))).not.toContain('project-management');
  });

  it('extras that are not counted do not raise the fellowship off its floor', () => {
    // 1 core short: 27 counted credits plus 6 extra elective credits. Only the 27 (and at most 30) are covered.
    const j = judgePlan(real, plan([...COMPULSORY, CORE[0]!, ...ELECTIVE.slice(0, 4), DISSERTATION], { fellowship: true }));
    expect(j.valid).toBe(false);
    expect(j.credits.planned).toBe(34);
    expect(j.fees.chargedCredits).toBe(33);
    expect(j.fees.fellowship).toBe(27 * 5750 - 42_100);
    expect(j.fees.payable).toBe(33 * 5750 - (27 * 5750 - 42_100));
  });

  it('the fellowship for a non-local student is an error, and not granted', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { residency: 'non-local', fellowship: true }));
    expect(codes(j.errors)).toEqual(['FELLOWSHIP_NOT_ELIGIBLE']);
    expect(j.errors[0]!.message).toContain('local students only');
    expect(j.fees).toMatchObject({ fellowship: 0, payable: 172_500, initialPayment: 34_500 });
  });

  it('a plan for another catalogue is an error that says what to do', () => {
    const j = judgePlan(real, plan(DISSERTATION_PLAN, { catalogue: 'polyu-msc-health-informatics-2025' }));
    expect(codes(j.errors)).toEqual(['CATALOGUE_MISMATCH']);
    expect(j.errors[0]!.message).toContain('--catalogue');
    expect(judgePlan(real, plan(DISSERTATION_PLAN, { catalogue: real.id })).errors).toEqual([]);
  });

  it('reports every problem at once, in a stable order', () => {
    const j = judgePlan(
      real,
      plan(['Epidemology', 'SN5023', 'electronic patient records'], { residency: 'non-local', fellowship: true, catalogue: 'other' }),
    );
    expect(codes(j.errors)).toEqual([
      'CATALOGUE_MISMATCH',
      'UNKNOWN_SUBJECT',
      'DUPLICATE_SUBJECT',
      'REQUIREMENT_UNMET',
      'REQUIREMENT_UNMET',
      'REQUIREMENT_UNMET',
      'REQUIREMENT_UNMET',
      'FELLOWSHIP_NOT_ELIGIBLE',
    ]);
    expectSoundCounting(real, j.requirements);
  });
});

describe('the plan file', () => {
  it('fills in the defaults', () => {
    const r = parsePlan(real, { residency: 'local', subjects: [] });
    expect(r).toEqual({ ok: true, plan: { residency: 'local', mode: 'full-time', fellowship: false, subjects: [] } });
  });

  it.each([
    [{ subjects: [] }, 'residency', 'is required but missing'],
    [{ residency: 'local' }, 'subjects', 'is required but missing'],
    [{ residency: 'martian', subjects: [] }, 'residency', 'must be one of "local", "non-local"'],
    [{ residency: 'local', mode: 'evening', subjects: [] }, 'mode', 'must be one of "full-time", "part-time"'],
    [{ residency: 'local', fellowship: 'yes', subjects: [] }, 'fellowship', 'must be true or false'],
    [{ residency: 'local', subjects: ['SN5023', 7] }, 'subjects[1]', 'must be a subject name'],
    [{ residency: 'local', subjects: [], colour: 'blue' }, 'colour', 'is not a known field'],
    // A list is an object to JSON too: taken as a record, it graded subjects "0", "1", ...
    [{ residency: 'local', subjects: ['SN5023'], grades: ['SN5023'] }, 'grades', 'must map subjects to grades'],
    [{ residency: 'local', subjects: [], grades: [] }, 'grades', 'must map subjects to grades'],
    [{ residency: 'local', subjects: [], grades: 'A' }, 'grades', 'must map subjects to grades'],
    [[], '', 'must be a JSON object'],
  ])('rejects %j at %j', (json, path, message) => {
    const r = parsePlan(real, json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.path).toBe(path);
    expect(r.issues[0]!.message).toContain(message);
  });
});
