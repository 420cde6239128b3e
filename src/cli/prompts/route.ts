import type { Catalogue, Requirement, RequirementOption } from '../../domain/catalogue/model.js';
import { pickNeed } from '../../domain/plan/pick-need.js';
import { plannerSteps, type Answers, type Step } from '../../domain/plan/steps.js';
import { joinWords } from '../../domain/rules/wording.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { needWords } from './pick.js';
import { sayProgress } from './progress.js';

type RouteStep = Extract<Step, { kind: 'route' }>;
type PickStep = Extract<Step, { kind: 'pick' }>;

/** One line on what an alternative means for the plan, with what it would still ask for given the other answers. */
function optionDescription(catalogue: Catalogue, requirement: Requirement, option: RequirementOption, answers: Answers): string {
  const rule = option.rule;
  if (rule.type === 'all') {
    const subjects = catalogue.subjects.filter((s) => option.eligible.has(s.id));
    const credits = subjects.reduce((sum, s) => sum + s.credits, 0);
    return `${joinWords(
      subjects.map((s) => (s.code ? `${s.title} (${s.code})` : s.title)),
      'and',
    )}: ${credits} credits, included as a whole`;
  }
  const taken = { ...answers, routes: { ...answers.routes, [requirement.id]: option.id } };
  const step = plannerSteps(catalogue, taken).find((s): s is PickStep => s.kind === 'pick' && s.option === option);
  if (!step) return '';
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
