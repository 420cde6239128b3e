import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import { moveSubject } from '../../domain/plan/draft-schedule.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import type { ScheduleAnswer } from '../../domain/plan/steps.js';
import type { ScheduleEntry } from '../../domain/plan/schema.js';
import { offeredIn, type ScheduledTerm } from '../../domain/schedule/propose.js';
import type { Term } from '../../domain/schedule/terms.js';
import { safeLine } from '../render/sanitize.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';
// The rule `check` warns by (SCHEDULE_OVERLOAD), so the planner marks exactly the same terms.
import { EMPTY_LOAD, isOverloaded, loadOf, withSubject, type TermLoad } from '../../domain/schedule/load.js';
import { heavyNote, loadText, termsToOffer } from './schedule-load.js';
import { judgeSchedule } from './schedule-view.js';
import { subjectLines } from './subject-lines.js';

/** Every scheduled subject, term by term, with its code, credits and term. */
async function pickSubject(
  ctx: Pick<PlannerContext, 'ask' | 'width'>,
  terms: readonly ScheduledTerm[],
): Promise<{ subject: Subject; term: Term }> {
  const placed = terms.flatMap(({ term, subjects }) => subjects.map((subject) => ({ subject, term })));
  const termWidth = Math.max(0, ...placed.map((p) => safeLine(p.term.label).length));
  // The list draws a cursor before each line; the term follows the subject's code and credits.
  const lines = subjectLines(
    placed.map((p) => p.subject),
    ctx.width - 4 - termWidth - 2,
  );
  const lineWidth = Math.max(0, ...lines.map((line) => line.length));
  const id = await ctx.ask.select({
    message: 'Which subject will you move?',
    choices: placed.map((p, i) => ({
      value: p.subject.id,
      name: `${lines[i]!.padEnd(lineWidth)}  ${safeLine(p.term.label)}`,
      short: safeLine(p.subject.title),
    })),
  });
  return placed.find((p) => p.subject.id === id)!;
}

/** A term to move to: its load now (heavy or not), and in the description its load with the subject. */
function termChoice(
  catalogue: Catalogue,
  mode: string,
  term: Term,
  now: TermLoad,
  moving: { subject: Subject; term: Term },
  labelWidth: number,
): Choice<string> {
  const here = term.id === moving.term.id;
  const title = safeLine(moving.subject.title);
  const name = [
    safeLine(term.label).padEnd(labelWidth),
    loadText(catalogue, mode, term, now),
    ...(isOverloaded(catalogue, mode, term, now) ? [heavyNote(catalogue, mode, term, now)] : []),
    ...(here ? ['(its term now)'] : []),
  ];
  const after = withSubject(now, moving.subject);
  const heavy = isOverloaded(catalogue, mode, term, after) ? ', above the normal load' : '';
  const description = here ? `${title} stays here.` : `With ${title}: ${loadText(catalogue, mode, term, after)}${heavy}.`;
  return { value: term.id, name: name.join('  '), short: safeLine(term.label), description };
}

/**
 * Two questions: which subject, then which term, from the intake to a year past the normal
 * duration. A term that the move makes heavy is warned of, never refused.
 */
export async function askMove(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'width'>,
  plan: PlanFile,
  schedule: ScheduleAnswer,
): Promise<ScheduleEntry[]> {
  const { catalogue } = ctx;
  const { terms } = judgeSchedule(catalogue, plan, schedule).schedule;
  const moving = await pickSubject(ctx, terms);
  const load = new Map(terms.map(({ term, subjects }): [string, TermLoad] => [term.id, loadOf(subjects)]));
  const lastUsed = Math.max(0, ...terms.map((t) => t.term.index));
  const offered = termsToOffer(catalogue, plan.mode, lastUsed, (t) => offeredIn(moving.subject, t) || t.id === moving.term.id);
  const labelWidth = Math.max(...offered.map((t) => safeLine(t.label).length));
  const choices = offered.map((term) => termChoice(catalogue, plan.mode, term, load.get(term.id) ?? EMPTY_LOAD, moving, labelWidth));
  const to = await ctx.ask.select({ message: `Move ${safeLine(moving.subject.title)} to which term?`, choices, default: moving.term.id });
  return moveSubject(catalogue, schedule, moving.subject.id, offered.find((t) => t.id === to)!);
}
