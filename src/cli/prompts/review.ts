import type { Catalogue } from '../../domain/catalogue/model.js';
import { hasResidency, planFromAnswers, type AnswersWithResidency } from '../../domain/plan/draft.js';
import { judgePlan, type Judgement } from '../../domain/plan/judge.js';
import { plannerSteps, stepTitle, type Answers, type Step } from '../../domain/plan/steps.js';
import { joinWords } from '../../domain/rules/wording.js';
import { renderJudgement } from '../render/check-report.js';
import { renderRemaining } from '../render/timeline.js';
import { remainingBills } from '../../domain/record/remaining.js';
import { scheduleOf } from '../../domain/schedule/of-judgement.js';
import { safeLine } from '../render/sanitize.js';
import { clipToWidth } from '../render/text-width.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';
import { pastSubjects } from './results.js';

export type ReviewAction = { kind: 'save' } | { kind: 'discard' } | { kind: 'change'; step: Step } | { kind: 'results' };

export interface ReviewOptions {
  /**
   * The saved plans that already have this name, in any letter case or Unicode form, as they were
   * written: none when the name is free, one that saving would replace, or (in a store from an
   * older version) several, none of them named exactly.
   */
  takenBy(name: string): readonly string[];
  /** The --out file, written on save. */
  out?: string;
  /** Today, "2025-10-01": with a record of study, the review shows what is still to pay from it. */
  today?: string;
  /** The saved plan being edited (`plans edit`), as it is named: saving under its name replaces it without asking. */
  editing?: string;
}

/** Whether saving under `name` replaces the plan being edited, and only it. */
export function replacesEdited(options: ReviewOptions, taken: readonly string[]): boolean {
  return options.editing !== undefined && taken.length === 1 && taken[0] === options.editing;
}

export function stepLabel(step: Step): string {
  switch (step.kind) {
    case 'residency':
      return 'Residency';
    case 'mode':
      return 'Study mode';
    case 'fellowship':
      return 'Fellowship';
    case 'name':
      return 'Name';
    case 'route':
      return step.requirement.label;
    case 'schedule':
      return 'Schedule';
    case 'include':
    case 'pick':
      return stepTitle(step);
  }
}

function answerText(catalogue: Catalogue, step: Step, answers: Answers): string {
  switch (step.kind) {
    case 'residency':
      return answers.residency ?? '';
    case 'mode':
      return catalogue.data.modes.find((m) => m.id === answers.mode)?.label ?? '';
    case 'fellowship':
      return answers.fellowship ? 'yes' : 'no';
    case 'name':
      return answers.name ?? '';
    case 'route':
      return step.requirement.options.find((o) => o.id === answers.routes[step.requirement.id])?.label ?? '';
    case 'schedule':
      return hasResidency(answers) && planFromAnswers(catalogue, answers).schedule !== undefined ? 'your own' : 'as proposed';
    case 'include':
      return step.subjects.map((s) => s.title).join(', ');
    case 'pick': {
      const titles = (answers.picks[step.key] ?? []).flatMap((id) => catalogue.subjectById.get(id)?.title ?? []);
      return titles.length > 0 ? titles.join(', ') : 'none';
    }
  }
}

/** The review choices: save, change any one answered step, or discard. */
export function reviewChoices(
  ctx: Pick<PlannerContext, 'catalogue' | 'width'>,
  answers: AnswersWithResidency,
  judgement: Judgement,
  options: ReviewOptions,
): Choice<string>[] {
  const name = safeLine(answers.name ?? '');
  const taken = options.takenBy(answers.name ?? '');
  const edited = replacesEdited(options, taken);
  const replaces = edited ? ', replacing the saved plan you are editing' : taken.length === 1 ? `, replacing "${safeLine(taken[0]!)}"` : '';
  const asks = edited ? '' : taken.length > 0 ? `; a saved plan already has this name, so you will be asked first` : '';
  const stays = options.editing !== undefined && !edited ? `; the saved plan "${safeLine(options.editing)}" stays as it is` : '';
  const writes = options.out !== undefined ? ` and write ${safeLine(options.out)}` : '';
  const changes = plannerSteps(ctx.catalogue, answers)
    .filter((s) => s.kind !== 'include')
    .map((s) => ({
      value: s.id,
      name: clipToWidth(`Change ${safeLine(stepLabel(s))}: ${safeLine(answerText(ctx.catalogue, s, answers))}`, ctx.width - 4),
    }));
  // Results are offered once a term has begun (results.ts), after the other answers.
  const past = options.today !== undefined ? pastSubjects(ctx.catalogue, answers, options.today) : [];
  const recordedCount = past.filter(
    ({ subject: s }) =>
      answers.record?.grades?.[s.id] !== undefined ||
      answers.record?.transferred?.includes(s.id) ||
      answers.record?.exempted?.includes(s.id),
  ).length;
  const results =
    past.length > 0
      ? [{ value: 'results', name: clipToWidth(`Change Results so far: ${recordedCount} of ${past.length} recorded`, ctx.width - 4) }]
      : [];
  // Clipped to one line as the other choices are (a long name broke inside a word); the description
  // under the list, wrapped, then says it whole.
  const saveAs = `Save as "${name}"${replaces}${writes}`;
  const saveChoice = clipToWidth(saveAs, ctx.width - 4);
  return [
    {
      value: 'save',
      name: saveChoice,
      description:
        (saveChoice === saveAs ? '' : `${saveAs}. `) +
        (judgement.valid
          ? 'The plan meets every requirement'
          : 'The plan does not meet every requirement yet; you can save it and come back to it') +
        asks +
        stays +
        '.',
    },
    ...changes,
    ...results,
    options.editing === undefined
      ? { value: 'discard', name: 'Discard this plan', description: 'Nothing is saved and the draft is removed.' }
      : {
          value: 'discard',
          name: 'Discard these changes',
          description: `The saved plan "${safeLine(options.editing)}" stays as it is, and the draft is removed.`,
        },
  ];
}

/** Shows the validation report and fee summary (as `check` does) and asks what to do next. */
export async function reviewStep(
  ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>,
  answers: AnswersWithResidency,
  options: ReviewOptions,
): Promise<ReviewAction> {
  const judgement = judgePlan(ctx.catalogue, planFromAnswers(ctx.catalogue, answers));
  ctx.say(`\n${renderJudgement(answers.name ?? 'Your plan', judgement, ctx.style, ctx.width)}\n`);
  // Once study has begun (a record of study), what is still to pay, by the plan's schedule or the proposal.
  if (judgement.record.present && options.today !== undefined) {
    const remaining = remainingBills(scheduleOf(ctx.catalogue, judgement).bills, options.today);
    ctx.say(`\n${renderRemaining(remaining, judgement.fees, ctx.style, ctx.width)}\n`);
  }
  const choice = await ctx.ask.select({ message: 'What next?', choices: reviewChoices(ctx, answers, judgement, options) });
  if (choice === 'save' || choice === 'discard' || choice === 'results') return { kind: choice };
  return { kind: 'change', step: plannerSteps(ctx.catalogue, answers).find((s) => s.id === choice)! };
}

/**
 * Asked when "Save" would replace a saved plan: No, the default, keeps the saved plan and asks for
 * another name, so one Enter too many at the review never replaces a plan. Several plans by that
 * name (a store from an older version) cannot be told apart, so then only another name will do.
 */
export async function confirmReplace(ctx: Pick<PlannerContext, 'ask' | 'say'>, name: string, taken: readonly string[]): Promise<boolean> {
  const quoted = taken.map((t) => `"${safeLine(t)}"`);
  if (taken.length > 1) {
    ctx.say(
      `\nSaved plans ${joinWords(quoted, 'and')} already have the name "${safeLine(name)}", apart from letter case; choose another name, or write one of theirs exactly to replace it.\n`,
    );
    return false;
  }
  // "Has this name" also when it differs in case: names are one whatever their case (store-names.ts).
  return ctx.ask.select({
    message: `The saved plan ${quoted[0]} has this name. Replace it with this plan?`,
    choices: [
      { value: false, name: 'No, keep it and choose another name', description: `The saved plan ${quoted[0]} stays as it is.` },
      { value: true, name: `Yes, replace ${quoted[0]}`, description: 'The saved plan is replaced by this one; this cannot be undone.' },
    ],
    default: false,
  });
}

export async function confirmDiscard(ctx: Pick<PlannerContext, 'ask'>, editing?: string): Promise<boolean> {
  return ctx.ask.select({
    message:
      editing === undefined
        ? 'Discard this plan? Nothing of it will be kept.'
        : `Discard these changes? The saved plan "${safeLine(editing)}" stays as it is.`,
    choices: [
      { value: false, name: 'No, back to the review' },
      { value: true, name: editing === undefined ? 'Yes, discard it' : 'Yes, discard the changes' },
    ],
  });
}
