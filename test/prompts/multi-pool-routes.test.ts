import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { answerRemaining } from '../../src/cli/commands/plan/flow.js';
import { applyFlags } from '../../src/cli/commands/plan/flags.js';
import { answersWithoutTerminal } from '../../src/cli/commands/plan/without-terminal.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { planFromAnswers } from '../../src/domain/plan/draft.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { pickNeed } from '../../src/domain/plan/pick-need.js';
import { NO_ANSWERS, plannerSteps, type Answers, type Step } from '../../src/domain/plan/steps.js';
import { runInProcess } from '../support/run-in-process.js';
import { capVerdict } from '../../src/cli/prompts/pick.js';
import { harness, tick } from './harness.js';
import type { Turn } from './scripted-ask.js';

// Version 2 routes of several pools (PolyU MSc IT's "Project and 1 elective"): the planner asks for
// each pool of the route taken, and the same answers given as flags make the same plan.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/programmes/${name}.json`, import.meta.url));
const IT = fixture('polyu-msc-information-technology-2024');
const DANCE = fixture('stolaf-ba-dance-2014');

type PickStep = Extract<Step, { kind: 'pick' }>;
const picks = (c: Catalogue, a: Answers) => plannerSteps(c, a).filter((s): s is PickStep => s.kind === 'pick');

/** Runs the planner's steps from no answers to the name, with these turns for its questions. */
async function plan(catalogue: Catalogue, turns: Turn[]): Promise<{ answers: Answers; said: string; left: number }> {
  const h = harness(catalogue, turns);
  const answers = await answerRemaining(h.ctx, NO_ANSWERS, new Set());
  return { answers, said: h.said(), left: h.ask.left };
}

/** The plan `plan --json` makes from flags alone, on the built-in code path of a run without a terminal. */
async function planByFlags(file: string, flags: string[]): Promise<unknown> {
  const result = await runInProcess(['--catalogue', file, 'plan', '--json', ...flags]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).plan;
}

describe('PolyU MSc IT: Stream in NLP, then Project and 1 elective', () => {
  const catalogue = loadCatalogue(IT);
  const turns: Turn[] = [
    { expect: 'Are you a local or a non-local student?', keys: ['enter'] },
    { expect: 'How will you study?', keys: ['enter'] },
    { expect: "A stream's 4 core subjects, or 4 electives: which will you take?", keys: ['enter'] },
    {
      expect: 'Dissertation, Project and 1 elective, or 3 electives: which will you take?',
      // The route's description says what each of its pools brings.
      keys: ['down'],
      then: { expect: 'Project: 6 credits, included as a whole; you choose 1 more elective', keys: ['enter'] },
    },
    {
      // The route's second pool is asked on its own, for exactly the one subject it misses.
      expect: 'Choose 1 more elective, NLP stream core or visual computing stream core',
      keys: tick(4, 5),
      then: { expect: 'Choose exactly 1 subject (2 chosen); untick 1.', keys: ['space', 'enter'] },
    },
    { expect: 'Accept this schedule', keys: ['enter'] },
    { expect: 'A name for this plan:', keys: [{ type: 'it-project' }, 'enter'] },
  ];

  test('the project is included without asking, the elective asked for; the plan is valid', async () => {
    const { answers, said, left } = await plan(catalogue, turns);
    expect(left).toBe(0);
    expect(said).toContain('Project, included in your plan:');
    expect(answers.routes).toEqual({ stream: 'nlp-stream', capstone: 'with-project' });
    const made = planFromAnswers(catalogue, { ...answers, residency: answers.residency! });
    expect(made.subjects).toContain('project');
    expect(made.subjects).toContain('information-security');
    const judgement = judgePlan(catalogue, made);
    expect(judgement.valid, JSON.stringify(judgement.errors)).toBe(true);
  });

  test('the same answers as flags make the same plan', async () => {
    const { answers } = await plan(catalogue, turns);
    const made = planFromAnswers(catalogue, { ...answers, residency: answers.residency! });
    const byFlags = await planByFlags(IT, [
      '--residency',
      'local',
      '--mode',
      'full-time',
      '--route',
      'nlp-stream,with-project',
      '--subjects',
      'Information Security',
    ]);
    expect(byFlags).toEqual(made);
  });

  test('a choice no flag answers names --route with its options', async () => {
    const result = await runInProcess(['--catalogue', IT, 'plan', '--residency', 'local', '--mode', 'full-time', '--route', 'nlp-stream']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--route is required for "Dissertation, Project and 1 elective, or 3 electives" when not running interactively; pass --route with-dissertation, --route with-project or --route without-dissertation-or-project',
    );
  });
});

describe('PolyU MSc IT: 4 electives, then 3 electives (two picks over the same pool)', () => {
  const catalogue = loadCatalogue(IT);
  const SEVEN = [
    'information-security',
    'cloud-computing',
    'blockchain-technology',
    'mobile-computing',
    'internet-of-things',
    'human-computer-interaction',
    'it-project-management',
  ];

  test('flags: --subjects fills the first pick to its need and the rest go to the next; the plan is valid', () => {
    const flagged = applyFlags(catalogue, NO_ANSWERS, {
      residency: 'non-local',
      mode: 'part-time',
      route: 'no-stream,without-dissertation-or-project',
      subjects: SEVEN,
    });
    const answers = answersWithoutTerminal(catalogue, flagged);
    expect(answers.picks).toEqual({
      'stream/no-stream': SEVEN.slice(0, 4),
      'capstone/without-dissertation-or-project': SEVEN.slice(4),
    });
    const judgement = judgePlan(catalogue, planFromAnswers(catalogue, { ...answers, residency: 'non-local' }));
    expect(judgement.valid, JSON.stringify(judgement.errors)).toBe(true);
  });

  test('a subject no pool of the routes taken has is refused, naming it', () => {
    expect(() => applyFlags(catalogue, NO_ANSWERS, { route: 'nlp-stream,with-dissertation', subjects: ['cloud-computing'] })).toThrow(
      '--subjects "Cloud Computing" is in no pool still to choose from',
    );
  });
});

describe('St. Olaf dance: fractional credits are counted exactly', () => {
  const catalogue = loadCatalogue(DANCE);

  test('every pick of the first route asks for what it needs in exact decimals, and a plan made of its needs is valid', () => {
    let answers: Answers = { ...NO_ANSWERS, residency: 'local', mode: catalogue.data.modes[0]!.id };
    const routes: Record<string, string> = {};
    for (const r of catalogue.requirements) if (r.options.length > 1) routes[r.id] = r.options[0]!.id;
    answers = { ...answers, routes };
    for (const step of picks(catalogue, answers)) {
      const need = pickNeed(catalogue, step, answers);
      // A need in credits is a decimal of at most two places, never a binary remainder (0.30000000000000004).
      expect(Math.round(need.min * 100) / 100).toBe(need.min);
      // Tick the pool in catalogue order until the need is met, as a student might.
      const pool = catalogue.subjects.filter((s) => step.leaf.eligible.has(s.id) && !Object.values(answers.picks).flat().includes(s.id));
      const chosen: string[] = [];
      let have = 0;
      for (const s of pool) {
        if (have >= need.min) break;
        chosen.push(s.id);
        have = need.unit === 'credit' ? Math.round((have + s.credits) * 100) / 100 : have + 1;
      }
      answers = { ...answers, picks: { ...answers.picks, [step.key]: chosen } };
    }
    const judgement = judgePlan(catalogue, planFromAnswers(catalogue, { ...answers, residency: 'local' }));
    expect(
      judgement.requirements.every((r) => r.satisfied),
      JSON.stringify(judgement.requirements.map((r) => [r.id, r.missing])),
    ).toBe(true);
  });

  test('a pool with a maximum (one ballet course) refuses a second subject, and says so', () => {
    const routes = Object.fromEntries(catalogue.requirements.filter((r) => r.options.length > 1).map((r) => [r.id, r.options[0]!.id]));
    const answers: Answers = { ...NO_ANSWERS, routes };
    const ballet = picks(catalogue, answers).find((s) => s.leaf.id === 'ballet')!;
    const need = pickNeed(catalogue, ballet, answers);
    expect(need.capSubjects).toBe(1);
    const two = catalogue.subjects.filter((s) => ballet.leaf.eligible.has(s.id)).slice(0, 2);
    expect(two).toHaveLength(2);
    expect(capVerdict(need, two)).toBe('Choose at most 1 subject here (2 chosen); untick 1.');
    expect(capVerdict(need, two.slice(0, 1))).toBe(true);
  });
});
