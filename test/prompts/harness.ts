import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import type { FlowContext } from '../../src/cli/commands/plan/flow.js';
import type { ReviewOptions } from '../../src/cli/prompts/review.js';
import { makeStyle } from '../../src/cli/render/style.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { Answers } from '../../src/domain/plan/steps.js';
import { scriptedAsk, type ScriptedAsk, type Turn } from './scripted-ask.js';

export const INVENTED = fileURLToPath(new URL('../fixtures/invented-programme.json', import.meta.url));

export const polyu = (): Catalogue => loadCatalogue(undefined);
export const invented = (): Catalogue => loadCatalogue(INVENTED);

export interface Harness {
  ctx: FlowContext & ReviewOptions;
  ask: ScriptedAsk;
  /** Everything said between questions, joined. */
  said: () => string;
  /** The answers kept as a draft after each answered step. */
  kept: Answers[];
}

/** A planner context whose questions are answered by `turns`, without colour, 80 columns wide (as @inquirer/testing draws). */
export function harness(catalogue: Catalogue, turns: readonly Turn[], options: Partial<ReviewOptions> = {}): Harness {
  const ask = scriptedAsk(turns);
  const said: string[] = [];
  const kept: Answers[] = [];
  return {
    ctx: {
      catalogue,
      ask,
      style: makeStyle(false),
      width: 80,
      say: (text) => void said.push(text),
      keep: (answers) => void kept.push(answers),
      takenBy: options.takenBy ?? (() => []),
      ...(options.out !== undefined ? { out: options.out } : {}),
      ...(options.today !== undefined ? { today: options.today } : {}),
      ...(options.editing !== undefined ? { editing: options.editing } : {}),
    },
    ask,
    said: () => said.join(''),
    kept,
  };
}

/** Keys that tick the subjects at these positions (0 = first) of a checkbox, then submit. */
export function tick(...positions: number[]): string[] {
  const keys: string[] = [];
  let at = 0;
  for (const p of [...positions].sort((a, b) => a - b)) {
    while (at < p) {
      keys.push('down');
      at++;
    }
    keys.push('space');
  }
  return [...keys, 'enter'];
}

/** Keys that move the cursor down `n` places in a list and choose. */
export function choose(n: number): string[] {
  return [...Array<string>(n).fill('down'), 'enter'];
}
