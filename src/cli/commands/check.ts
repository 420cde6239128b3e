import type { Catalogue } from '../../domain/catalogue/model.js';
import { colourOnStderr, type Context } from '../context.js';
import { drained } from '../io/drained.js';
import { todayOf } from '../io/today.js';
import { UsageError, type Outcome } from '../outcome.js';
import { checkFiles, type CheckedRun, type CheckOptions } from './check-files.js';
import { progressLine, realClock, type ProgressClock } from './check-progress.js';
import { statusText } from '../render/status.js';

// Small enough that output starts at once and memory stays flat; large enough to write in bulk.
const CHUNK = 100;

function* checkInChunks(catalogue: Catalogue, files: readonly string[], options: CheckOptions): Generator<CheckedRun> {
  for (let first = 0; first < files.length; ) {
    // Standard input starts a chunk of its own: at a terminal, what came before it is written
    // before the program waits for a plan to be typed in.
    const limit = Math.min(files.length, first + CHUNK);
    let end = first + 1;
    while (end < limit && files[end] !== '-') end++;
    yield checkFiles(catalogue, files.slice(first, end), first, options);
    first = end;
  }
}

// Whoever runs `check -` at a terminal would otherwise face a silent wait.
const END_OF_INPUT = process.platform === 'win32' ? 'Ctrl-Z, then Enter' : 'Ctrl-D on a line of its own';

/**
 * `check FILE...`: judge every plan, one bad file never stopping the rest. A long run at a
 * terminal shows how far it has got on stderr (`clock` drives that line; tests pass their own).
 */
export async function check(ctx: Context, files: readonly string[], clock: ProgressClock = realClock): Promise<Outcome> {
  if (files.length === 0)
    throw new UsageError('check needs at least one plan file, or - for standard input; for example: study-planner check plan.json');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) holds one plan and can be named only once.');
  const options: CheckOptions = {
    json: ctx.json,
    colour: ctx.colour,
    errColour: colourOnStderr(ctx),
    width: ctx.width,
    stdin: ctx.io.stdin,
    today: todayOf(ctx.io),
  };
  // A bad catalogue stops the command before it prints anything.
  const runs = checkInChunks(ctx.catalogue(), files, options);
  if (files.includes('-') && ctx.io.stdin.isTTY === true)
    ctx.err(statusText({ said: `Reading a plan from standard input: type or paste it, then press ${END_OF_INPUT} to end it.` }, ctx.width));
  const tally = { valid: 0, invalid: 0, failed: 0 };
  const progress = progressLine(ctx.io.stderr, files.length, clock);
  // Results written to the same screen as the progress line must not land in the middle of it.
  const sharesScreen = ctx.io.stdout.isTTY === true;
  try {
    if (ctx.json) ctx.out('[');
    for (const run of runs) {
      // Results are written as they come, never held; a slow reader is waited for, not buffered for.
      await drained(ctx.io.stdout);
      if (sharesScreen || run.segments.some((s) => s.stream === 'err')) progress.clear();
      for (const { stream, text } of run.segments) (stream === 'out' ? ctx.out : ctx.err)(text);
      tally.valid += run.valid;
      tally.invalid += run.invalid;
      tally.failed += run.failed;
      progress.update(tally.valid + tally.invalid + tally.failed);
    }
  } finally {
    progress.end();
  }
  if (ctx.json) ctx.out(']\n');
  else if (files.length > 1) {
    ctx.out(`\n${files.length} plans checked: ${tally.valid} valid, ${tally.invalid} invalid, ${tally.failed} could not be read.\n`);
  }
  return tally.failed > 0 ? 'failed' : tally.invalid > 0 ? 'invalid' : 'success';
}
