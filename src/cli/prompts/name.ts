import type { Answers } from '../../domain/plan/steps.js';
import { MAX_PLAN_NAME_LENGTH, planNameProblem } from '../io/store-schema.js';
import type { PlannerContext } from './planner-context.js';

/** What is wrong with a plan name and what to do, to follow the name; undefined when it will do (the store's rule). */
export function nameProblem(name: string): string | undefined {
  const problem = planNameProblem(name);
  return problem === undefined ? undefined : `${problem}; use 1 to ${MAX_PLAN_NAME_LENGTH} characters, such as "part-time-dissertation".`;
}

/** A name to offer: the mode and the routes taken, such as "part-time-dissertation". */
export function suggestedName(answers: Answers): string {
  return [answers.mode, ...Object.values(answers.routes)].filter((p) => p !== undefined).join('-') || 'my-plan';
}

/**
 * A name like `name` that no saved plan has, to offer when the user keeps a saved plan rather than
 * replace it: "My plan 2", "My plan 3", ..., shortened to fit the longest name allowed.
 */
export function freeName(name: string, isTaken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const stem = [...name]
      .slice(0, MAX_PLAN_NAME_LENGTH - suffix.length)
      .join('')
      .trimEnd();
    const candidate = `${stem}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

export async function nameStep(
  ctx: Pick<PlannerContext, 'ask'> & { takenBy?: (name: string) => readonly string[] },
  answers: Answers,
): Promise<Answers> {
  // The name suggested is one no saved plan has ("part-time-dissertation 2"): pressing Enter never
  // leads to the question of replacing another plan. A name already answered is kept as it is.
  const suggested = suggestedName(answers);
  const isTaken = (n: string) => (ctx.takenBy?.(n).length ?? 0) > 0;
  const name = await ctx.ask.input({
    message: 'A name for this plan:',
    default: answers.name ?? (isTaken(suggested) ? freeName(suggested, isTaken) : suggested),
    validate: (value) => {
      const problem = nameProblem(value.trim());
      return problem === undefined ? true : `The name ${problem}`;
    },
  });
  return { ...answers, name: name.trim() };
}
