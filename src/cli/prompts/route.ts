import type { Catalogue, RequirementOption } from '../../domain/catalogue/model.js';
import type { Answers, Step } from '../../domain/plan/steps.js';
import { describePool, joinWords } from '../../domain/rules/wording.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { sayProgress } from './progress.js';

type RouteStep = Extract<Step, { kind: 'route' }>;

/** One line on what an alternative means for the plan. */
function optionDescription(catalogue: Catalogue, option: RequirementOption): string {
  const rule = option.rule;
  if (rule.type === 'all') {
    const subjects = catalogue.subjects.filter((s) => option.eligible.has(s.id));
    const credits = subjects.reduce((sum, s) => sum + s.credits, 0);
    return `${joinWords(subjects.map((s) => (s.code ? `${s.title} (${s.code})` : s.title)), 'and')}: ${credits} credits, included as a whole`;
  }
  const unit = rule.type === 'credits' ? 'credits' : rule.min === 1 ? 'subject' : 'subjects';
  return `you choose ${rule.min} ${unit} of ${describePool(catalogue, option)} next`;
}

/** A choice between a requirement's alternatives; the step of the one taken follows. */
export async function routeStep(ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>, step: RouteStep, answers: Answers): Promise<Answers> {
  sayProgress(ctx, answers);
  const current = answers.routes[step.requirement.id];
  const option = await ctx.ask.select({
    message: `${safeLine(step.requirement.label)}: which will you take?`,
    choices: step.requirement.options.map((o) => ({ value: o.id, name: safeLine(o.label), description: safeLine(optionDescription(ctx.catalogue, o)) })),
    ...(current !== undefined ? { default: current } : {}),
  });
  return { ...answers, routes: { ...answers.routes, [step.requirement.id]: option } };
}
