import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Context } from '../context.js';
import { drained } from '../io/drained.js';
import { todayOf } from '../io/today.js';
import { UsageError, type Outcome } from '../outcome.js';
import { checkFiles, type CheckedRun, type CheckOptions } from './check-files.js';

// Small enough that output starts at once and memory stays flat; large enough to write in bulk.
const CHUNK = 100;

function* checkInChunks(catalogue: Catalogue, files: readonly string[], options: CheckOptions): Generator<CheckedRun> {
  for (let first = 0; first < files.length; first += CHUNK) yield checkFiles(catalogue, files.slice(first, first + CHUNK), first, options);
}

/** `check FILE...`: judge every plan, one bad file never stopping the rest. */
export async function check(ctx: Context, files: readonly string[]): Promise<Outcome> {
  if (files.length === 0)
    throw new UsageError('check needs at least one plan file, or - for standard input; for example: study-planner check plan.json');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) holds one plan and can be named only once.');
  const options: CheckOptions = {
    json: ctx.json,
    colour: ctx.colour,
    errColour: ctx.colour && ctx.io.stderr.isTTY === true,
    width: ctx.width,
    stdin: ctx.io.stdin,
    today: todayOf(ctx.io),
  };
  // A bad catalogue stops the command before it prints anything.
  const runs = checkInChunks(ctx.catalogue(), files, options);
  const tally = { valid: 0, invalid: 0, failed: 0 };
  if (ctx.json) ctx.out('[');
  for (const run of runs) {
    // Results are written as they come, never held; a slow reader is waited for, not buffered for.
    await drained(ctx.io.stdout);
    for (const { stream, text } of run.segments) (stream === 'out' ? ctx.out : ctx.err)(text);
    tally.valid += run.valid;
    tally.invalid += run.invalid;
    tally.failed += run.failed;
  }
  if (ctx.json) ctx.out(']\n');
  else if (files.length > 1) {
    ctx.out(`\n${files.length} plans checked: ${tally.valid} valid, ${tally.invalid} invalid, ${tally.failed} could not be read.\n`);
  }
  return tally.failed > 0 ? 'failed' : tally.invalid > 0 ? 'invalid' : 'success';
}
