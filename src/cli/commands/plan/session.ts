import type { AnswersWithResidency } from '../../../domain/plan/draft.js';
import { hasResidency } from '../../../domain/plan/draft.js';
import type { Answers } from '../../../domain/plan/steps.js';
import { answerRemaining, askStep, shortPicks, shownBeforeResume, type FlowContext } from './flow.js';
import { freeName, nameStep } from '../../prompts/name.js';
import { endedSubjects, pastSubjects, resultsStep } from '../../prompts/results.js';
import { confirmDiscard, confirmReplace, replacesEdited, reviewStep, type ReviewOptions } from '../../prompts/review.js';

/** `replace`: the user said yes to replacing the saved plan of that name. */
export type SessionEnd = { outcome: 'save'; answers: AnswersWithResidency; replace: boolean } | { outcome: 'discard'; answers: Answers };

/**
 * The whole conversation: every question still open, then the review, where any one answer can be
 * changed (and whatever that change opens up asked) before coming back to the review. Nothing is
 * written here but the draft; saving is the caller's, once, at the end.
 */
export async function plannerSession(ctx: FlowContext & ReviewOptions, answers: Answers, { resumed = false } = {}): Promise<SessionEnd> {
  const shown = resumed ? shownBeforeResume(ctx, answers) : new Set<string>();
  // A plan being edited opens at its review, where what falls short is shown; a new or resumed
  // one is asked what its flags (or draft) left short, as for any question they left open.
  const short = ctx.editing === undefined ? shortPicks(ctx.catalogue, answers) : new Set<string>();
  answers = await answerRemaining(ctx, answers, shown, short);
  // Results are asked once, before the first review, of a new plan that has subjects in terms that
  // have ended (a term still running has no results yet); "No results to record now" is the default
  // and is kept, so a resumed plan is not asked again. They cover every term begun, and the review
  // offers them again. An edited plan opens at its review, where they can be changed.
  const past = () => (ctx.today !== undefined ? pastSubjects(ctx.catalogue, answers, ctx.today) : []);
  const ended = () => (ctx.today !== undefined ? endedSubjects(ctx.catalogue, answers, ctx.today) : []);
  if (ctx.editing === undefined && answers.record === undefined && ended().length > 0) {
    answers = await resultsStep(ctx, answers, past());
    ctx.keep(answers);
  }
  for (;;) {
    // The residency step is always first, so it is answered by now.
    if (!hasResidency(answers)) throw new Error('the planner finished without a residency');
    const action = await reviewStep(ctx, answers, ctx);
    if (action.kind === 'save') {
      const name = answers.name ?? '';
      const taken = ctx.takenBy(name);
      if (taken.length === 0) return { outcome: 'save', answers, replace: false };
      // The plan being edited is replaced without asking again: the review's Save line says so.
      if (replacesEdited(ctx, taken)) return { outcome: 'save', answers, replace: true };
      if (await confirmReplace(ctx, name, taken)) return { outcome: 'save', answers, replace: true };
      // No: the saved plan stays; ask for another name, offering a free one, then back to the review.
      answers = await nameStep(ctx, { ...answers, name: freeName(name, (n) => ctx.takenBy(n).length > 0) });
      ctx.keep(answers);
      continue;
    }
    if (action.kind === 'results') {
      answers = await resultsStep(ctx, answers, past());
      ctx.keep(answers);
      continue;
    }
    if (action.kind === 'discard') {
      if (await confirmDiscard(ctx, ctx.editing)) return { outcome: 'discard', answers };
      continue;
    }
    answers = await askStep(ctx, action.step, answers);
    ctx.keep(answers);
    answers = await answerRemaining(ctx, answers, shown);
  }
}
