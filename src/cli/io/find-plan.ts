import { closest } from '../../domain/text/suggest.js';
import { joinWords } from '../../domain/rules/wording.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { AmbiguousPlanNameError, planNameKey, plansNamed } from './store-names.js';
import type { SavedPlan, Store } from './store-types.js';

/**
 * The saved plan a name means: named exactly, or else the one plan whose name differs only in
 * letter case or Unicode form (store-names.ts). Otherwise exit 2, with the closest names.
 */
export function findPlan(
  store: Store,
  name: string,
  notFound = (hint: string) =>
    `there is no saved plan named "${safeLine(name)}".${hint} Run "study-planner plans list" to see the saved plans.`,
): SavedPlan {
  const plans = store.listPlans();
  const named = plansNamed(plans, name);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new AmbiguousPlanNameError(name, named);
  const near = closest(
    planNameKey(name),
    plans.map((p) => ({ key: planNameKey(p.name), value: p.name })),
  );
  const hint =
    near.length > 0
      ? ` Did you mean ${joinWords(
          near.map((n) => `"${safeLine(n)}"`),
          'or',
        )}?`
      : '';
  throw new UsageError(notFound(hint));
}
