import type { Context } from '../../context.js';
import type { Outcome } from '../../outcome.js';
import type { PlanOptions } from './planner.js';

export type { PlanOptions };

/**
 * `plan`: the interactive planner. This folder holds its flow (planner, session, flow), its flags,
 * its draft and its path without a terminal; the questions it asks are in src/cli/prompts/.
 */
export async function plan(ctx: Context, options: PlanOptions): Promise<Outcome> {
  const [{ runPlanner }, { openCommandStore }, { inquirerAsk }] = await Promise.all([
    import('./planner.js'),
    import('../../io/store.js'),
    import('../../prompts/ask.js'),
  ]);
  // The planner goes on to write, so a broken store is set aside (and said so) rather than fatal.
  const store = await openCommandStore(ctx, { onBrokenRead: 'set-aside' });
  return runPlanner(ctx, options, { store, ask: () => inquirerAsk(ctx.io, ctx.colour), now: () => new Date() });
}
