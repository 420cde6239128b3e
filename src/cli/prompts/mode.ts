import type { Catalogue } from '../../domain/catalogue/model.js';
import { carrySchedule, hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { ownScheduleOverloads } from '../../domain/plan/draft-schedule.js';
import type { Answers } from '../../domain/plan/steps.js';
import { modeOf } from '../../domain/schedule/load.js';
import { safeLine } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';
import type { PlannerContext } from './planner-context.js';

const years = (n: number) => `normally ${n} year${n === 1 ? '' : 's'}`;

/**
 * The study mode, from the catalogue's modes. A schedule made earlier follows the new mode (the
 * flow carries it: a proposal is proposed afresh, the student's own is kept); when the own one is
 * now above the new mode's normal load somewhere, the student is told here, not only at the review.
 */
export async function modeStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'say' | 'style' | 'width'>,
  answers: Answers,
): Promise<Answers> {
  const mode = await ctx.ask.select({
    message: 'How will you study?',
    choices: ctx.catalogue.data.modes.map((m) => ({ value: m.id, name: safeLine(m.label), description: years(m.normalDurationYears) })),
    ...(answers.mode !== undefined ? { default: answers.mode } : {}),
  });
  const next = { ...answers, mode };
  if (answers.mode !== undefined && mode !== answers.mode) {
    const lines = ownScheduleWarning(ctx.catalogue, answers, next);
    if (lines)
      ctx.say(
        `\n${lines.map((line, i) => ctx.style.warn(`${i === 0 ? '  ' : '    '}${wrap(line, ctx.width, i === 0 ? 2 : 4)}`)).join('\n')}\n`,
      );
  }
  return next;
}

/** What to tell a student whose own schedule no longer suits the mode just chosen, line by line; undefined when it does. */
export function ownScheduleWarning(catalogue: Catalogue, before: Answers, after: Answers): string[] | undefined {
  if (after.schedule === undefined || !hasResidency(after)) return undefined;
  const carried = carrySchedule(catalogue, before, after);
  if (!hasResidency(carried)) return undefined;
  const heavy = ownScheduleOverloads(catalogue, planFromAnswers(catalogue, carried));
  if (heavy.length === 0) return undefined;
  const study = `${safeLine(modeOf(catalogue, after.mode ?? '').label).toLowerCase()} study`;
  return [
    `! Your own schedule no longer suits ${study}:`,
    ...heavy.map((w) => safeLine(w.message)),
    'At the review, change the schedule to move a subject, or go back to the proposed schedule there.',
  ];
}
