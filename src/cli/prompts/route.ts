import type { Catalogue, Requirement, RequirementOption } from '../../domain/catalogue/model.js';
import { sumExact } from '../../domain/catalogue/credits.js';
import { pickNeed } from '../../domain/plan/pick-need.js';
import { plannerSteps, type Answers, type Step } from '../../domain/plan/steps.js';
import { joinWords } from '../../domain/rules/wording.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { needWords } from './pick.js';
import { sayProgress } from './progress.js';

type RouteStep = Extract<Step, { kind: 'route' }>;
type PickStep = Extract<Step, { kind: 'pick' }>;
type IncludeStep = Extract<Step, { kind: 'include' }>;

/** One line on what an alternative means for the plan, with what it would still ask for given the other answers. */
function optionDescription(catalogue: Catalogue, requirement: Requirement, option: RequirementOption, answers: Answers): string {
  const taken = { ...answers, routes: { ...answers.routes, [requirement.id]: option.id } };
  const steps = plannerSteps(catalogue, taken).filter(
    (s): s is IncludeStep | PickStep => (s.kind === 'pick' || s.kind === 'include') && s.option === option,
  );
  // A route of several pools says what each brings, one after another.
  return steps.map((step) => leafDescription(catalogue, step, taken)).join('; ');
}

function leafDescription(catalogue: Catalogue, step: IncludeStep | PickStep, taken: Answers): string {
  if (step.kind === 'include') {
    const subjects = step.subjects;
    const credits = sumExact(subjects.map((s) => s.credits));
    return `${joinWords(
      subjects.map((s) => (s.code ? `${s.title} (${s.code})` : s.title)),
      'and',
    )}: ${credits} credits, included as a whole`;
  }
  const need = pickNeed(catalogue, step, taken);
  return need.min === 0
    ? 'the subjects you chose already make it up: nothing more to choose'
    : `you choose ${needWords(catalogue, step, need)} next`;
}

/** A choice between a requirement's alternatives; the step of the one taken follows. */
export async function routeStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>,
  step: RouteStep,
  answers: Answers,
): Promise<Answers> {
  sayProgress(ctx, answers);
  const current = answers.routes[step.requirement.id];
  const option = await ctx.ask.select({
    message: `${safeLine(step.requirement.label)}: which will you take?`,
    choices: step.requirement.options.map((o) => ({
      value: o.id,
      name: safeLine(o.label),
      description: safeLine(optionDescription(ctx.catalogue, step.requirement, o, answers)),
    })),
    ...(current !== undefined ? { default: current } : {}),
  });
  return { ...answers, routes: { ...answers.routes, [step.requirement.id]: option } };
}
