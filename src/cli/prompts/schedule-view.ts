import type { Catalogue } from '../../domain/catalogue/model.js';
import type { FeeSummary } from '../../domain/fees/fees.js';
import { judgePlan } from '../../domain/plan/judge.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import type { ScheduleAnswer } from '../../domain/plan/steps.js';
import type { ScheduleResult } from '../../domain/schedule/plan-schedule.js';
import { renderTimeline } from '../render/timeline.js';
import { safeLine } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';
import type { PlannerContext } from './planner-context.js';
// The rule `check` warns by (SCHEDULE_OVERLOAD), so the planner marks exactly the same terms.
import { isOverloaded, loadOf } from '../../domain/schedule/load.js';
import { heavyNote, normalLoadSentence } from './schedule-load.js';

/** The plan judged with this schedule: its terms, their bills, the graduation term. */
export function judgeSchedule(
  catalogue: Catalogue,
  plan: PlanFile,
  schedule: ScheduleAnswer,
): { schedule: ScheduleResult; fees: FeeSummary } {
  const judgement = judgePlan(catalogue, { ...plan, schedule: schedule.map((e) => ({ term: e.term, subjects: [...e.subjects] })) });
  return { schedule: judgement.schedule!, fees: judgement.fees };
}

/**
 * The schedule as the timeline `check` draws (credits, bills, graduation), under the mode's normal
 * load, with a warning beside each term above it. A heavy term is the student's choice to make.
 */
export function scheduleView(
  ctx: Pick<PlannerContext, 'catalogue' | 'style' | 'width'>,
  plan: PlanFile,
  schedule: ScheduleAnswer,
  proposed: boolean,
): string {
  const { catalogue, style, width } = ctx;
  const judged = judgeSchedule(catalogue, plan, schedule);
  const heavy = judged.schedule.terms.filter(({ term, subjects }) => isOverloaded(catalogue, plan.mode, term, loadOf(subjects)));
  const warnings = new Map(heavy.map(({ term, subjects }) => [term.id, heavyNote(catalogue, plan.mode, term, loadOf(subjects))]));
  const heading = proposed ? 'Your schedule, term by term, as proposed:' : 'Your schedule, term by term, with your changes:';
  // A heavy term is marked beside it; what is not about one term's load (a Dissertation placed
  // before the compulsory subjects are done) is said below, as check says it.
  const order = judged.schedule.warnings
    .filter((w) => w.code !== 'SCHEDULE_OVERLOAD')
    .map((w) => style.warn(`  ! ${wrap(safeLine(w.message), width, 4)}`));
  return [
    '',
    style.bold(wrap(heading, width)),
    style.dim(`  ${wrap(normalLoadSentence(catalogue, plan.mode), width, 2)}`),
    '',
    renderTimeline(judged.schedule, judged.fees, style, width, warnings),
    ...(order.length > 0 ? ['', ...order] : []),
    '',
  ].join('\n');
}
