import { hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { fitSchedule, proposedSchedule, sameSchedule } from '../../domain/plan/draft-schedule.js';
import type { Answers } from '../../domain/plan/steps.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';
import { askMove } from './schedule-move.js';
import { scheduleView } from './schedule-view.js';

type Action = 'accept' | 'move' | 'proposal';

function actions(proposed: boolean, anything: boolean): Choice<Action>[] {
  return [
    {
      value: 'accept',
      name: 'Accept this schedule',
      description: proposed
        ? 'The plan, when saved, keeps no schedule of its own: this same one is proposed whenever it is needed.'
        : 'The plan, when saved, keeps this schedule as its own.',
    },
    ...(anything ? [{ value: 'move' as const, name: 'Move a subject to another term' }] : []),
    ...(proposed ? [] : [{ value: 'proposal' as const, name: 'Go back to the proposed schedule', description: 'Every move is undone.' }]),
  ];
}

/**
 * When each subject is taken: the proposed schedule (or the student's own, from an earlier answer,
 * fitted to the subjects now planned) as a timeline; the student accepts it or moves one subject
 * at a time, and sees the timeline again after each move. The answer is the whole schedule; the
 * plan carries it only when it is not the proposal (see withSchedule).
 */
export async function scheduleStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>,
  answers: Answers,
): Promise<Answers> {
  // The residency step comes first; without it there is no plan to schedule.
  if (!hasResidency(answers)) throw new Error('the schedule step came before the residency');
  const plan = planFromAnswers(ctx.catalogue, { ...answers, schedule: undefined });
  const proposal = proposedSchedule(ctx.catalogue, plan);
  let schedule = answers.schedule ? fitSchedule(ctx.catalogue, plan, answers.schedule) : proposal;
  for (;;) {
    const proposed = sameSchedule(ctx.catalogue, schedule, proposal);
    ctx.say(scheduleView(ctx, plan, schedule, proposed));
    const action = await ctx.ask.select({
      message: 'Accept this schedule, or move a subject to another term?',
      choices: actions(proposed, schedule.length > 0),
    });
    if (action === 'accept') return { ...answers, schedule };
    schedule = action === 'proposal' ? proposal : await askMove(ctx, plan, schedule);
  }
}
