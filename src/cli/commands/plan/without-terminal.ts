import type { Catalogue } from '../../../domain/catalogue/model.js';
import { pickPool } from '../../../domain/plan/draft.js';
import { pickNeed } from '../../../domain/plan/pick-need.js';
import { isAnswered, plannerSteps, type Answers, type Step } from '../../../domain/plan/steps.js';
import { describeSelector, joinWords, plural } from '../../../domain/rules/wording.js';
import { UsageError } from '../../outcome.js';
import { safeLine } from '../../render/sanitize.js';
import { stepLabel } from '../../prompts/review.js';
import { flagSlots, routeWords } from './flag-slots.js';

const REQUIRED = 'is required when not running interactively';

/** The error for a step nothing answered, naming the flag that would. */
function missing(catalogue: Catalogue, step: Step, answers: Answers): UsageError {
  const slots = flagSlots(catalogue);
  switch (step.kind) {
    case 'residency':
      return new UsageError(`--residency ${REQUIRED}; pass --residency local or --residency non-local.`);
    case 'mode':
      return new UsageError(
        `--mode ${REQUIRED}; pass ${joinWords(
          catalogue.data.modes.map((m) => `--mode ${m.id}`),
          'or',
        )}.`,
      );
    case 'route':
      if (step.requirement === slots.route)
        return new UsageError(
          `--route ${REQUIRED}; pass ${joinWords(
            routeWords(slots).map((w) => `--route ${w}`),
            'or',
          )}.`,
        );
      return new UsageError(
        `--route is required for "${safeLine(step.requirement.label)}" when not running interactively; pass ${joinWords(
          step.requirement.options.map((o) => `--route ${o.id}`),
          'or',
        )} (answer several choices with one --route, the words separated by commas).`,
      );
    case 'pick': {
      const flag =
        step.key === slots.core
          ? '--core'
          : step.key === slots.elective
            ? '--elective'
            : step.key === slots.extra
              ? '--extra'
              : '--subjects';
      const pool = pickPool(catalogue, step, answers);
      const need = pickNeed(catalogue, step, answers);
      const poolWords = safeLine(describeSelector(catalogue, step.leaf.from));
      const amount =
        need.unit === 'credit'
          ? `at least ${plural(need.min, 'credit', 'credits')} of ${poolWords} subjects`
          : `${need.max !== undefined ? '' : 'at least '}${need.min} ${poolWords} ${need.min === 1 ? 'subject' : 'subjects'}`;
      const example = pool
        .slice(0, need.unit === 'credit' ? 3 : need.min)
        .map((s) => s.id)
        .join(' ');
      const which = flag === '--extra' ? ` with --route ${step.option.id}` : '';
      return new UsageError(`${flag} is required${which} when not running interactively; pass ${amount}, such as ${flag} ${example}.`);
    }
    default:
      break;
  }
  return new UsageError(
    `"${safeLine(stepLabel(step))}" has no flag to answer it when not running interactively; run "study-planner plan" in a terminal to answer it.`,
  );
}

/**
 * The answers of a run that may not prompt: everything must already be answered (by flags, saved
 * defaults or a resumed draft) except the fellowship, which is then "no", a pick that other
 * answers already make up (four cores and three electives leave no "3 more"), the name, without
 * which the plan is simply not saved, and the schedule, without which one is proposed wherever needed.
 */
export function answersWithoutTerminal(catalogue: Catalogue, answers: Answers): Answers {
  let complete = { ...answers };
  for (;;) {
    const next = plannerSteps(catalogue, complete).find((s) => s.kind !== 'name' && s.kind !== 'schedule' && !isAnswered(s, complete));
    if (next === undefined) return complete;
    if (next.kind === 'fellowship') complete = { ...complete, fellowship: false };
    // A pick the other answers already make up needs nothing, as in a terminal.
    else if (next.kind === 'pick' && pickNeed(catalogue, next, complete).min === 0)
      complete = { ...complete, picks: { ...complete.picks, [next.key]: [] } };
    else throw missing(catalogue, next, complete);
  }
}
