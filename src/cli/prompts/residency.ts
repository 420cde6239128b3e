import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Residency } from '../../domain/catalogue/schema.js';
import { fellowshipRefusal, initialRegistrationCredits, registrationDependsOnMode } from '../../domain/fees/fees.js';
import { asksFellowship, type Answers } from '../../domain/plan/steps.js';
import type { Context } from '../context.js';
import type { Ask, SelectQuestion } from './ask.js';
import { safeLine } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';

/** The residency question, its wording and figures from the catalogue. */
export function residencyQuestion(catalogue: Catalogue, current?: Residency): SelectQuestion<Residency> {
  const fees = catalogue.fees;
  const initial = (r: Residency) => `${registrationCredits(catalogue, r)} paid on accepting the offer`;
  const fellowship = (r: Residency) => (fees.fellowship?.eligibleResidencies.includes(r) ? '; may hold the fellowship' : '');
  return {
    message: 'Are you a local or a non-local student?',
    choices: (['local', 'non-local'] as const).map((r) => ({
      name: r === 'local' ? 'Local' : 'Non-local',
      value: r,
      description: safeLine(initial(r) + fellowship(r)),
    })),
    ...(current !== undefined ? { default: current } : {}),
  };
}

/**
 * "3 credits' fee", or, where the mode changes it, "12 credits' fee full-time, 6 part-time,"; "nothing"
 * for none. The mode is asked after the residency, so every mode is named.
 */
function registrationCredits(catalogue: Catalogue, residency: Residency): string {
  const fees = catalogue.fees;
  const fee = (credits: number) => (credits === 0 ? 'nothing' : `${credits} credits' fee`);
  if (!registrationDependsOnMode(fees, residency)) return fee(initialRegistrationCredits(fees, residency));
  return catalogue.data.modes
    .map((m, i) => {
      const credits = initialRegistrationCredits(fees, residency, m.id);
      return `${i === 0 ? fee(credits) : credits === 0 ? 'none' : credits} ${m.label.toLowerCase()}`;
    })
    .join(', ')
    .concat(',');
}

/**
 * The planner's residency step. A fellowship already answered yes (--fellowship, or earlier at the
 * review) that this residency may not hold is said to be left out, never dropped in silence.
 */
export async function residencyStep(
  ctx: { catalogue: Catalogue; ask: Ask; width: number; say: (text: string) => void },
  answers: Answers,
): Promise<Answers> {
  const residency = await ctx.ask.select(residencyQuestion(ctx.catalogue, answers.residency));
  if (answers.fellowship === true && !asksFellowship(ctx.catalogue, residency)) {
    const refusal = fellowshipRefusal(ctx.catalogue.fees, residency, 'The fellowship') ?? 'The fellowship does not apply';
    ctx.say(`${wrap(safeLine(`${refusal}, so this plan has none.`), ctx.width)}\n`);
  }
  return { ...answers, residency };
}

/** The residency, asked on its own (by `fees` in a terminal). */
export async function askResidency(ctx: Context): Promise<Residency> {
  const { inquirerAsk } = await import('./ask.js');
  const ask = await inquirerAsk(ctx.io, ctx.colour, ctx.width);
  return ask.select(residencyQuestion(ctx.catalogue()));
}
