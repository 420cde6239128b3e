import { wrap } from '../../render/wrap.js';
import fs from 'node:fs';
import type { Catalogue } from '../../../domain/catalogue/model.js';
import { carrySchedule, planFromAnswers, type AnswersWithResidency } from '../../../domain/plan/draft.js';
import { judgePlan } from '../../../domain/plan/judge.js';
import type { PlanFile } from '../../../domain/plan/schema.js';
import { NO_ANSWERS, type Answers } from '../../../domain/plan/steps.js';
import type { Context } from '../../context.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { todayOf } from '../../io/today.js';
import { planNameKey, plansNamed, planToReplace } from '../../io/store-names.js';
import { sinceRead } from '../../io/since-read.js';
import type { SavedPlan, Store } from '../../io/store-types.js';
import { ExitError, InterruptedError, UsageError, type Outcome } from '../../outcome.js';
import { judgementJson } from '../../render/check-json.js';
import { renderJudgement } from '../../render/check-report.js';
import { planFileText } from '../../render/plan-file.js';
import { safeJson, safeLine } from '../../render/sanitize.js';
import { nameArgument } from '../../render/shell-word.js';
import { statusText, type Status } from '../../render/status.js';
import { makeStyle } from '../../render/style.js';
import { isPromptExit, type Ask } from '../../prompts/ask.js';
import { answersFromDraft, draftFromAnswers } from './draft.js';
import { applyDefaults, applyFlags, type PlanFlags } from './flags.js';
import { plannerSession } from './session.js';
import { answersWithoutTerminal } from './without-terminal.js';

export interface PlanOptions extends PlanFlags {
  out?: string;
  force?: boolean;
  resume?: boolean;
}

/** What the planner needs from the world beyond the command's context; tests pass their own. */
export interface PlannerWorld {
  store: Store;
  /** The questions, made only when there is a terminal to ask in. */
  ask: () => Promise<Ask>;
  now: () => Date;
}

const RESUME = 'study-planner plan --resume';

/** The plan was saved (and its draft removed), then writing --out failed: nothing is left to resume. */
class SavedThenFailed extends ExitError {}

/**
 * The answers to start from: the draft when resuming, then saved defaults, then the flags over all;
 * and, for a draft that `plans edit` left, the saved plan it edits, as it was read.
 */
function startingAnswers(
  ctx: Context,
  catalogue: Catalogue,
  options: PlanOptions,
  store: Store,
): { answers: Answers; editing?: SavedPlan } {
  let answers = NO_ANSWERS;
  let editing: SavedPlan | undefined;
  if (options.resume) {
    const draft = store.getDraft();
    if (!draft) throw new UsageError('there is no draft to resume; run "study-planner plan" to start a plan.');
    if (draft.catalogue !== catalogue.id) {
      throw new UsageError(
        `the draft is for the catalogue "${safeLine(draft.catalogue)}", but "${catalogue.id}" is loaded; pass --catalogue FILE with that catalogue, or run "study-planner plan" to start again.`,
      );
    }
    answers = answersFromDraft(catalogue, draft);
    editing = draft.editing;
  }
  const given = applyDefaults(catalogue, answers, ctx.io.env, store.defaults());
  // A draft's schedule follows the subjects and mode that flags given with --resume change.
  const started = carrySchedule(catalogue, given, applyFlags(catalogue, given, options));
  return editing === undefined ? { answers: started } : { answers: started, editing };
}

/** The saved plan as an edit read it, when `name` is that plan's (in any letter case): saving replaces it only as it was. */
function editedUnder(name: string | undefined, edited: SavedPlan | undefined): SavedPlan | undefined {
  return edited !== undefined && name !== undefined && planNameKey(name) === planNameKey(edited.name) ? edited : undefined;
}

/**
 * Decide first, act last: the plan is saved and the plan file written only here, once. The draft
 * goes only when it is this plan's (another session's draft is not ours to remove), and whatever
 * was done before a failure is said in the error.
 */
function keepPlan(
  store: Store,
  plan: PlanFile,
  name: string | undefined,
  options: PlanOptions,
  { draftIsThisPlan, replace, asRead }: { draftIsThisPlan: boolean; replace: boolean; asRead?: SavedPlan | undefined },
): Status[] {
  const done: Status[] = [];
  let savedAs: string | undefined;
  if (name !== undefined) {
    // The store decides, under its lock, whether the name is still free or may be replaced.
    savedAs = safeLine(store.savePlan(name, plan, { replace, ...(asRead !== undefined ? { asRead } : {}) }).name);
    done.push({ said: `Saved as "${savedAs}". See it again with:`, command: `study-planner plans show ${nameArgument(savedAs)}` });
    if (draftIsThisPlan) {
      try {
        store.clearDraft();
      } catch (error) {
        // The plan is saved: that is said, and then why the draft is still there.
        if (!(error instanceof ExitError)) throw error;
        done.push({ said: `The draft could not be removed, so ${RESUME} would open it again: ${error.message}` });
      }
    }
  }
  if (options.out !== undefined) {
    try {
      writeFileAtomic(options.out, planFileText(plan), { overwrite: options.force === true });
    } catch (error) {
      if (error instanceof ExitError && savedAs !== undefined)
        throw new SavedThenFailed(error.code, `Saved as "${savedAs}"; but ${error.message}`);
      throw error;
    }
    done.push({ said: `Wrote ${safeLine(options.out)}.` });
  }
  return done;
}

/** Every answer from flags, saved defaults or the draft; no question asked. `edited`: the plan a resumed edit draft edits. */
function runWithoutTerminal(
  ctx: Context,
  catalogue: Catalogue,
  answers: Answers,
  options: PlanOptions,
  store: Store,
  edited?: SavedPlan,
): Outcome {
  const complete = answersWithoutTerminal(catalogue, answers) as AnswersWithResidency;
  // Nobody is there to ask whether to replace a saved plan, so a script must say so (--force).
  // Checked here too, before anything is printed; the store checks again as it saves.
  if (complete.name !== undefined) planToReplace(store.listPlans(), complete.name, options.force === true);
  const plan = planFromAnswers(catalogue, complete);
  const judgement = judgePlan(catalogue, plan);
  let done: Status[] = [];
  let notKept: ExitError | undefined;
  try {
    done = keepPlan(store, plan, complete.name, options, {
      draftIsThisPlan: options.resume === true,
      replace: options.force === true,
      asRead: editedUnder(complete.name, edited),
    });
  } catch (error) {
    // A full or read-only disk must not lose the plan: it is printed all the same, then the error.
    if (!(error instanceof ExitError)) throw error;
    notKept = error;
  }
  if (ctx.json) {
    // The verdict is what `check --json` gives for this plan; its file is --out's, or null.
    const verdict = { ...judgementJson(options.out ?? '', judgement), file: options.out ?? null };
    ctx.out(`${safeJson({ plan, verdict })}\n`);
  } else {
    ctx.out(renderJudgement(complete.name ?? 'Your plan', judgement, makeStyle(ctx.colour), ctx.width));
  }
  // What was saved or written is a status line, never the result: stdout stays the report or the JSON alone.
  for (const status of done) ctx.err(statusText(status, ctx.width));
  if (notKept) throw notKept;
  return judgement.valid ? 'success' : 'invalid';
}

/** How a session starts: `editing` names the saved plan `plans edit` opened, whose answers are all given. */
export interface SessionStart {
  editing?: string;
  /** The saved plan being edited, as it was read: saving under its name replaces it only as it was. */
  asRead?: SavedPlan;
}

export async function runInTerminal(
  ctx: Context,
  catalogue: Catalogue,
  answers: Answers,
  options: PlanOptions,
  world: PlannerWorld,
  start: SessionStart = {},
): Promise<Outcome> {
  const { store } = world;
  let kept = options.resume === true;
  // A draft that cannot be written (a full disk) does not end the session: it goes on, says so
  // once, and tries again at the next answer; what a stop keeps is then said as it is.
  let latestKept = true;
  /** Saves the answers as the draft: undefined when it is kept, else why not (a full disk, say). */
  const keepDraft = (a: Answers): ExitError | undefined => {
    try {
      store.saveDraft(draftFromAnswers(catalogue, a, world.now(), start.asRead));
    } catch (error) {
      if (!(error instanceof ExitError)) throw error;
      latestKept = false;
      return error;
    }
    kept = true;
    latestKept = true;
    return undefined;
  };
  if (!options.resume && store.getDraft() !== undefined) {
    ctx.err(
      statusText(
        { said: `A draft from an earlier session is kept until you answer the first question here; to continue it instead, run ${RESUME}` },
        ctx.width,
      ),
    );
  }
  const style = makeStyle(ctx.colour);
  const session = {
    catalogue,
    ask: await world.ask(),
    style,
    width: ctx.width,
    say: (text: string) => ctx.out(text),
    keep: (a: Answers) => {
      const wasKept = latestKept;
      const failure = keepDraft(a);
      // Said once, when failures begin; the planner goes on and tries again after the next answer.
      if (failure !== undefined && wasKept) ctx.err(`${wrap(draftNotKept(failure), ctx.width)}\n`);
    },
    takenBy: (name: string) => plansNamed(store.listPlans(), name).map((p) => p.name),
    ...(options.out !== undefined ? { out: options.out } : {}),
    // Today decides which terms have passed: results are asked for those (session.ts), and with a
    // record the review shows what is still to pay.
    today: todayOf(ctx.io),
    ...(start.editing !== undefined ? { editing: start.editing } : {}),
  };
  let end;
  try {
    // An edited plan's included requirements were shown when it was planned: it opens at the review.
    end = await plannerSession(session, answers, { resumed: options.resume === true || start.editing !== undefined });
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    // Fitted to the terminal like the planner's other words (at 40 columns it broke "not / hing").
    throw new InterruptedError(wrap(stoppedMessage(kept, latestKept), ctx.width));
  }
  if (end.outcome === 'discard') {
    store.clearDraft();
    const said =
      start.editing === undefined
        ? 'Discarded: nothing was saved, and the draft is gone.'
        : `Discarded the changes: the saved plan "${safeLine(start.editing)}" is as it was, and the draft is gone.`;
    ctx.err(statusText({ said }, ctx.width));
    return 'success';
  }
  const plan = planFromAnswers(catalogue, end.answers);
  const valid = judgePlan(catalogue, plan).valid;
  let done: Status[];
  try {
    // Only the user's yes at the review replaces a saved plan, whatever --force says.
    // Saved under the edited plan's own name, it replaces that plan only as it was read.
    const asRead = editedUnder(end.answers.name, start.asRead);
    done = keepPlan(store, plan, end.answers.name, options, { draftIsThisPlan: true, replace: end.replace, asRead });
  } catch (error) {
    if (!(error instanceof ExitError) || error instanceof SavedThenFailed) throw error;
    // Nothing was saved: the answers as they stood, kept as the draft the message offers to resume
    // (an edit's answers may not have been kept at all before).
    keepDraft(end.answers);
    throw new ExitError(
      error.code,
      latestKept
        ? `${error.message} Your answers are kept as a draft; to come back to them, run ${RESUME}`
        : `${error.message} The draft could not be saved either${kept ? `: only earlier answers are kept, for ${RESUME}` : ''}.`,
    );
  }
  for (const status of done) ctx.err(statusText(status, ctx.width));
  return valid ? 'success' : 'invalid';
}

function draftNotKept(error: ExitError): string {
  return safeLine(`study-planner: ${error.message} The planner goes on, and saves the draft again after your next answer.`);
}

/** What a stop (Ctrl-C) keeps, said as it is. */
function stoppedMessage(kept: boolean, latestKept: boolean): string {
  if (!kept)
    return latestKept
      ? 'Stopped before the first answer; there was nothing to keep.'
      : 'Stopped. No draft could be saved, so nothing was kept.';
  if (latestKept) return `Stopped. Your answers so far are kept as a draft; to continue, run ${RESUME}`;
  return `Stopped. Only your earlier answers are kept as a draft (the latest could not be saved); to continue from them, run ${RESUME}`;
}

/**
 * `plan`: the guided way to build a plan. In a terminal it asks whatever the flags, saved defaults
 * and (with --resume) the draft have not answered; without one, those must answer everything.
 */
export async function runPlanner(ctx: Context, options: PlanOptions, world: PlannerWorld): Promise<Outcome> {
  const catalogue = ctx.catalogue();
  // Before any question: refusing to overwrite after ten answers would waste them.
  if (options.out !== undefined && !options.force && fs.existsSync(options.out)) {
    throw new UsageError(`${safeLine(options.out)} already exists; pass --force to overwrite it, or choose another file with --out.`);
  }
  const { answers, editing } = startingAnswers(ctx, catalogue, options, world.store);
  // --json is for scripts: its stdout holds the result alone, so it never prompts either. Nobody is
  // there to ask, so a resumed edit replaces its plan only as it read it, or saves nothing.
  if (!ctx.interactive || ctx.json) return runWithoutTerminal(ctx, catalogue, answers, options, world.store, editing);
  return runInTerminal(ctx, catalogue, answers, options, world, resumedEdit(ctx, world.store, editing));
}

/**
 * How a resumed draft starts in a terminal. A draft `plans edit` left is still that edit: its
 * review replaces the plan it edits. Unless another process has changed, renamed or deleted that
 * plan since, when saving would only be refused again: the answers then go on as a new plan's,
 * and saving under a name already taken asks first, as for any plan.
 */
function resumedEdit(ctx: Context, store: Store, editing: SavedPlan | undefined): SessionStart {
  if (editing === undefined) return {};
  const since = sinceRead(store.listPlans(), editing);
  const name = safeLine(editing.name);
  if (since === 'unchanged') {
    ctx.err(statusText({ said: `Resuming your changes to the saved plan "${name}".` }, ctx.width));
    return { editing: editing.name, asRead: editing };
  }
  ctx.err(
    statusText(
      {
        said: `The saved plan "${name}" was ${since} by another study-planner since this edit began, so these answers no longer edit it; saving under a name already taken asks first.`,
      },
      ctx.width,
    ),
  );
  return {};
}
