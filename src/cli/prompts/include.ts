import { stepTitle, type Step } from '../../domain/plan/steps.js';
import { safeLine } from '../render/sanitize.js';
import type { PlannerContext } from './planner-context.js';
import { subjectLines } from './subject-lines.js';
import { wrap } from '../render/wrap.js';

type IncludeStep = Extract<Step, { kind: 'include' }>;

/** A requirement every plan meets the same way (compulsory subjects, a dissertation): shown, not asked. */
export function includeStep(ctx: Pick<PlannerContext, 'style' | 'say' | 'width'>, step: IncludeStep): void {
  const label = stepTitle(step);
  // Each line is drawn after "  + ", so it has 4 columns less than the screen; a line that goes on
  // (the credits of a long title) is indented as far.
  const lines = subjectLines(step.subjects, ctx.width - 4, 'wrap').map((line) => `  ${ctx.style.ok('+')} ${line.replace(/\n/g, '\n    ')}`);
  ctx.say(`\n${ctx.style.bold(wrap(`${safeLine(label)}, included in your plan:`, ctx.width))}\n${lines.join('\n')}\n`);
}
