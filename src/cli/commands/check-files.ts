import type { Readable } from 'node:stream';
import type { Catalogue } from '../../domain/catalogue/model.js';
import { judgePlan } from '../../domain/plan/judge.js';
import { planFromText, readPlanText, type LoadedPlan, type PlanText } from '../io/plan-file.js';
import { judgementJson, failureJson } from '../render/check-json.js';
import { renderJudgement } from '../render/check-report.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle, MARK } from '../render/style.js';

export interface CheckOptions {
  json: boolean;
  colour: boolean;
  /** Colour for what goes to stderr, which may be a file while stdout is a terminal. */
  errColour: boolean;
  width: number;
  /** The standard input that `-` names. */
  stdin: Readable;
  /** Today, "2025-10-01": what is still to pay is reckoned from it. */
  today?: string;
}

/** What checking a run of files produced: output in order, for stdout or stderr, and a tally. */
export interface CheckedRun {
  segments: { stream: 'out' | 'err'; text: string }[];
  valid: number;
  invalid: number;
  failed: number;
}

// Reading a run of files back to back, and only then parsing and judging them, is quicker than
// reading each just before judging it: over 10,000 plans, reading took about 125 ms instead of
// 240, and the work after it less too (docs/performance.md, "Reading ahead"). Bounded, so that a
// run of large files is never held at once: the held texts' characters.
export const READ_AHEAD_CHARACTERS = 1024 * 1024;

/**
 * The plans of `files` from `from` on: read back to back until READ_AHEAD_CHARACTERS of text are
 * held (so at least one file is read), then each parsed and validated.
 */
export function loadAhead(catalogue: Catalogue, files: readonly string[], from: number, stdin: Readable): LoadedPlan[] {
  const texts: PlanText[] = [];
  let held = 0;
  for (let i = from; i < files.length && held < READ_AHEAD_CHARACTERS; i++) {
    const read = readPlanText(files[i]!, stdin);
    if (read.ok) held += read.text.length;
    texts.push(read);
  }
  return texts.map((text, k) => planFromText(catalogue, files[from + k]!, text));
}

/**
 * Checks `files`, the ones at positions `first`, `first + 1`, ... of the whole list (which decides
 * the separators), and renders each result as `check` prints it.
 */
export function checkFiles(catalogue: Catalogue, files: readonly string[], first: number, options: CheckOptions): CheckedRun {
  const style = makeStyle(options.colour);
  const errStyle = makeStyle(options.errColour);
  const run: CheckedRun = { segments: [], valid: 0, invalid: 0, failed: 0 };
  let out = '';
  const flush = () => {
    if (out !== '') run.segments.push({ stream: 'out', text: out });
    out = '';
  };
  let plans: LoadedPlan[] = [];
  let plansFrom = 0;
  files.forEach((file, offset) => {
    if (offset >= plansFrom + plans.length) {
      plans = loadAhead(catalogue, files, offset, options.stdin);
      plansFrom = offset;
    }
    const index = first + offset;
    if (options.json && index > 0) out += ',\n';
    const loaded = plans[offset - plansFrom]!;
    if (!loaded.ok) {
      run.failed++;
      if (options.json) out += safeJson(failureJson(file, loaded.code, loaded.messages));
      else {
        flush();
        run.segments.push({ stream: 'err', text: `${errStyle.bad(MARK.bad)} ${loaded.messages.map(safeLine).join('\n  ')}\n` });
      }
      return;
    }
    const judgement = judgePlan(catalogue, loaded.plan, { today: options.today });
    if (judgement.valid) run.valid++;
    else run.invalid++;
    if (options.json) out += safeJson(judgementJson(file, judgement));
    else out += (index > 0 ? '\n' : '') + renderJudgement(file === '-' ? 'standard input' : file, judgement, style, options.width);
  });
  flush();
  return run;
}
