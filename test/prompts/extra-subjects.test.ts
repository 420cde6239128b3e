import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { runPlanner } from '../../src/cli/commands/plan/planner.js';
import { plannerSession } from '../../src/cli/commands/plan/session.js';
import { planFromAnswers } from '../../src/domain/plan/draft.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { NO_ANSWERS, type Answers } from '../../src/domain/plan/steps.js';
import { choose, harness, polyu, tick } from './harness.js';
import { MemoryStore } from './memory-store.js';
import { scriptedAsk, type Turn } from './scripted-ask.js';

// A student who takes extra core subjects is asked only for what is still missing.

const catalogue = polyu();
const EXTRA = 'dissertation-or-coursework/coursework';

/** Non-local, full-time, four cores, two electives, then "3 more core or elective subjects". */
const UP_TO_EXTRA: Turn[] = [
  { expect: 'Are you a local or a non-local student?', keys: choose(1) },
  { expect: 'How will you study?', keys: ['enter'] },
  { expect: 'Choose at least 2 core subjects', keys: tick(0, 1, 2, 3) },
  { expect: 'Choose at least 2 elective subjects', keys: tick(0, 1) },
  // The description under the highlighted alternative says what it would still ask for.
  { expect: 'which will you take?', keys: ['down'], then: { expect: 'you choose 1 more core or elective subject next', keys: ['enter'] } },
];

/** The review's choices for a non-local coursework plan: save, then a change per step. */
const REVIEW = { save: 0, core: 3, elective: 4, route: 5, extra: 6 };
const review = (choice: keyof typeof REVIEW, expect?: string | string[]): Turn => ({
  expect: ['What next?', ...(expect === undefined ? [] : [expect].flat())],
  keys: choose(REVIEW[choice]),
});

function terminalIo(): { io: Io; stdout: () => string } {
  let text = '';
  const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) }), {
    isTTY: true,
    columns: 80,
  });
  // A day in the second year: the first terms have ended, so the planner asks for results.
  const env = { STUDY_PLANNER_TODAY: '2025-10-01' };
  return { io: { stdout, stderr: stdout, stdin: Object.assign(new PassThrough(), { isTTY: true }), env }, stdout: () => text };
}

describe('the reported case: four cores, two electives, coursework', () => {
  test('the checklist asks for 1 more and takes 1; the saved plan has 31 credits and HK$172,500 to pay', async () => {
    const store = new MemoryStore();
    const ask = scriptedAsk([
      ...UP_TO_EXTRA,
      {
        expect: 'Choose 1 more core or elective subject',
        keys: tick(0, 1),
        then: { expect: 'Choose exactly 1 subject (2 chosen); untick 1.', keys: ['space', 'enter'] },
      },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: [{ type: 'four-cores' }, 'enter'] },
      { expect: 'No results to record now', keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io, stdout } = terminalIo();
    const outcome = await runPlanner(makeContext(io, { color: false }), {}, { store, ask: async () => ask, now: () => new Date(0) });
    expect(outcome).toBe('success');
    expect(ask.left).toBe(0);
    const plan = store.getPlan('four-cores')!.plan;
    expect(plan.subjects).toHaveLength(4 + 4 + 2 + 1);
    const judgement = judgePlan(catalogue, plan);
    expect(judgement).toMatchObject({ valid: true, credits: { planned: 31, required: 31 } });
    expect(judgement.fees.payable).toBe(172_500);
    expect(judgement.warnings.map((w) => w.code)).not.toContain('EXTRA_CREDITS');
    // Beside the checklist, the progress line counted the two extra cores; the review said 31 credits before saving.
    expect(stdout()).toContain('Dissertation or 3 more 2/3');
    expect(stdout()).toContain('non-local, full-time; 31 of 31 credits');
    expect(stdout()).toMatch(/Payable\s+HK\$172,500/);
  });
});

describe('at the review, a change moves what the other picks still miss', () => {
  async function firstPass(extra: Turn[]): Promise<{ answers: Answers; said: string }> {
    const turns: Turn[] = [
      ...UP_TO_EXTRA,
      { expect: 'Choose 1 more core or elective subject', keys: tick(0) },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: ['enter'] },
      ...extra,
    ];
    const h = harness(catalogue, turns);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(h.ask.left).toBe(0);
    return { answers: end.answers, said: h.said() };
  }

  const credits = (answers: Answers) => judgePlan(catalogue, planFromAnswers(catalogue, answers as Answers & { residency: 'non-local' }));

  test('removing two cores asks the replacement subjects again, for 3, the earlier one ticked', async () => {
    const { answers, said } = await firstPass([
      review('core', 'Change 3 more core or elective subjects: Epidemiology'),
      // Untick the third and fourth cores.
      { expect: 'Choose at least 2 core subjects', keys: ['down', 'down', 'space', 'down', 'space', 'enter'] },
      { expect: ['Choose 3 more core or elective subjects', '◉ Epidemiology'], keys: ['space', 'down', 'space', 'enter'] },
      review('save'),
    ]);
    expect(said).toContain(
      '3 more core or elective subjects: that change alters what this needs, so choose again (your earlier choice is ticked).',
    );
    expect(answers.picks[EXTRA]).toHaveLength(3);
    expect(credits(answers)).toMatchObject({ valid: true, credits: { planned: 31 } });
  });

  test('adding an elective leaves nothing to replace: the replacement is left out, and said so', async () => {
    const h = harness(catalogue, [
      ...UP_TO_EXTRA,
      { expect: 'Choose 1 more core or elective subject', keys: tick(0) },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: ['enter'] },
      review('elective'),
      { expect: 'Choose at least 2 elective subjects', keys: tick(2) },
      review('save', 'Change 3 more core or elective subjects: none'),
    ]);
    const end = await plannerSession(h.ctx, NO_ANSWERS);
    expect(h.said()).toContain(
      '3 more core or elective subjects: the subjects you chose already make it up, so there is nothing more to choose; Epidemiology is left out.',
    );
    expect(end.answers.picks[EXTRA]).toEqual([]);
    expect(credits(end.answers)).toMatchObject({ valid: true, credits: { planned: 31 } });
  });

  test('the same answers as flags make the same 31-credit plan without a terminal', async () => {
    const store = new MemoryStore();
    const { io } = terminalIo();
    const ctx = makeContext({ ...io, stdin: Object.assign(new PassThrough(), { isTTY: false }) }, { color: false });
    const flags = {
      residency: 'non-local',
      mode: 'full-time',
      core: ['artificial-intelligence-concepts', 'business-analytics', 'computer-programming-for-healthcare', 'digital-imaging-and-pacs'],
      elective: ['advanced-statistics-in-health-care-research', 'advanced-technology-and-clinical-application-in-nuclear-medicine-imaging'],
      route: 'coursework',
      extra: ['epidemiology'],
      name: 'flags',
    };
    expect(await runPlanner(ctx, flags, { store, ask: () => Promise.reject(new Error('no terminal')), now: () => new Date(0) })).toBe(
      'success',
    );
    expect(judgePlan(catalogue, store.getPlan('flags')!.plan)).toMatchObject({
      valid: true,
      credits: { planned: 31 },
      fees: { payable: 172_500 },
    });
  });
});

describe('a flag that answers part of a question', () => {
  test('--core with one subject of two: the core checklist is asked, that subject ticked; the plan saved is valid', async () => {
    const store = new MemoryStore();
    const ask = scriptedAsk([
      { expect: ['Choose at least 2 core subjects', '◉ Epidemiology'], keys: tick(0) },
      { expect: 'Choose at least 2 elective subjects', keys: tick(0, 1) },
      { expect: 'which will you take?', keys: ['enter'] },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'Fellowships Scheme in this', keys: choose(1) },
      { expect: 'A name for this plan:', keys: [{ type: 'one-core-flag' }, 'enter'] },
      { expect: 'No results to record now', keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io } = terminalIo();
    const options = { residency: 'local', mode: 'part-time', core: ['epidemiology'] };
    const outcome = await runPlanner(makeContext(io, { color: false }), options, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
    expect(outcome).toBe('success');
    const plan = store.getPlan('one-core-flag')!.plan;
    expect(plan.subjects).toContain('epidemiology');
    expect(judgePlan(catalogue, plan)).toMatchObject({ valid: true, credits: { planned: 31, required: 31 } });
  });
});

describe('--fellowship, then a residency that may not hold it', () => {
  test('the planner says the fellowship is left out, and asks no fellowship question', async () => {
    const store = new MemoryStore();
    const ask = scriptedAsk([
      { expect: 'Are you a local or a non-local student?', keys: choose(1) },
      { expect: 'How will you study?', keys: ['enter'] },
      { expect: 'Choose at least 2 core subjects', keys: tick(0, 1) },
      { expect: 'Choose at least 2 elective subjects', keys: tick(0, 1) },
      { expect: 'which will you take?', keys: ['enter'] },
      { expect: 'Accept this schedule', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: [{ type: 'no-fellowship' }, 'enter'] },
      { expect: 'No results to record now', keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io, stdout } = terminalIo();
    await runPlanner(makeContext(io, { color: false }), { fellowship: true }, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
    expect(stdout().replace(/\s+/g, ' ')).toContain(
      'The fellowship is for local students only, not non-local students, so this plan has none.',
    );
    expect(store.getPlan('no-fellowship')!.plan.fellowship).toBe(false);
  });
});
