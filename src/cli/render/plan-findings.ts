import type { Judgement } from '../../domain/plan/judge.js';
import { safeLine } from './sanitize.js';
import { nameArgument } from './shell-word.js';
import { makeStyle, MARK } from './style.js';
import { wrap } from './wrap.js';

/**
 * A judged plan's errors and warnings as `fees --plan` writes them to stderr, where they stay
 * apart from the estimate (pure JSON under --json); empty when there are none.
 */
export function planFindings(judgement: Judgement, file: string, options: { colour: boolean; width: number }): string {
  if (judgement.errors.length === 0 && judgement.warnings.length === 0) return '';
  const style = makeStyle(options.colour);
  const item = (mark: string, message: string) => `  ${mark} ${wrap(safeLine(message), options.width, 4)}`;
  const head = judgement.valid
    ? `study-planner: ${safeLine(file)} is a valid plan, with warnings:`
    : `study-planner: ${safeLine(file)} is not a valid plan; the estimate is for the plan as it stands (run "study-planner check ${nameArgument(safeLine(file))}" for the whole report):`;
  return [
    wrap(head, options.width, 2),
    ...judgement.errors.map((e) => item(style.bad(MARK.bad), e.message)),
    ...judgement.warnings.map((w) => item(style.warn(MARK.warn), w.message)),
    '',
  ].join('\n');
}
