import type { Step } from '../../domain/plan/steps.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { subjectLines } from './subject-lines.js';

type IncludeStep = Extract<Step, { kind: 'include' }>;

/** A requirement every plan meets the same way (compulsory subjects, a dissertation): shown, not asked. */
export function includeStep(ctx: Pick<PlannerContext, 'style' | 'say'>, step: IncludeStep): void {
  const label = step.requirement.options.length > 1 ? step.option.label : step.requirement.label;
  const lines = subjectLines(step.subjects).map((line) => `  ${ctx.style.ok('+')} ${line}`);
  ctx.say(`\n${ctx.style.bold(safeLine(label))}, included in your plan:\n${lines.join('\n')}\n`);
}
