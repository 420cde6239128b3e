import { RESIDENCIES, type Residency } from '../domain/catalogue/schema.js';
import type { Context } from './context.js';
import { envValue } from './make-context.js';
import { findResidency } from '../domain/catalogue/settings.js';
import { UsageError } from './outcome.js';
import { safeLine } from './render/sanitize.js';

/**
 * The residency to use: the flag, then STUDY_PLANNER_RESIDENCY, then the saved default (`config
 * set residency`), then (in a terminal) a question. With `required` and none of those, the program
 * cannot go on: exit 2, naming the flag.
 */
export async function resolveResidency(ctx: Context, flag: string | undefined, { required = false } = {}): Promise<Residency | undefined> {
  const fromEnv = envValue(ctx.io, 'RESIDENCY');
  const value = flag ?? fromEnv;
  if (value !== undefined) {
    const residency = findResidency(value);
    if (residency) return residency;
    const where = flag !== undefined ? '--residency' : 'STUDY_PLANNER_RESIDENCY';
    throw new UsageError(`${where} "${safeLine(value)}" is not a residency; use ${RESIDENCIES.join(' or ')}.`);
  }
  const saved = (await savedDefaults(ctx)).residency;
  if (saved !== undefined) return saved;
  if (!required) return undefined;
  if (!ctx.interactive) throw new UsageError('--residency is required when not running interactively; pass --residency local or --residency non-local.');
  const { askResidency } = await import('./prompts/residency.js');
  return askResidency(ctx);
}

/** Saved defaults are read only when a flag and the environment leave a question open. */
async function savedDefaults(ctx: Context) {
  const { readSavedDefaults } = await import('./io/saved-defaults.js');
  return readSavedDefaults(ctx.io.env);
}
