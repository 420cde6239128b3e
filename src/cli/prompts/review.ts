import type { Catalogue } from '../../domain/catalogue/model.js';
import { hasResidency, planFromAnswers, type AnswersWithResidency } from '../../domain/plan/draft.js';
import { judgePlan, type Judgement } from '../../domain/plan/judge.js';
import { plannerSteps, type Answers, type Step } from '../../domain/plan/steps.js';
import { renderJudgement } from '../render/check-report.js';
import { safeLine } from '../render/sanitize.js';
import type { Choice } from './ask.js';
import type { PlannerContext } from './planner-context.js';

export type ReviewAction = { kind: 'save' } | { kind: 'discard' } | { kind: 'change'; step: Step };

export interface ReviewOptions {
  /** Whether a saved plan already has this name (saving would replace it). */
  nameTaken(name: string): boolean;
  /** The --out file, written on save. */
  out?: string;
}

export function stepLabel(step: Step): string {
  switch (step.kind) {
    case 'residency': return 'Residency';
    case 'mode': return 'Study mode';
    case 'fellowship': return 'Fellowship';
    case 'name': return 'Name';
    case 'route': return step.requirement.label;
    case 'schedule': return 'Schedule';
    case 'include':
    case 'pick': return step.requirement.options.length > 1 ? step.option.label : step.requirement.label;
  }
}

function answerText(catalogue: Catalogue, step: Step, answers: Answers): string {
  switch (step.kind) {
    case 'residency': return answers.residency ?? '';
    case 'mode': return catalogue.data.modes.find((m) => m.id === answers.mode)?.label ?? '';
    case 'fellowship': return answers.fellowship ? 'yes' : 'no';
    case 'name': return answers.name ?? '';
    case 'route': return step.requirement.options.find((o) => o.id === answers.routes[step.requirement.id])?.label ?? '';
    case 'schedule': return hasResidency(answers) && planFromAnswers(catalogue, answers).schedule !== undefined ? 'your own' : 'as proposed';
    case 'include': return step.subjects.map((s) => s.title).join(', ');
    case 'pick': {
      const titles = (answers.picks[step.key] ?? []).flatMap((id) => catalogue.subjectById.get(id)?.title ?? []);
      return titles.length > 0 ? titles.join(', ') : 'none';
    }
  }
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1)).trimEnd()}…`;
}

/** The review choices: save, change any one answered step, or discard. */
export function reviewChoices(ctx: Pick<PlannerContext, 'catalogue' | 'width'>, answers: AnswersWithResidency, judgement: Judgement, options: ReviewOptions): Choice<string>[] {
  const name = safeLine(answers.name ?? '');
  const replaces = options.nameTaken(answers.name ?? '') ? ', replacing the saved plan of that name' : '';
  const writes = options.out !== undefined ? ` and write ${safeLine(options.out)}` : '';
  const changes = plannerSteps(ctx.catalogue, answers)
    .filter((s) => s.kind !== 'include')
    .map((s) => ({
      value: s.id,
      name: clip(`Change ${safeLine(stepLabel(s))}: ${safeLine(answerText(ctx.catalogue, s, answers))}`, ctx.width - 4),
    }));
  return [
    {
      value: 'save',
      name: `Save as "${name}"${writes}`,
      description: (judgement.valid ? 'The plan meets every requirement' : 'The plan does not meet every requirement yet; you can save it and come back to it') + replaces + '.',
    },
    ...changes,
    { value: 'discard', name: 'Discard this plan', description: 'Nothing is saved and the draft is removed.' },
  ];
}

/** Shows the validation report and fee summary (as `check` does) and asks what to do next. */
export async function reviewStep(ctx: Pick<PlannerContext, 'catalogue' | 'ask' | 'style' | 'width' | 'say'>, answers: AnswersWithResidency, options: ReviewOptions): Promise<ReviewAction> {
  const judgement = judgePlan(ctx.catalogue, planFromAnswers(ctx.catalogue, answers));
  ctx.say(`\n${renderJudgement(answers.name ?? 'Your plan', judgement, ctx.style, ctx.width)}\n`);
  const choice = await ctx.ask.select({ message: 'What next?', choices: reviewChoices(ctx, answers, judgement, options) });
  if (choice === 'save' || choice === 'discard') return { kind: choice };
  return { kind: 'change', step: plannerSteps(ctx.catalogue, answers).find((s) => s.id === choice)! };
}

export async function confirmDiscard(ctx: Pick<PlannerContext, 'ask'>): Promise<boolean> {
  return ctx.ask.select({
    message: 'Discard this plan? Nothing of it will be kept.',
    choices: [
      { value: false, name: 'No, back to the review' },
      { value: true, name: 'Yes, discard it' },
    ],
  });
}
