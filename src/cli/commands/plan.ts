import type { Context } from '../context.js';
import type { Outcome } from '../outcome.js';
import type { PlanOptions } from '../prompts/planner.js';

export type { PlanOptions };

/** `plan`: the interactive planner (src/cli/prompts/ holds its steps). */
export async function plan(ctx: Context, options: PlanOptions): Promise<Outcome> {
  const [{ runPlanner }, { openCommandStore }, { inquirerAsk }] = await Promise.all([
    import('../prompts/planner.js'),
    import('../io/store.js'),
    import('../prompts/ask.js'),
  ]);
  // The planner goes on to write, so a broken store is set aside (and said so) rather than fatal.
  const store = await openCommandStore(ctx, { onBrokenRead: 'set-aside' });
  return runPlanner(ctx, options, { store, ask: () => inquirerAsk(ctx.io), now: () => new Date() });
}
