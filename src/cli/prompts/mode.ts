import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Answers } from '../../domain/plan/steps.js';
import { safeLine } from '../render/sanitize.js';
import type { Ask } from './ask.js';

const years = (n: number) => `normally ${n} year${n === 1 ? '' : 's'}`;

/** The study mode, from the catalogue's modes. */
export async function modeStep(ctx: { catalogue: Catalogue; ask: Ask }, answers: Answers): Promise<Answers> {
  const mode = await ctx.ask.select({
    message: 'How will you study?',
    choices: ctx.catalogue.data.modes.map((m) => ({ value: m.id, name: safeLine(m.label), description: years(m.normalDurationYears) })),
    ...(answers.mode !== undefined ? { default: answers.mode } : {}),
  });
  return { ...answers, mode };
}
