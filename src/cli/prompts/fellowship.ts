import type { Catalogue } from '../../domain/catalogue/model.js';
import { hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { judgePlan } from '../../domain/plan/judge.js';
import type { Answers } from '../../domain/plan/steps.js';
import { joinWords } from '../../domain/rules/wording.js';
import { money } from '../../domain/text/money.js';
import { safeLine } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';
import type { PlannerContext } from './planner-context.js';
import { sayProgress } from './progress.js';

/** One line on what the fellowship is and who may hold it: the catalogue's own summary where it has one. */
export function fellowshipSummary(catalogue: Catalogue): string {
  const fellowship = catalogue.data.fees.fellowship!;
  if (fellowship.summary) return fellowship.summary;
  const currency = catalogue.data.fees.currency;
  return `${fellowship.name}: up to ${money(fellowship.cap, currency)} of the tuition, for ${joinWords(fellowship.eligibleResidencies, 'or')} students.`;
}

/** Asked only of students whose residency may hold the fellowship, with what each answer leaves to pay. */
export async function fellowshipStep(ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>, answers: Answers): Promise<Answers> {
  const { catalogue } = ctx;
  sayProgress(ctx, answers);
  ctx.say(`  ${wrap(safeLine(fellowshipSummary(catalogue)), ctx.width, 2)}\n`);
  const payable = (fellowship: boolean) => {
    if (!hasResidency(answers)) return '';
    const fees = judgePlan(catalogue, planFromAnswers(catalogue, { ...answers, fellowship })).fees;
    return `you pay ${money(fees.payable, fees.currency)} of ${money(fees.tuition, fees.currency)} tuition`;
  };
  const name = safeLine(catalogue.data.fees.fellowship!.name);
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
