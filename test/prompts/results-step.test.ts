import { describe, expect, test } from 'vitest';
import { plannerSession } from '../../src/cli/commands/plan/session.js';
import { endedSubjects, pastSubjects, resultsStep, termEnds } from '../../src/cli/prompts/results.js';
import { planFromAnswers, type AnswersWithResidency } from '../../src/domain/plan/draft.js';
import { NO_ANSWERS } from '../../src/domain/plan/steps.js';
import { termAt } from '../../src/domain/schedule/terms.js';
import type { Turn } from './scripted-ask.js';
import { choose, harness, polyu, tick } from './harness.js';

// The results step in `plan`: asked once, before the first review, only when a term of the plan
// has ended by today; "No results to record now" is the default, so one Enter skips it.

const catalogue = polyu();

/** A new part-time plan up to the review: local, dissertation, with the fellowship. */
const FIRST_PASS: Turn[] = [
  { expect: 'Are you a local or a non-local student?', keys: ['enter'] },
  { expect: 'How will you study?', keys: choose(1) },
  { expect: 'Choose at least 2 core subjects', keys: tick(0, 1) },
  { expect: 'Choose at least 2 elective subjects', keys: tick(0, 2) },
  { expect: 'which will you take?', keys: ['enter'] },
  { expect: 'Accept this schedule', keys: ['enter'] },
  { expect: 'Include the Targeted', keys: ['enter'] },
  { expect: 'A name for this plan:', keys: [{ type: 'mine' }, 'enter'] },
];
/** A part-time dissertation plan, every step answered but the schedule (the proposal). */
const PART_TIME = {
  ...NO_ANSWERS,
  residency: 'local' as const,
  mode: 'part-time',
  picks: {
    core: ['artificial-intelligence-concepts', 'business-analytics'],
    elective: ['advanced-statistics-in-health-care-research', 'big-data-computing'],
    'dissertation-or-coursework/dissertation': ['dissertation'],
  },
  routes: { 'dissertation-or-coursework': 'dissertation' },
};
const SAVE: Turn = { expect: ['What next?', 'Save as "mine"'], keys: ['enter'] };

describe('when a term ends', () => {
  test('each term kind ends in its own last month, the next calendar year when it ends before it starts', () => {
    expect([0, 1, 2, 3].map((i) => [termAt(catalogue, i).label, termEnds(termAt(catalogue, i))])).toEqual([
      ['Semester One 2024/25', '2024-12'],
      ['Semester Two 2024/25', '2025-04'],
      ['Summer Term 2024/25', '2025-08'],
      ['Semester One 2025/26', '2025-12'],
    ]);
  });
});

describe('the results step in plan', () => {
  test('in the first term, nothing has ended: no results are asked, and the review offers them for the term begun', async () => {
    const h = harness(catalogue, [...FIRST_PASS, { ...SAVE, expect: ['What next?', 'Change Results so far: 0 of 2 recorded'] }], {
      today: '2024-12-20',
    });
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(end.outcome).toBe('save');
    expect(h.ask.left).toBe(0);
    expect(h.ask.screens.join('\n')).not.toContain('Record results');
  });

  test('once Semester One has ended, the step comes after the name; Enter skips it, and the plan has no record', async () => {
    const h = harness(
      catalogue,
      [
        ...FIRST_PASS,
        {
          expect: ['2 of your subjects are in terms that have begun. Record results for them?', '❯ No results to record now'],
          keys: ['enter'],
        },
        SAVE,
      ],
      { today: '2025-01-05' },
    );
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(h.ask.left).toBe(0);
    const plan = planFromAnswers(catalogue, end.answers as AnswersWithResidency);
    expect(plan).not.toHaveProperty('grades');
    expect(plan).not.toHaveProperty('transferred');
    expect(plan).not.toHaveProperty('exempted');
    // The skip is kept in the draft, so a resumed session goes straight to the review.
    expect(h.kept.at(-1)?.record).toEqual({});
    const resumed = harness(catalogue, [SAVE], { today: '2025-01-05' });
    expect((await plannerSession(resumed.ctx, h.kept.at(-1)!, { resumed: true })).outcome).toBe('save');
    expect(resumed.ask.left).toBe(0);
  });

  test('results recorded at the step are in the saved plan, and the review shows the record and the GPA', async () => {
    const h = harness(
      catalogue,
      [
        ...FIRST_PASS,
        { expect: 'Record results for them?', keys: choose(1) },
        // "No result yet" is the default of a subject with nothing recorded; then A+, A, A-, B+...
        { expect: ['Electronic Patient Records (Semester One 2024/25): your result?', '❯ No result yet'], keys: choose(3) },
        { expect: 'Information Technology in Healthcare (Semester One 2024/25): your result?', keys: choose(4) },
        { ...SAVE, expect: ['What next?', 'Change Results so far: 2 of 2 recorded'] },
      ],
      { today: '2025-01-05' },
    );
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(h.ask.left).toBe(0);
    expect(planFromAnswers(catalogue, end.answers as AnswersWithResidency).grades).toEqual({
      'electronic-patient-records': 'A-',
      'information-technology-in-healthcare': 'B+',
    });
    // (3.7 x 3 + 3.3 x 3) / 6 = 3.50; the review reckons what is still to pay from today.
    expect(h.said()).toContain('GPA 3.50 over 6 graded credits');
    expect(h.said()).toContain('Still to pay from 2025-01-05');
  });

  test('a plan with a record already (a resumed draft) is not asked again', async () => {
    const h = harness(catalogue, [...FIRST_PASS, SAVE], { today: '2025-05-10' });
    const start = { ...NO_ANSWERS, record: { grades: { 'electronic-patient-records': 'A' } } };
    const end = await plannerSession(h.ctx, start);
    expect(h.ask.left).toBe(0);
    expect(end.answers.record).toEqual(start.record);
  });

  test('an edited plan opens at its review, with no record and terms ended: the step is not asked before it', async () => {
    const first = harness(catalogue, [...FIRST_PASS, { expect: 'Record results', keys: ['enter'] }, SAVE], { today: '2025-05-10' });
    const { record: _skipped, ...planned } = (await plannerSession(first.ctx, NO_ANSWERS)).answers;
    const edit = harness(catalogue, [{ expect: ['What next?', 'replacing the saved plan you are editing'], keys: ['enter'] }], {
      today: '2025-05-10',
      editing: 'mine',
      takenBy: (name) => (name === 'mine' ? ['mine'] : []),
    });
    expect((await plannerSession(edit.ctx, planned, { resumed: true })).outcome).toBe('save');
    expect(edit.ask.left).toBe(0);
  });

  test('the pieces: terms begun and terms ended by a day', () => {
    const answers = PART_TIME;
    const count = (day: string) => [pastSubjects(catalogue, answers, day).length, endedSubjects(catalogue, answers, day).length];
    // Before the intake; in Semester One; after it (Semester Two begins in January, counted from February); after Semester Two.
    expect(['2024-08-01', '2024-12-20', '2025-01-05', '2025-02-01', '2025-05-10'].map(count)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [4, 2],
      [4, 4],
    ]);
  });

  test('a subject the record transferred or exempted sits in no term, and is offered all the same, so it can be undone', () => {
    const answers = {
      ...PART_TIME,
      record: { transferred: ['information-technology-in-healthcare'], exempted: ['big-data-computing'] },
    };
    const past = pastSubjects(catalogue, answers, '2025-02-01');
    expect(past.filter((p) => p.term === 'transferred' || p.term === 'exempted').map((p) => [p.subject.id, p.term])).toEqual([
      ['information-technology-in-healthcare', 'transferred'],
      ['big-data-computing', 'exempted'],
    ]);
    // Each subject once.
    expect(new Set(past.map((p) => p.subject.id)).size).toBe(past.length);
    // Even one the record lists both ways; and before any term has begun, none at all.
    const both = { ...answers, record: { transferred: ['big-data-computing'], exempted: ['big-data-computing'] } };
    expect(pastSubjects(catalogue, both, '2025-02-01').filter((p) => p.subject.id === 'big-data-computing')).toHaveLength(1);
    expect(pastSubjects(catalogue, answers, '2024-08-01')).toEqual([]);
  });

  test('a subject both transferred and graded is offered with what counts, the transfer, so Enter keeps it', async () => {
    const answers = { ...PART_TIME, record: { transferred: ['big-data-computing'], grades: { 'big-data-computing': 'B' } } };
    const past = pastSubjects(catalogue, answers, '2025-02-01');
    const h = harness(catalogue, [
      { expect: 'Record results for them?', keys: choose(1) },
      ...past.slice(0, -1).map((): Turn => ({ expect: /\): your/, keys: ['enter'] })),
      { expect: ['Big Data Computing (transferred): your result?', '❯ Credit transferred from earlier study'], keys: ['enter'] },
    ]);
    const after = await resultsStep(h.ctx, answers, past);
    expect(h.ask.left).toBe(0);
    expect(after.record).toMatchObject({ transferred: ['big-data-computing'] });
    expect(after.record?.grades?.['big-data-computing']).toBeUndefined();
  });
});
