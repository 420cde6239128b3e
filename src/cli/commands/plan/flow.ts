import { carrySchedule } from '../../../domain/plan/draft.js';
import type { Catalogue } from '../../../domain/catalogue/model.js';
import { pickFits, pickNeed } from '../../../domain/plan/pick-need.js';
import { isAnswered, plannerSteps, type Answers, type Step } from '../../../domain/plan/steps.js';
import { safeLine } from '../../render/sanitize.js';
import { fellowshipStep } from '../../prompts/fellowship.js';
import { includeStep } from '../../prompts/include.js';
import { modeStep } from '../../prompts/mode.js';
import { nameStep } from '../../prompts/name.js';
import { pickStep } from '../../prompts/pick.js';
import type { PlannerContext } from '../../prompts/planner-context.js';
import { residencyStep } from '../../prompts/residency.js';
import { stepLabel } from '../../prompts/review.js';
import { routeStep } from '../../prompts/route.js';
import { scheduleStep } from '../../prompts/schedule.js';

export interface FlowContext extends PlannerContext {
  /** Keeps the answers as the draft; called after every answered step, so Ctrl-C loses nothing. */
  keep(answers: Answers): void;
}

type PickStep = Extract<Step, { kind: 'pick' }>;

/** Whether a pick's answer meets its need under these answers; a step that does not apply, or has no answer, has nothing to break. */
function fits(catalogue: Catalogue, key: string, answers: Answers): boolean {
  const step = plannerSteps(catalogue, answers).find((s): s is PickStep => s.kind === 'pick' && s.key === key);
  return step === undefined || !isAnswered(step, answers) || pickFits(catalogue, step, answers);
}

/**
 * The first pick that met what its requirement misses before a change and no longer does: too
 * few after a core was removed, or more than an alternative needs after an elective was added.
 * An answer that never met it stands here: a short one the session started with (a flag's, say)
 * is asked by answerRemaining; one left short at the review, the review shows.
 */
function brokenPick(catalogue: Catalogue, before: Answers, after: Answers): PickStep | undefined {
  return plannerSteps(catalogue, after).find(
    (s): s is PickStep => s.kind === 'pick' && isAnswered(s, after) && !pickFits(catalogue, s, after) && fits(catalogue, s.key, before),
  );
}

/**
 * Asks one step, whatever its kind. Included requirements are shown; they have nothing to answer.
 * A pick the answer broke is asked again at once, with its new need and its earlier choice ticked.
 */
export async function askStep(ctx: PlannerContext, step: Step, answers: Answers): Promise<Answers> {
  let next = await askOne(ctx, step, answers);
  for (let broken = brokenPick(ctx.catalogue, answers, next); broken; broken = brokenPick(ctx.catalogue, answers, next)) {
    if (pickNeed(ctx.catalogue, broken, next).max !== 0) {
      ctx.say(`\n${safeLine(stepLabel(broken))}: that change alters what this needs, so choose again (your earlier choice is ticked).\n`);
    }
    next = await askOne(ctx, broken, next);
  }
  // A schedule made earlier follows what this answer changed: the subjects, the mode.
  return step.kind === 'schedule' || next === answers ? next : carrySchedule(ctx.catalogue, answers, next);
}

async function askOne(ctx: PlannerContext, step: Step, answers: Answers): Promise<Answers> {
  switch (step.kind) {
    case 'residency':
      return residencyStep(ctx, answers);
    case 'mode':
      return modeStep(ctx, answers);
    case 'include':
      includeStep(ctx, step);
      return answers;
    case 'pick':
      return pickStep(ctx, step, answers);
    case 'route':
      return routeStep(ctx, step, answers);
    case 'schedule':
      return scheduleStep(ctx, answers);
    case 'fellowship':
      return fellowshipStep(ctx, answers);
    case 'name':
      return nameStep(ctx, answers);
  }
}

/**
 * The included requirements a resumed session has already shown: those before the first step
 * still to answer.
 */
export function shownBeforeResume(ctx: Pick<PlannerContext, 'catalogue'>, answers: Answers): Set<string> {
  const shown = new Set<string>();
  for (const step of plannerSteps(ctx.catalogue, answers)) {
    if (step.kind === 'include') shown.add(step.id);
    else if (!isAnswered(step, answers)) break;
  }
  return shown;
}

/** The picks answered with less (or more) than their requirement needs: a flag's `--core epidemiology` of two. */
export function shortPicks(catalogue: Catalogue, answers: Answers): Set<string> {
  const steps = plannerSteps(catalogue, answers);
  return new Set(
    steps.filter((s): s is PickStep => s.kind === 'pick' && isAnswered(s, answers) && !pickFits(catalogue, s, answers)).map((s) => s.key),
  );
}

/**
 * Asks, in order, every step that applies and has no answer yet (a flag, a saved default or an
 * earlier session may have given it), and shows each included requirement once. A pick in `short`
 * (see shortPicks) is asked too, once, with its answer ticked, if it still does not fit when its
 * turn comes: a flag naming one core subject of two answers only half the question. The steps are
 * worked out again after every answer: a route brings its own step, a residency the fellowship.
 */
export async function answerRemaining(
  ctx: FlowContext,
  answers: Answers,
  shown: Set<string>,
  short: Set<string> = new Set(),
): Promise<Answers> {
  const toAsk = (s: Step) => {
    if (s.kind === 'include') return !shown.has(s.id);
    if (!isAnswered(s, answers)) return true;
    return s.kind === 'pick' && short.has(s.key) && !pickFits(ctx.catalogue, s, answers);
  };
  for (;;) {
    const next = plannerSteps(ctx.catalogue, answers).find(toAsk);
    if (next === undefined) return answers;
    if (next.kind === 'include') {
      includeStep(ctx, next);
      shown.add(next.id);
      continue;
    }
    if (next.kind === 'pick') short.delete(next.key);
    answers = await askStep(ctx, next, answers);
    ctx.keep(answers);
  }
}
