import type { Catalogue } from '../../domain/catalogue/model.js';
import { pickAmount, pickNeed, pickPool, type PickNeed } from '../../domain/plan/draft.js';
import type { Answers, Step } from '../../domain/plan/steps.js';
import { describePool, plural } from '../../domain/rules/wording.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { sayProgress } from './progress.js';
import { subjectChoices } from './subject-lines.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

/** "Choose at least 2 core subjects", "Choose 3 more core or elective subjects", "Choose at least 8 credits of optional subjects". */
export function pickQuestion(catalogue: Catalogue, step: PickStep, need: PickNeed): string {
  const pool = safeLine(describePool(catalogue, step.option));
  const listed = pool.startsWith('from ');
  if (need.unit === 'credit') return `Choose at least ${plural(need.min, 'credit', 'credits')} ${listed ? pool : `of ${pool} subjects`}`;
  const how = need.max !== undefined ? `${need.min} more` : `at least ${need.min}`;
  return listed ? `Choose ${how} ${need.min === 1 ? 'subject' : 'subjects'} ${pool}` : `Choose ${how} ${pool} ${need.min === 1 ? 'subject' : 'subjects'}`;
}

/** Why a choice is refused, or true. */
export function pickVerdict(need: PickNeed, have: number): true | string {
  const unit = (n: number) => (need.unit === 'credit' ? plural(n, 'credit', 'credits') : String(n));
  if (have < need.min) return `Choose ${need.max === need.min ? 'exactly' : 'at least'} ${unit(need.min)} (${unit(have)} chosen so far).`;
  if (need.max !== undefined && have > need.max) return `Choose exactly ${unit(need.max)} (${unit(have)} chosen); untick ${have - need.max}.`;
  return true;
}

/** A checkbox over a requirement's pool that will not take fewer than the requirement needs. */
export async function pickStep(ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>, step: PickStep, answers: Answers): Promise<Answers> {
  const pool = pickPool(ctx.catalogue, step, answers);
  const need = pickNeed(step, pool);
  const previous = new Set(answers.picks[step.key] ?? []);
  if (pool.length === 0) {
    ctx.say(`${safeLine(step.requirement.label)}: no subject is left to choose from.\n`);
    return { ...answers, picks: { ...answers.picks, [step.key]: [] } };
  }
  sayProgress(ctx, answers);
  const byId = new Map(pool.map((s) => [s.id, s]));
  const chosen = await ctx.ask.checkbox({
    message: pickQuestion(ctx.catalogue, step, need),
    choices: subjectChoices(pool, previous, ctx.width),
    validate: (ids) => pickVerdict(need, pickAmount(need, ids.map((id) => byId.get(id)!))),
  });
  return { ...answers, picks: { ...answers.picks, [step.key]: chosen } };
}
