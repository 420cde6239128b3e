import { hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { judgePlan } from '../../domain/plan/judge.js';
import type { Answers } from '../../domain/plan/steps.js';
import { fellowshipSummary } from '../../domain/fees/fees.js';
import { money } from '../../domain/text/money.js';
import { safeLine } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';
import type { PlannerContext } from './planner-context.js';
import { sayProgress } from './progress.js';

/** Asked only of students whose residency may hold the fellowship, with what each answer leaves to pay. */
export async function fellowshipStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>,
  answers: Answers,
): Promise<Answers> {
  const { catalogue } = ctx;
  sayProgress(ctx, answers);
  ctx.say(`  ${wrap(safeLine(fellowshipSummary(catalogue.fees)), ctx.width, 2)}\n`);
  const payable = (fellowship: boolean) => {
    if (!hasResidency(answers)) return '';
    const fees = judgePlan(catalogue, planFromAnswers(catalogue, { ...answers, fellowship })).fees;
    return `you pay ${money(fees.payable, fees.currency)} of ${money(fees.tuition, fees.currency)} tuition`;
  };
  const name = safeLine(catalogue.fees.fellowship!.name);
  const fellowship = await ctx.ask.select({
    message: `Include the ${name} in this plan?`,
    choices: [
      { value: true, name: 'Yes', description: payable(true) },
      { value: false, name: 'No', description: payable(false) },
    ],
    ...(answers.fellowship !== undefined ? { default: answers.fellowship } : {}),
  });
  return { ...answers, fellowship };
}
