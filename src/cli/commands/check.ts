import { judgePlan } from '../../domain/plan/judge.js';
import type { Context } from '../context.js';
import { bufferedOutput, drained } from '../io/buffered-output.js';
import { loadPlanFile } from '../io/plan-file.js';
import { UsageError, type Outcome } from '../outcome.js';
import { judgementJson, failureJson } from '../render/check-json.js';
import { renderJudgement } from '../render/check-report.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle, MARK } from '../render/style.js';

/** `check FILE...`: judge every plan, one bad file never stopping the rest. */
export async function check(ctx: Context, files: readonly string[]): Promise<Outcome> {
  if (files.length === 0) throw new UsageError('check needs at least one plan file, or - for standard input; for example: study-planner check plan.json');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) holds one plan and can be named only once.');
  const catalogue = ctx.catalogue();
  const style = makeStyle(ctx.colour);
  const out = bufferedOutput(ctx.out);
  const tally = { valid: 0, invalid: 0, failed: 0 };
  if (ctx.json) out.write('[');
  for (const [index, file] of files.entries()) {
    // Results are written as they come, never held; a slow reader is waited for, not buffered for.
    await drained(ctx.io.stdout);
    const loaded = loadPlanFile(catalogue, file);
    if (ctx.json && index > 0) out.write(',\n');
    if (!loaded.ok) {
      tally.failed++;
      if (ctx.json) out.write(safeJson(failureJson(file, loaded.code, loaded.messages)));
      else {
        out.flush();
        ctx.err(`${style.bad(MARK.bad)} ${loaded.messages.map(safeLine).join('\n  ')}\n`);
      }
      continue;
    }
    const judgement = judgePlan(catalogue, loaded.plan);
    judgement.valid ? tally.valid++ : tally.invalid++;
    if (ctx.json) out.write(safeJson(judgementJson(file, judgement)));
    else out.write((index > 0 ? '\n' : '') + renderJudgement(file === '-' ? 'standard input' : file, judgement, style, ctx.width));
  }
  if (ctx.json) out.write(']\n');
  else if (files.length > 1) {
    out.write(`\n${files.length} plans checked: ${tally.valid} valid, ${tally.invalid} invalid, ${tally.failed} could not be read.\n`);
  }
  out.flush();
  return tally.failed > 0 ? 'failed' : tally.invalid > 0 ? 'invalid' : 'success';
}
