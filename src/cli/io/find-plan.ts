import { closest } from '../../domain/text/suggest.js';
import { joinWords } from '../../domain/rules/wording.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import type { SavedPlan, Store } from './store-types.js';

const foldCase = (name: string) => name.normalize('NFKC').toLowerCase();

/** The saved plan a name means: exactly, or else the one plan equal to it ignoring case. */
export function findPlan(
  store: Store,
  name: string,
  notFound = (hint: string) => `there is no saved plan named "${safeLine(name)}".${hint} Run "study-planner plans list" to see the saved plans.`,
): SavedPlan {
  const plans = store.listPlans();
  const exact = plans.find((p) => p.name === name);
  if (exact) return exact;
  const folded = plans.filter((p) => foldCase(p.name) === foldCase(name));
  if (folded.length === 1) return folded[0]!;
  const near = closest(foldCase(name), plans.map((p) => ({ key: foldCase(p.name), value: p.name })));
  const hint = near.length > 0 ? ` Did you mean ${joinWords(near.map((n) => `"${safeLine(n)}"`), 'or')}?` : '';
  throw new UsageError(notFound(hint));
}
