import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Style } from '../render/style.js';
import type { Ask } from './ask.js';

/**
 * What the planner's steps work with. Each step takes only the part it uses; tests pass scripted
 * questions in `ask` and collect what is said.
 */
export interface PlannerContext {
  catalogue: Catalogue;
  ask: Ask;
  style: Style;
  width: number;
  /** Text for the student between questions (where they stand, what is included). */
  say(text: string): void;
}
