import type { Command } from 'commander';
import { completeWords, type CompletionValues } from '../completion/candidates.js';
import { SHELLS, type Shell } from '../completion/scripts.js';
import { surfaceOf } from '../completion/surface.js';
import type { Context } from '../context.js';
import { UsageError, type Outcome } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';

/** `completion SHELL`: the script that shell sources to complete study-planner's words. */
export function completion(ctx: Pick<Context, 'out'>, shell: string): Outcome {
  if (!Object.hasOwn(SHELLS, shell))
    throw new UsageError(
      `"${safeLine(shell)}" is not a shell completion is written for; use bash, zsh or fish, as in: study-planner completion bash.`,
    );
  ctx.out(SHELLS[shell as Shell]);
  return 'success';
}

/** The values of this catalogue and store; a broken store or catalogue offers nothing rather than failing a Tab. */
async function completionValues(ctx: Context): Promise<CompletionValues> {
  let catalogue;
  try {
    catalogue = ctx.catalogue();
  } catch {
    catalogue = undefined;
  }
  let planNames: string[] = [];
  try {
    const [{ readStore }, { storeFile }] = await Promise.all([import('../io/store-file.js'), import('../io/store-location.js')]);
    const read = readStore(storeFile(ctx.io.env));
    if (read.state === 'ok') planNames = read.data.plans.map((p) => p.name);
  } catch {
    planNames = [];
  }
  return {
    subjects: (category) =>
      (catalogue?.subjects ?? [])
        .filter((s) => category === undefined || s.category === category)
        .flatMap((s) => [s.title, ...(s.code ? [s.code] : [])]),
    categories: catalogue?.data.categories.map((c) => c.id) ?? [],
    modes: catalogue?.data.modes.map((m) => m.id) ?? [],
    planNames,
  };
}

/** The hidden `__complete WORDS... CURRENT`: one candidate a line, or "__files__". */
export async function completeCommand(ctx: Context, program: Command, words: readonly string[]): Promise<Outcome> {
  const before = words.slice(0, -1);
  const current = words[words.length - 1] ?? '';
  const result = completeWords(surfaceOf(program), before, current, await completionValues(ctx));
  // Candidates reach the command line and the shell's list of choices: one holding a control or
  // invisible character (a saved plan's name, say) is left out rather than shown escaped.
  ctx.out(
    result.kind === 'files'
      ? '__files__\n'
      : result.words
          .filter((w) => safeLine(w) === w)
          .map((w) => `${w}\n`)
          .join(''),
  );
  return 'success';
}
