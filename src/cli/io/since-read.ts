import type { SavedPlan } from './store-types.js';

/**
 * What became of a saved plan since an edit read it (`asRead`), among the plans saved now: an edit
 * replaces only a plan still as it read it, whether it is saved at once or resumed from its draft.
 */
export function sinceRead(plans: readonly SavedPlan[], asRead: SavedPlan): 'unchanged' | 'changed' | 'deleted or renamed' {
  const current = plans.find((p) => p.name === asRead.name);
  if (current === undefined) return 'deleted or renamed';
  return current.updatedAt === asRead.updatedAt && JSON.stringify(current.plan) === JSON.stringify(asRead.plan) ? 'unchanged' : 'changed';
}
