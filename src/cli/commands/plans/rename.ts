import type { Context } from '../../context.js';
import { findPlan } from '../../io/find-plan.js';
import { openCommandStore } from '../../io/store.js';
import type { Outcome } from '../../outcome.js';
import { safeJson, safeLine } from '../../render/sanitize.js';
import { statusText } from '../../render/status.js';

/**
 * `plans rename OLD NEW`: the plan keeps its content and time of saving. NEW may not be another
 * plan's name in any letter case or Unicode form, but may respell OLD's own (a change of case).
 */
export async function plansRename(ctx: Context, from: string, to: string): Promise<Outcome> {
  const store = await openCommandStore(ctx);
  // Looked up first for the nearest names when OLD is mistyped; the store looks again in its lock.
  const saved = findPlan(store, from);
  const renamed = store.renamePlan(saved.name, to);
  if (ctx.json) ctx.out(`${safeJson({ renamed: saved.name, name: renamed.name })}\n`);
  else if (renamed.name === saved.name)
    ctx.err(statusText({ said: `The saved plan is already named "${safeLine(saved.name)}"; nothing to change.` }, ctx.width));
  else ctx.err(statusText({ said: `Renamed "${safeLine(saved.name)}" to "${safeLine(renamed.name)}".` }, ctx.width));
  return 'success';
}
