import { hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { judgePlan } from '../../domain/plan/judge.js';
import { progressReading } from '../../domain/plan/progress-reading.js';
import type { Answers } from '../../domain/plan/steps.js';
import { money } from '../../domain/text/money.js';
import { safeLine } from '../render/sanitize.js';
import { MARK } from '../render/style.js';
import { wrap } from '../render/wrap.js';
import type { PlannerContext } from './planner-context.js';
import { progressCount } from '../render/progress.js';

/** "Core subjects" reads "Core" in a line that has to be short. */
const shortLabel = (label: string) => label.replace(/\s+subjects?$/i, '') || label;

/**
 * Where the student stands, in two compact lines: each requirement's progress, read by the routes
 * the student chose (progressReading), then the credits and the tuition as the judge sees the
 * plan so far (nothing is counted a second time here).
 */
export function progressLine(ctx: Pick<PlannerContext, 'catalogue' | 'style' | 'width'>, answers: Answers): string | undefined {
  if (!hasResidency(answers)) return undefined;
  const judgement = judgePlan(ctx.catalogue, planFromAnswers(ctx.catalogue, answers));
  const requirements = progressReading(ctx.catalogue, answers, judgement.judged).map((r) => {
    return `${r.satisfied ? `${MARK.ok} ` : ''}${safeLine(shortLabel(r.label))} ${progressCount(r.have, r.need, r.unit)}`;
  });
  const { fees, credits } = judgement;
  const totals = [`${credits.planned} of ${credits.required} credits`, `tuition ${money(fees.tuition, fees.currency)}`];
  if (fees.fellowship > 0) totals.push(`payable ${money(fees.payable, fees.currency)}`);
  return [requirements, totals]
    .map((items) => `  ${wrap(items.join(' · '), ctx.width, 2)}`)
    .join('\n')
    .split('\n')
    .map((line) => ctx.style.dim(line))
    .join('\n');
}

export function sayProgress(ctx: Pick<PlannerContext, 'catalogue' | 'style' | 'width' | 'say'>, answers: Answers): void {
  const line = progressLine(ctx, answers);
  if (line !== undefined) ctx.say(`\n${line}\n`);
}
