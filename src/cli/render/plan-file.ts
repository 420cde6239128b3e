import type { PlanFile } from '../../domain/plan/schema.js';
import { safeJson } from './sanitize.js';

/** A plan as the text of a plan file, the same from the planner's --out and from `plans export`. */
export function planFileText(plan: PlanFile): string {
  return `${safeJson(plan, 2)}\n`;
}
