import path from 'node:path';
import { judgePlan } from '../../../domain/plan/judge.js';
import type { Context } from '../../context.js';
import { loadPlanFile } from '../../io/plan-file.js';
import { openCommandStore } from '../../io/store.js';
import { planNameProblem } from '../../io/store-schema.js';
import { storedPlanName } from '../../io/store-names.js';
import { todayOf } from '../../io/today.js';
import { UsageError, type Outcome } from '../../outcome.js';
import { judgementJson } from '../../render/check-json.js';
import { renderJudgement } from '../../render/check-report.js';
import { safeJson, safeLine } from '../../render/sanitize.js';
import { nameArgument } from '../../render/shell-word.js';
import { statusText } from '../../render/status.js';
import { makeStyle } from '../../render/style.js';

export interface ImportOptions {
  name?: string;
  force?: boolean;
}

/** "second-year" for "plans/second-year.json": a file's name without its folder and extension. */
function nameFromFile(file: string): string {
  return path.basename(file).replace(/\.json$/i, '');
}

/**
 * `plans import FILE`: a plan file saved under a name. A file that cannot be read as a plan is
 * refused (exit 2); a readable plan that breaks a rule is saved all the same, with its report, so
 * the student can fix it later with `plans edit` (exit 1, as `check` would give).
 */
export async function plansImport(ctx: Context, file: string, options: ImportOptions): Promise<Outcome> {
  if (file === '-' && options.name === undefined)
    throw new UsageError('a plan read from standard input has no file name to save it under; pass --name NAME.');
  const name = storedPlanName(options.name ?? nameFromFile(file));
  const problem = planNameProblem(name);
  // A name given is checked before anything is read; one taken from the file's name, once the file
  // is there to be read (a file that does not exist is that, whatever its name).
  const refuseName = () => {
    const given =
      options.name !== undefined ? `--name "${safeLine(options.name)}"` : `the name "${safeLine(name)}" taken from the file's name`;
    return new UsageError(`${given} ${problem}; choose a name of your own with --name NAME.`);
  };
  if (problem !== undefined && options.name !== undefined) throw refuseName();
  const catalogue = ctx.catalogue();
  const loaded = loadPlanFile(catalogue, file, ctx.io.stdin);
  if (!loaded.ok) throw new UsageError(`${loaded.messages.join('; ')}; nothing was imported.`);
  if (problem !== undefined) throw refuseName();
  // Saved as a plan file of the loaded catalogue, the record of study and schedule as they were.
  const plan = { ...loaded.plan, catalogue: loaded.plan.catalogue ?? catalogue.id };
  const judgement = judgePlan(catalogue, plan, { today: todayOf(ctx.io) });
  const store = await openCommandStore(ctx);
  // The store decides, under its lock, whether the name is free or may be replaced (--force).
  const saved = store.savePlan(name, plan, { replace: options.force === true });
  const shown = file === '-' ? 'standard input' : file;
  if (ctx.json) {
    ctx.out(`${safeJson({ imported: shown, name: saved.name, verdict: judgementJson(shown, judgement) })}\n`);
  } else {
    ctx.out(renderJudgement(saved.name, judgement, makeStyle(ctx.colour), ctx.width));
    const name = safeLine(saved.name);
    const imported = `Imported ${safeLine(shown)} as "${name}".`;
    ctx.err(
      statusText(
        judgement.valid
          ? { said: imported }
          : {
              said: `${imported} It does not meet every rule yet; change it with:`,
              command: `study-planner plans edit ${nameArgument(name)}`,
            },
        ctx.width,
      ),
    );
  }
  return judgement.valid ? 'success' : 'invalid';
}
