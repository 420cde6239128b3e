import { nameArgument } from '../render/shell-word.js';
import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import { hasResidency, planFromAnswers } from '../../domain/plan/draft.js';
import { judgePlan } from '../../domain/plan/judge.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import type { Answers, RecordAnswer } from '../../domain/plan/steps.js';
import { recordRules } from '../../domain/record/grades.js';
import { scheduleOf } from '../../domain/schedule/of-judgement.js';
import type { Term } from '../../domain/schedule/terms.js';
import { safeLine } from '../render/sanitize.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';

/** A subject sat in a term that has begun before today, with that term's name. */
export interface PastSubject {
  subject: Subject;
  term: string;
}

/** The plan the answers make so far; none without a residency (no plan yet). */
function planSoFar(catalogue: Catalogue, answers: Answers): PlanFile | undefined {
  return hasResidency(answers) ? planFromAnswers(catalogue, answers) : undefined;
}

/** The planned subjects of the terms `passed` picks, by the plan's schedule or the proposal. */
function subjectsOfTerms(catalogue: Catalogue, plan: PlanFile, passed: (term: Term) => boolean): PastSubject[] {
  const schedule = scheduleOf(catalogue, judgePlan(catalogue, plan));
  return schedule.terms.filter((t) => passed(t.term)).flatMap((t) => t.subjects.map((subject) => ({ subject, term: t.term.label })));
}

/**
 * The planned subjects in terms that began before today's month: those that may have a result by
 * now, or be transferred or exempted.
 */
export function pastSubjects(catalogue: Catalogue, answers: Answers, today: string): PastSubject[] {
  const plan = planSoFar(catalogue, answers);
  if (plan === undefined) return [];
  const month = today.slice(0, 7);
  const scheduled = subjectsOfTerms(catalogue, plan, (term) => term.starts < month);
  // Before any term has begun there are no results to ask for, whatever the record says.
  return scheduled.length === 0 ? [] : [...scheduled, ...outOfTheSchedule(catalogue, answers.record, plan, scheduled)];
}

/** "6 of your subjects are in terms that have begun", and those transferred or exempted, which are in none. */
function begun(past: readonly PastSubject[]): string {
  const outside = past.filter((p) => p.term === 'transferred' || p.term === 'exempted').length;
  const inTerms = `${past.length - outside} of your subjects are in terms that have begun`;
  return outside === 0 ? inTerms : `${inTerms}, and ${outside} ${outside === 1 ? 'is' : 'are'} transferred or exempted`;
}

/**
 * The planned subjects the record has transferred or exempted, which sit in no term: offered with
 * the others, so that one marked so by mistake can be given back its result ("No result yet").
 */
function outOfTheSchedule(
  catalogue: Catalogue,
  record: RecordAnswer | undefined,
  plan: PlanFile,
  listed: readonly PastSubject[],
): PastSubject[] {
  const shown = new Set(listed.map((p) => p.subject.id));
  const planned = new Set(plan.subjects);
  const entries = [
    ...(record?.transferred ?? []).map((id) => [id, 'transferred'] as const),
    ...(record?.exempted ?? []).map((id) => [id, 'exempted'] as const),
  ];
  return entries.flatMap(([id, how]) => {
    const subject = catalogue.subjectById.get(id);
    if (!subject || !planned.has(id) || shown.has(id)) return [];
    // Each once, though a record may list it both transferred and exempted.
    shown.add(id);
    return [{ subject, term: how }];
  });
}

/** The month a term ends, "2024-12": its kind's end month, in the next calendar year when it ends before the month it starts. */
export function termEnds(term: Term): string {
  const startYear = Number(term.starts.slice(0, 4));
  const year = term.kind.endMonth < term.kind.startMonth ? startYear + 1 : startYear;
  return `${year}-${String(term.kind.endMonth).padStart(2, '0')}`;
}

/**
 * The planned subjects in terms whose last month is over by today's month: those whose results a
 * student has, or will soon. A term still running (its examinations, its results) does not count,
 * so a plan made in its first term is not asked for results it cannot have.
 */
export function endedSubjects(catalogue: Catalogue, answers: Answers, today: string): PastSubject[] {
  const month = today.slice(0, 7);
  const plan = planSoFar(catalogue, answers);
  return plan === undefined ? [] : subjectsOfTerms(catalogue, plan, (term) => termEnds(term) < month);
}

const NOTHING = '';
const TRANSFERRED = ':transferred';
const EXEMPTED = ':exempted';

/** What the record says of a subject now, as the value of its choice. */
function recorded(record: RecordAnswer | undefined, id: string): string {
  // In the judge's order (record.ts): a transfer, then an exemption, is what counts when a grade is
  // recorded for the same subject too, so Enter keeps what counts.
  if (record?.transferred?.includes(id)) return TRANSFERRED;
  if (record?.exempted?.includes(id)) return EXEMPTED;
  if (record?.grades?.[id] !== undefined) return record.grades[id]!.toUpperCase();
  return NOTHING;
}

/** The record with one subject's entry replaced by `value` (a grade, transferred, exempted, or nothing). */
function withResult(record: RecordAnswer, id: string, value: string): RecordAnswer {
  const grades = Object.fromEntries(Object.entries(record.grades ?? {}).filter(([s]) => s !== id));
  const transferred = (record.transferred ?? []).filter((s) => s !== id);
  const exempted = (record.exempted ?? []).filter((s) => s !== id);
  if (value === TRANSFERRED) transferred.push(id);
  else if (value === EXEMPTED) exempted.push(id);
  else if (value !== NOTHING) grades[id] = value;
  return {
    ...(record.grades !== undefined || Object.keys(grades).length > 0 ? { grades } : {}),
    ...(record.transferred !== undefined || transferred.length > 0 ? { transferred } : {}),
    ...(record.exempted !== undefined || exempted.length > 0 ? { exempted } : {}),
  };
}

/**
 * Results so far, for the subjects of terms that have begun: first whether there are any to record
 * ("No results to record now" leaves the record as it is), then a grade (or transferred, exempted,
 * no result yet) for each such subject, its current entry the default. Each result given is kept
 * (`keep`, the planner's draft) before the next is asked, so a stop in the middle loses none.
 * `editing`: the saved plan being edited, whose review offers the results again.
 */
export async function resultsStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'say'> & { keep?(answers: Answers): void; editing?: string | undefined },
  answers: Answers,
  past: readonly PastSubject[],
): Promise<Answers> {
  const { catalogue } = ctx;
  const go = await ctx.ask.select({
    message: `${begun(past)}. Record results for them?`,
    choices: [
      {
        value: false,
        name: 'No results to record now',
        description:
          ctx.editing !== undefined
            ? 'Nothing is changed; the review offers them again.'
            : `Nothing is changed; you can record them later with: study-planner plans edit ${answers.name !== undefined ? nameArgument(safeLine(answers.name)) : 'NAME'}`,
      },
      { value: true, name: 'Record results', description: 'A grade for each subject (or transferred, exempted, or no result yet).' },
    ],
  });
  // Declining still answers the question: an empty record (which writes nothing to the plan) keeps
  // `plan --resume` from asking it again.
  if (!go) return answers.record === undefined ? { ...answers, record: {} } : answers;
  const grades = recordRules(catalogue)?.grades ?? [];
  let record: RecordAnswer = answers.record ?? {};
  for (const { subject, term } of past) {
    const now = recorded(record, subject.id);
    const choices: Choice<string>[] = [
      { value: NOTHING, name: 'No result yet' },
      ...grades.map((g) => ({
        value: g.grade.toUpperCase(),
        name: g.grade,
        description:
          g.points === null
            ? 'a pass without a grade point'
            : `${g.points.toFixed(1)} grade points${g.fails ? ': failed, to be retaken' : ''}`,
      })),
      {
        value: TRANSFERRED,
        name: 'Credit transferred from earlier study',
        description: 'Counts towards the requirements and is not billed; no grade point.',
      },
      {
        value: EXEMPTED,
        name: 'Exempted',
        description: 'Satisfies a requirement that names it; its credits do not count, so another subject must make them up.',
      },
    ];
    const value = await ctx.ask.select({ message: `${safeLine(subject.title)} (${safeLine(term)}): your result?`, choices, default: now });
    record = withResult(record, subject.id, value);
    ctx.keep?.({ ...answers, record });
  }
  return { ...answers, record };
}
