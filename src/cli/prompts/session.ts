import type { AnswersWithResidency } from '../../domain/plan/draft.js';
import { hasResidency } from '../../domain/plan/draft.js';
import type { Answers } from '../../domain/plan/steps.js';
import { answerRemaining, askStep, shownBeforeResume, type FlowContext } from './flow.js';
import { confirmDiscard, reviewStep, type ReviewOptions } from './review.js';

export type SessionEnd = { outcome: 'save'; answers: AnswersWithResidency } | { outcome: 'discard'; answers: Answers };

/**
 * The whole conversation: every question still open, then the review, where any one answer can be
 * changed (and whatever that change opens up asked) before coming back to the review. Nothing is
 * written here but the draft; saving is the caller's, once, at the end.
 */
export async function plannerSession(ctx: FlowContext & ReviewOptions, answers: Answers, { resumed = false } = {}): Promise<SessionEnd> {
  const shown = resumed ? shownBeforeResume(ctx, answers) : new Set<string>();
  answers = await answerRemaining(ctx, answers, shown);
  for (;;) {
    // The residency step is always first, so it is answered by now.
    if (!hasResidency(answers)) throw new Error('the planner finished without a residency');
    const action = await reviewStep(ctx, answers, ctx);
    if (action.kind === 'save') return { outcome: 'save', answers };
    if (action.kind === 'discard') {
      if (await confirmDiscard(ctx)) return { outcome: 'discard', answers };
      continue;
    }
    answers = await askStep(ctx, action.step, answers);
    ctx.keep(answers);
    answers = await answerRemaining(ctx, answers, shown);
  }
}
