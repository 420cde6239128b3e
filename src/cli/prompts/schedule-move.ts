import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import { moveSubject } from '../../domain/plan/draft-schedule.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import type { ScheduleAnswer } from '../../domain/plan/steps.js';
import type { ScheduleEntry } from '../../domain/plan/schema.js';
import { offeredIn, type ScheduledTerm } from '../../domain/schedule/propose.js';
import type { Term } from '../../domain/schedule/terms.js';
import { safeLine } from '../render/sanitize.js';
import { displayWidth, padToWidth } from '../render/text-width.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';
// The rule `check` warns by (SCHEDULE_OVERLOAD), so the planner marks exactly the same terms.
import { EMPTY_LOAD, isOverloaded, loadOf, withSubject, type TermLoad } from '../../domain/schedule/load.js';
import { heavyNote, loadText, termsToOffer } from './schedule-load.js';
import { judgeSchedule } from './schedule-view.js';
import { subjectLines } from './subject-lines.js';

/**
 * Every scheduled subject, term by term, with its code, credits and term; where a line cannot hold
 * the term too (40 columns), the term is said under the list for the subject highlighted.
 */
async function pickSubject(
  ctx: Pick<PlannerContext, 'ask' | 'width'>,
  terms: readonly ScheduledTerm[],
): Promise<{ subject: Subject; term: Term }> {
  const placed = terms.flatMap(({ term, subjects }) => subjects.map((subject) => ({ subject, term })));
  const termWidth = Math.max(0, ...placed.map((p) => displayWidth(safeLine(p.term.label))));
  const subjects = placed.map((p) => p.subject);
  // The list draws a cursor and a space before each line; the term follows the subject's code and credits.
  const withTerm = subjectLines(subjects, ctx.width - 4 - termWidth - 2);
  const fits = withTerm.every((line) => displayWidth(line) + 2 + termWidth <= ctx.width - 2);
  // Too narrow for a line each: each title wrapped, its code and credits on a line below it (as
  // subjectLines lays them out, further in), every line after the first indented two more, as the
  // list indents only the first; as the include step indents them.
  const lines = fits ? withTerm : subjectLines(subjects, ctx.width - 4, 'wrap').map((entry) => entry.replace(/\n/g, '\n  '));
  const lineWidth = Math.max(0, ...lines.map((line) => displayWidth(line)));
  const id = await ctx.ask.select({
    message: 'Which subject will you move?',
    choices: placed.map((p, i) => ({
      value: p.subject.id,
      name: fits ? `${padToWidth(lines[i]!, lineWidth)}  ${safeLine(p.term.label)}` : lines[i]!,
      short: safeLine(p.subject.title),
      ...(fits ? {} : { description: `${safeLine(p.subject.title)}: ${safeLine(p.term.label)}` }),
    })),
  });
  return placed.find((p) => p.subject.id === id)!;
}

/** A term's choice as a line that holds its load, and as it is where the line is too wide. */
type TermChoice = Choice<string> & { name: string; narrow: { name: string; description: string } };

/** A term to move to: its load now (heavy or not), and in the description its load with the subject. */
function termChoice(
  catalogue: Catalogue,
  mode: string,
  term: Term,
  now: TermLoad,
  moving: { subject: Subject; term: Term },
  labelWidth: number,
): TermChoice {
  const here = term.id === moving.term.id;
  const title = safeLine(moving.subject.title);
  const load = [
    loadText(catalogue, mode, term, now),
    ...(isOverloaded(catalogue, mode, term, now) ? [heavyNote(catalogue, mode, term, now)] : []),
  ].join('  ');
  const label = [safeLine(term.label).padEnd(labelWidth), ...(here ? ['(its term now)'] : [])].join('  ');
  const after = withSubject(now, moving.subject);
  const heavy = isOverloaded(catalogue, mode, term, after) ? ', above the normal load' : '';
  const description = here ? `${title} stays here.` : `With ${title}: ${loadText(catalogue, mode, term, after)}${heavy}.`;
  const line = `${safeLine(term.label).padEnd(labelWidth)}  ${load}${here ? '  (its term now)' : ''}`;
  return {
    value: term.id,
    name: line,
    short: safeLine(term.label),
    description,
    narrow: { name: label, description: `Now ${load}. ${description}` },
  };
}

/**
 * The terms as choices: each with its load beside it, or, when any line is too wide for that
 * (40 columns; the list draws a cursor and a space first), every load said under the list, for
 * the term highlighted, so that no term looks as if it had none.
 */
function fitTermChoices(choices: readonly TermChoice[], width: number): Choice<string>[] {
  const fits = choices.every((c) => displayWidth(c.name) <= width - 2);
  return choices.map(({ narrow, ...wide }) => (fits ? wide : { ...wide, ...narrow }));
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
  const to = await ctx.ask.select({
    message: `Move ${safeLine(moving.subject.title)} to which term?`,
    choices: fitTermChoices(choices, ctx.width),
    default: moving.term.id,
  });
  return moveSubject(catalogue, schedule, moving.subject.id, offered.find((t) => t.id === to)!);
}
