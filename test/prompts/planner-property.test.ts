import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import type { Ask, CheckboxQuestion, InputQuestion, SelectQuestion } from '../../src/cli/prompts/ask.js';
import { answersFromDraft } from '../../src/cli/commands/plan/draft.js';
import { runPlanner, type PlanOptions } from '../../src/cli/commands/plan/planner.js';
import { flagSlots } from '../../src/cli/commands/plan/flag-slots.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { plannerSteps, type Answers } from '../../src/domain/plan/steps.js';
import { polyu } from './harness.js';
import { MemoryStore } from './memory-store.js';
import { propertyRuns } from '../support/property-runs.js';

// The planner's real steps (runPlanner, plannerSession, every prompt step) answered at random,
// each checklist with a selection its own validation accepts, then saved. Two promises hold:
// the same answers given as flags, without a terminal, make the same plan file and verdict; and
// the planner never forces credits beyond the required when a plan without them is valid.

const catalogue = polyu();
const slots = flagSlots(catalogue);

type Gen = fc.GeneratorValue;

function io(terminal: boolean): Io {
  const sink = () => Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: terminal, columns: 80 });
  // A day in the second year: in a terminal the planner asks for results of the terms that have ended.
  const env = { STUDY_PLANNER_TODAY: '2025-10-01' };
  return { stdout: sink(), stderr: sink(), stdin: Object.assign(new PassThrough(), { isTTY: terminal }), env };
}

interface Script {
  /** Picks the fewest subjects each checklist accepts, instead of a random number. */
  minimal: boolean;
  /** How many answers the student may still change at the review before saving. */
  changes: number;
}

/**
 * A student answering at random: a random choice at each select, a random selection at each
 * checklist among those its validation accepts (the prefixes of a random order that it takes),
 * the proposed schedule, and at the review either save or change a random answer.
 */
function randomAsk(g: Gen, script: Script, checked: { checklists: number }): Ask {
  const any = <T>(items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
  let asked = 0;
  // A session that keeps asking (a pick re-asked for ever) fails rather than hangs.
  const count = (message: string) => {
    if (++asked > 100) throw new Error(`more than 100 questions; the last: ${message}`);
  };
  return {
    async select<T>(q: SelectQuestion<T>): Promise<T> {
      count(q.message);
      const values = q.choices.map((c) => c.value);
      if (q.message.startsWith('Accept this schedule')) return 'accept' as T;
      // Results so far are the student's to give, not the planner's to judge: skipped, as Enter does.
      if (q.message.endsWith('Record results for them?')) {
        expect(q.choices[0]?.name).toBe('No results to record now');
        return values[0]!;
      }
      if (q.message === 'What next?') {
        // Mostly the subjects and the route: changes there move what the other picks still miss.
        const subjects = values.filter((v) => /^(pick|route):/.test(String(v)));
        const changes = g(fc.nat, { max: 3 }) > 0 ? subjects : values.filter((v) => v !== 'save' && v !== 'discard');
        if (script.changes > 0 && g(fc.nat, { max: 2 }) > 0) {
          script.changes--;
          return any(changes);
        }
        return 'save' as T;
      }
      if (/^(Are you a local|How will you study\?|Include the|.*: which will you take\?$)/.test(q.message)) return any(values);
      throw new Error(`an unexpected question: ${q.message}`);
    },
    async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
      count(q.message);
      checked.checklists++;
      const order = g(
        fc.shuffledSubarray,
        q.choices.map((c) => c.value),
        { minLength: q.choices.length },
      );
      const accepted = order
        .map((_, i) => i)
        .concat(order.length)
        .filter((n) => (q.validate?.(order.slice(0, n)) ?? true) === true);
      // Every checklist can be answered.
      expect(accepted.length, q.message).toBeGreaterThan(0);
      // Mostly near the minimum: where extra cores or electives make up part of the "3 more".
      const near = () => accepted[Math.min(accepted.length - 1, g(fc.nat, { max: 2 }))];
      return order.slice(0, script.minimal ? accepted[0] : g(fc.nat, { max: 3 }) > 0 ? near() : any(accepted));
    },
    async input(q: InputQuestion): Promise<string> {
      count(q.message);
      return q.default ?? 'plan';
    },
  };
}

/** The same answers as the `plan` command's flags. */
function asFlags(answers: Answers): PlanOptions {
  const route = answers.routes[slots.route!.id];
  const extra = route === slots.aliases.coursework!.id ? (answers.picks[slots.extra!] ?? []) : [];
  return {
    residency: answers.residency!,
    mode: answers.mode!,
    core: [...answers.picks[slots.core!]!],
    elective: [...answers.picks[slots.elective!]!],
    route: route!,
    // A replacement step the other answers already make up has nothing to name.
    ...(extra.length > 0 ? { extra: [...extra] } : {}),
    ...(answers.fellowship !== undefined && answers.residency === 'local' ? { fellowship: answers.fellowship } : {}),
    name: answers.name!,
  };
}

/** Credits the student chose freely: included requirements and every pick with no upper bound. */
function freelyChosenCredits(c: Catalogue, answers: Answers, plan: PlanFile): number {
  const forced = new Set(plannerSteps(c, answers).flatMap((s) => (s.kind === 'pick' && s.exact ? (answers.picks[s.key] ?? []) : [])));
  return plan.subjects.filter((id) => !forced.has(id)).reduce((sum, id) => sum + c.subjectById.get(id)!.credits, 0);
}

async function interactiveRun(g: Gen, script: Script) {
  const store = new MemoryStore();
  const checked = { checklists: 0 };
  const ctx = makeContext(io(true), { color: false });
  expect(ctx.interactive).toBe(true);
  const outcome = await runPlanner(ctx, {}, { store, ask: async () => randomAsk(g, script, checked), now: () => new Date(0) });
  const [saved] = store.listPlans();
  expect(checked.checklists).toBeGreaterThanOrEqual(2);
  return { outcome, saved: saved!, draft: store.draftSaves.at(-1) };
}

describe('the planner, answered at random', () => {
  test('reaches the plan and verdict the same answers give as flags, and forces no credits beyond the required', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.boolean(), fc.nat({ max: 3 }), async (g, minimal, changes) => {
        const { outcome, saved, draft } = await interactiveRun(g, { minimal, changes });
        // The answers behind the saved plan, as the draft kept them after the last answer.
        const answers = answersFromDraft(catalogue, draft!);
        const store = new MemoryStore();
        const flagsOutcome = await runPlanner(makeContext(io(false), { color: false }), asFlags(answers), {
          store,
          ask: () => Promise.reject(new Error('no terminal')),
          now: () => new Date(0),
        });
        const byFlags = store.getPlan(saved.name)!.plan;
        // (1) The same plan file and the same verdict either way.
        expect(byFlags).toEqual(saved.plan);
        expect(judgePlan(catalogue, byFlags)).toEqual(judgePlan(catalogue, saved.plan));
        expect(flagsOutcome).toBe(outcome);
        // (2) What the planner forced (the replacement subjects) is only what is still missing.
        const judgement = judgePlan(catalogue, saved.plan);
        expect(judgement.valid).toBe(true);
        expect(judgement.credits.planned).toBe(
          Math.max(catalogue.data.creditsRequired, freelyChosenCredits(catalogue, answers, saved.plan)),
        );
        if (minimal) expect(judgement.credits.planned).toBe(catalogue.data.creditsRequired);
      }),
      { numRuns: propertyRuns(200) },
    );
  }, 120_000);
});
