import { describe, expect, test } from 'vitest';
import { plannerSession } from '../../src/cli/commands/plan/session.js';
import { planFromAnswers } from '../../src/domain/plan/draft.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { NO_ANSWERS, type Answers } from '../../src/domain/plan/steps.js';
import type { Turn } from './scripted-ask.js';
import { choose, harness, invented, polyu, tick } from './harness.js';

// Whole conversations, every question answered by keys in the real prompts.

const catalogue = polyu();

/** The questions of a first session, up to the review: local, part-time, dissertation, fellowship. */
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

// The review's choices, in order: save, then a change per step, then discard.
const REVIEW = { save: 0, residency: 1, mode: 2, core: 3, elective: 4, route: 5, schedule: 6, fellowship: 7, name: 8, discard: 9 };
const review = (choice: keyof typeof REVIEW): Turn => ({ expect: 'What next?', keys: choose(REVIEW[choice]) });

describe('a whole session', () => {
  test('asks every step in order, keeps the draft after each answer, reviews and saves', async () => {
    const h = harness(catalogue, [...FIRST_PASS, { expect: ['What next?', 'Save as "mine"'], keys: ['enter'] }]);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(end.outcome).toBe('save');
    const plan = planFromAnswers(catalogue, end.answers as Answers & { residency: 'local' });
    expect(plan).toEqual({
      catalogue: catalogue.id,
      residency: 'local',
      mode: 'part-time',
      fellowship: true,
      subjects: [
        'electronic-patient-records',
        'information-technology-in-healthcare',
        'professional-development-in-health-informatics',
        'academic-integrity-and-ethics',
        'artificial-intelligence-concepts',
        'business-analytics',
        'advanced-statistics-in-health-care-research',
        'big-data-computing',
        'dissertation',
      ],
    });
    expect(h.kept.map((a) => Object.keys(a).length)).toHaveLength(8);
    expect(h.kept[0]).toMatchObject({ residency: 'local' });
    expect(h.kept.at(-1)).toMatchObject({ name: 'mine' });
    // The report is check's: verdict, requirements, the fee table.
    expect(h.said()).toContain('mine: ✔ valid');
    expect(h.said()).toMatch(/Payable\s+HK\$52,500/);
    // Both included requirements were shown on the way.
    expect(h.said()).toContain('Compulsory subjects, included in your plan:');
    expect(h.said()).toContain('Dissertation, included in your plan:');
    expect(h.ask.left).toBe(0);
  });

  test('the review changes one answer and comes back to the review', async () => {
    const h = harness(catalogue, [
      ...FIRST_PASS,
      review('core'),
      // The earlier choice is ticked: untick the first, tick Epidemiology (the fifth).
      { expect: '◉ Artificial Intelligence Concepts', keys: ['space', 'down', 'down', 'down', 'down', 'space', 'enter'] },
      { expect: ['What next?', 'Change Core subjects: Business Analytics, Epidemiology'], keys: ['enter'] },
    ]);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(end.outcome).toBe('save');
    expect(end.answers.picks.core).toEqual(['business-analytics', 'epidemiology']);
    // Nothing else was asked again: the name and the rest stand.
    expect(end.answers).toMatchObject({ residency: 'local', mode: 'part-time', fellowship: true, name: 'mine' });
    expect(h.kept).toHaveLength(9);
    expect(h.ask.left).toBe(0);
  });

  test('changing the route asks for what the new route needs, then comes back to the review', async () => {
    const h = harness(catalogue, [
      ...FIRST_PASS,
      review('route'),
      { expect: 'which will you take?', keys: choose(1) },
      { expect: 'Choose 3 more core or elective subjects', keys: tick(0, 1, 2) },
      { expect: ['What next?', 'Change 3 more core or elective subjects: Computer Programming'], keys: ['enter'] },
    ]);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    const plan = planFromAnswers(catalogue, end.answers as Answers & { residency: 'local' });
    expect(plan.subjects).not.toContain('dissertation');
    // Four compulsory (Academic Integrity and Ethics among them), 2 core, 2 elective, 3 more.
    expect(plan.subjects).toHaveLength(11);
    expect(judgePlan(catalogue, plan).valid).toBe(true);
  });

  test('discard asks to confirm; "no" goes back to the review', async () => {
    const h = harness(catalogue, [
      ...FIRST_PASS,
      review('discard'),
      { expect: 'Discard this plan?', keys: ['enter'] },
      review('discard'),
      { expect: 'Discard this plan?', keys: choose(1) },
    ]);
    expect((await plannerSession(h.ctx, NO_ANSWERS)).outcome).toBe('discard');
    expect(h.ask.left).toBe(0);
  });

  test('answers given beforehand (flags, defaults, a draft) are not asked again', async () => {
    const given: Answers = {
      residency: 'non-local',
      mode: 'full-time',
      picks: { core: ['epidemiology', 'project-management'] },
      routes: {},
    };
    const h = harness(catalogue, [
      { expect: 'Choose at least 2 elective subjects', keys: tick(0, 1) },
      { expect: 'which will you take?', keys: ['enter'] },
      { expect: 'Accept this schedule', keys: ['enter'] },
      // Non-local: no fellowship question.
      { expect: 'A name for this plan: (full-time-dissertation)', keys: ['enter'] },
      review('save'),
    ]);
    const end = await plannerSession(h.ctx, given);
    expect(end.answers).toMatchObject({ residency: 'non-local', name: 'full-time-dissertation' });
    expect(end.answers.fellowship).toBeUndefined();
    expect(h.ask.left).toBe(0);
  });

  test('a resumed session starts at the first unanswered step and does not show again what was shown', async () => {
    const draft: Answers = { residency: 'local', mode: 'part-time', picks: { core: ['epidemiology', 'project-management'] }, routes: {} };
    const h = harness(catalogue, [
      { expect: 'Choose at least 2 elective subjects', keys: tick(0, 1) },
      { expect: 'which will you take?', keys: ['enter'] },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'Include the', keys: choose(1) },
      { expect: 'A name for this plan:', keys: ['enter'] },
      review('save'),
    ]);
    await plannerSession(h.ctx, draft, { resumed: true });
    expect(h.said()).not.toContain('Compulsory subjects, included');
    expect(h.said()).toContain('Dissertation, included');
  });

  test('Ctrl-C at any question ends the session with ExitPromptError, answers kept so far', async () => {
    const h = harness(catalogue, [...FIRST_PASS.slice(0, 3), { keys: ['ctrl-c'] }]);
    await expect(plannerSession(h.ctx, NO_ANSWERS)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(h.kept.at(-1)?.picks.core).toEqual(['artificial-intelligence-concepts', 'business-analytics']);
  });
});

describe('a catalogue with other rules asks other questions, with no change of code', () => {
  test('invented programme: a subject count, a credit count, three alternatives, a bursary for non-local students', async () => {
    const other = invented();
    const h = harness(other, [
      { expect: 'Are you a local or a non-local student?', keys: choose(1) },
      { expect: ['How will you study?', 'Evening', 'Block release'], keys: ['enter'] },
      { expect: ['Choose at least 3 methods subjects', /Survey Methods\s+DM201\s+3 credits/], keys: tick(0, 1, 2) },
      {
        expect: ['Choose at least 8 credits of optional subjects', /Archival Science\s+2 credits/],
        keys: tick(0, 1),
        then: { expect: 'Choose at least 8 credits (4 credits chosen so far).', keys: ['down', 'space', 'down', 'space', 'enter'] },
      },
      {
        expect: [
          'Project, placement or 2 more subjects: which will you take?',
          'Capstone Project',
          'Industry Placement with its seminar',
          '2 more methods or optional subjects',
        ],
        keys: choose(1),
      },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'Include the Invented Mobility Bursary in this plan?', keys: ['enter'] },
      { expect: 'A name for this plan: (evening-placement)', keys: ['enter'] },
      { expect: ['What next?', 'Change Optional credits: Archival Science, Open Data & Law, Metadata Design'], keys: ['enter'] },
    ]);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    const plan = planFromAnswers(other, end.answers as Answers & { residency: 'non-local' });
    expect(plan.subjects).toEqual([
      'data-stewardship-principles',
      'academic-integrity',
      'survey-methods',
      'causal-inference',
      'qualitative-research',
      'archival-science',
      'open-data-law',
      'metadata-design',
      'data-curation-lab',
      'industry-placement',
      'placement-seminar',
    ]);
    expect(plan).toMatchObject({ residency: 'non-local', mode: 'evening', fellowship: true });
    expect(h.said()).toContain('Foundation subjects, included in your plan:');
    expect(h.said()).toMatch(/Academic Integrity\s+AI001\s+1 credit, no tuition/);
    expect(h.said()).toContain('Industry Placement with its seminar, included in your plan:');
    expect(h.said()).toContain('Optional credits 0/8 cr');
    // The summary is built from the bursary's figures.
    expect(h.said()).toMatch(
      /Invented Mobility Bursary: up to EUR 3,000 of the tuition for non-local\s+students, who pay at least EUR 5,000 themselves\./,
    );
    expect(h.said()).toMatch(/evening-placement: ✔ valid/);
    expect(h.ask.left).toBe(0);
  });
});
