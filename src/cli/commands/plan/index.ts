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
  // A planner that goes on to write goes on without a broken store (and says so) rather than stop;
  // the first save sets it aside.
  // Without a terminal (or with --json) it writes only to save under --name or a resumed draft's
  // name; otherwise the store is opened read-only, so conf (some 90 modules with ajv) is not
  // loaded, and a broken store is left where it is, as every command that saves nothing leaves it.
  const writes = (ctx.interactive && !ctx.json) || options.name !== undefined || options.resume === true;
  const store = await openCommandStore(ctx, { onBrokenRead: writes ? 'set-aside' : 'fail', readOnly: !writes });
  return runPlanner(ctx, options, { store, ask: () => inquirerAsk(ctx.io, ctx.colour, ctx.width), now: () => new Date() });
}
