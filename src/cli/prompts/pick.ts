import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import { creditsOf } from '../../domain/catalogue/credits.js';
import { pickPool } from '../../domain/plan/draft.js';
import { pickAmount, pickNeed, withinCap, type PickNeed } from '../../domain/plan/pick-need.js';
import { stepTitle, type Answers, type Step } from '../../domain/plan/steps.js';
import { describeSelector, joinWords, plural } from '../../domain/rules/wording.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { sayProgress } from './progress.js';
import { subjectChoices } from './subject-lines.js';

type PickStep = Extract<Step, { kind: 'pick' }>;

/**
 * What a pick still asks for: "at least 2 core subjects", "1 more core or elective subject",
 * "at least 3 more credits of optional subjects". "More" when other answers already count
 * towards the requirement, and always for an alternative's pick, which adds to what is planned.
 */
export function needWords(catalogue: Catalogue, step: PickStep, need: PickNeed): string {
  const pool = safeLine(describeSelector(catalogue, step.leaf.from));
  const listed = pool.startsWith('from ');
  const exactly = need.max !== undefined;
  const count = `${exactly ? '' : 'at least '}${need.min}${exactly || need.min < need.required ? ' more' : ''}`;
  if (need.unit === 'credit') return `${count} ${need.min === 1 ? 'credit' : 'credits'} ${listed ? pool : `of ${pool} subjects`}`;
  const noun = need.min === 1 ? 'subject' : 'subjects';
  return listed ? `${count} ${noun} ${pool}` : `${count} ${pool} ${noun}`;
}

/** "Choose at least 2 core subjects", "Choose 1 more core or elective subject", "Choose at least 8 credits of optional subjects". */
export function pickQuestion(catalogue: Catalogue, step: PickStep, need: PickNeed): string {
  if (need.min === 0 && need.max === undefined) {
    // Other answers already meet it: the student may still add subjects here.
    const pool = safeLine(describeSelector(catalogue, step.leaf.from));
    const what = pool.startsWith('from ') ? `more subjects ${pool}` : `more ${pool} subjects`;
    return `Choose ${what} if you want (none is needed)${capWords(need)}`;
  }
  return `Choose ${needWords(catalogue, step, need)}${capWords(need)}`;
}

/** " (at most 2 here)": a pool's maximum, said where it applies. */
function capWords(need: PickNeed): string {
  const caps = [
    ...(need.capSubjects !== undefined ? [plural(need.capSubjects, 'subject', 'subjects')] : []),
    ...(need.capCredits !== undefined ? [plural(need.capCredits, 'credit', 'credits')] : []),
  ];
  return caps.length === 0 ? '' : ` (at most ${joinWords(caps, 'and')} here)`;
}

/** Why a choice is refused, or true. */
export function pickVerdict(need: PickNeed, have: number): true | string {
  const unit = (n: number) => (need.unit === 'credit' ? plural(n, 'credit', 'credits') : plural(n, 'subject', 'subjects'));
  const chosen = (n: number) => (need.unit === 'credit' ? plural(n, 'credit', 'credits') : String(n));
  if (have < need.min) return `Choose ${need.max === need.min ? 'exactly' : 'at least'} ${unit(need.min)} (${chosen(have)} chosen so far).`;
  if (need.max !== undefined && have > need.max)
    return `Choose exactly ${unit(need.max)} (${chosen(have)} chosen); untick ${have - need.max}.`;
  return true;
}

/** Why a choice goes beyond a pool's maximum, or true. */
export function capVerdict(need: PickNeed, chosen: readonly Subject[]): true | string {
  if (withinCap(need, chosen)) return true;
  if (need.capSubjects !== undefined && chosen.length > need.capSubjects)
    return `Choose at most ${plural(need.capSubjects, 'subject', 'subjects')} here (${chosen.length} chosen); untick ${chosen.length - need.capSubjects}.`;
  return `Choose at most ${plural(need.capCredits!, 'credit', 'credits')} here (${plural(creditsOf(chosen), 'credit', 'credits')} chosen).`;
}

const label = (step: PickStep) => safeLine(stepTitle(step));

/**
 * A checkbox over a requirement's pool that asks for what the requirement still misses given
 * every other answer, and will not take less (nor, for an alternative, more).
 */
export async function pickStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>,
  step: PickStep,
  answers: Answers,
): Promise<Answers> {
  const pool = pickPool(ctx.catalogue, step, answers);
  const need = pickNeed(ctx.catalogue, step, answers);
  const previous = new Set(answers.picks[step.key] ?? []);
  const answer = (ids: readonly string[]): Answers => ({ ...answers, picks: { ...answers.picks, [step.key]: ids } });
  if (pool.length === 0) {
    ctx.say(`${label(step)}: no subject is left to choose from.\n`);
    return answer([]);
  }
  if (need.max === 0) {
    // An alternative the other answers already make up: any subject here would only add credits.
    const dropped = pool.filter((s) => previous.has(s.id)).map((s) => safeLine(s.title));
    const left = dropped.length === 0 ? '' : `; ${joinWords(dropped, 'and')} ${dropped.length === 1 ? 'is' : 'are'} left out`;
    ctx.say(`\n${label(step)}: the subjects you chose already make it up, so there is nothing more to choose${left}.\n`);
    return answer([]);
  }
  sayProgress(ctx, answers);
  const byId = new Map(pool.map((s) => [s.id, s]));
  const chosen = await ctx.ask.checkbox({
    message: pickQuestion(ctx.catalogue, step, need),
    choices: subjectChoices(pool, previous, ctx.width),
    validate: (ids) => {
      const subjects = ids.map((id) => byId.get(id)!);
      const verdict = pickVerdict(need, pickAmount(need, subjects));
      return verdict === true ? capVerdict(need, subjects) : verdict;
    },
  });
  return answer(chosen);
}
