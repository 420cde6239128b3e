import type { PlanFile } from '../../domain/plan/schema.js';
import type { Answers } from '../../domain/plan/steps.js';

/**
 * The store keeps saved plans, the planner's draft and saved defaults between runs, in one JSON
 * file (conf) whose location STUDY_PLANNER_STORE_DIR overrides. This file is the interface the
 * commands code against; store.ts implements it.
 */

/**
 * Bumped when the store's shape changes in a way an older program could not read; an older
 * program then says the store is newer and to upgrade. store-migrate.ts brings older stores up.
 */
export const STORE_VERSION = 2;

/** Everything the store file holds. */
export interface StoreData {
  version: typeof STORE_VERSION;
  defaults: Defaults;
  plans: SavedPlan[];
  draft?: Draft;
}

/** Saved defaults, set with `config set KEY VALUE`. */
export interface Defaults {
  residency?: 'local' | 'non-local';
  mode?: string;
  catalogue?: string;
}
export type DefaultKey = keyof Defaults;
export const DEFAULT_KEYS: readonly DefaultKey[] = ['residency', 'mode', 'catalogue'];

export interface SavedPlan {
  name: string;
  /** Exactly a plan file, with the catalogue identifier filled in. */
  plan: PlanFile;
  /** ISO 8601 time of the last save. */
  updatedAt: string;
}

/**
 * The interactive planner's answers so far, kept as the planner holds them (`Answers`: a missing
 * answer is a step not yet taken), with the catalogue they answer. `--resume` continues from the
 * first step without an answer.
 */
export interface Draft {
  catalogue: string;
  answers: Answers;
  /**
   * Only in a draft carried over from a version-1 store, which kept the answers that the plan
   * command's flags give under the flags' names: they are placed on the catalogue's steps when
   * the draft is resumed, as only the catalogue says which steps those are.
   */
  byFlag?: FlagNamedAnswers;
  /**
   * The saved plan these answers edit (`plans edit`), as it was read when the edit began: resumed,
   * the draft is still that edit, and saving replaces the plan only if it is still as it was read.
   */
  editing?: SavedPlan;
  updatedAt: string;
}

/** A version-1 draft's answers under the plan command's flag names (--core, --elective, --route, --extra). */
export interface FlagNamedAnswers {
  core?: string[];
  elective?: string[];
  route?: string;
  extra?: string[];
}

export interface SavePlanOptions {
  /** Replace the saved plan of that name (any letter case or Unicode form), as --force or the user's yes says. */
  replace?: boolean;
  /**
   * Replace exactly this saved plan, as it was read (an edit of it): if another process has
   * changed, renamed or deleted it since, nothing is saved and the error says so. Its stored name
   * is kept as it is.
   */
  asRead?: SavedPlan;
}

export interface Store {
  /** The file the store lives in. */
  readonly path: string;
  defaults(): Defaults;
  setDefault<K extends DefaultKey>(key: K, value: NonNullable<Defaults[K]>): void;
  unsetDefault(key: DefaultKey): void;
  listPlans(): SavedPlan[];
  /** The plan a name means: named exactly, or else the one plan whose name differs only in letter case or Unicode form. */
  getPlan(name: string): SavedPlan | undefined;
  /**
   * Saves a plan under a name (kept trimmed, in NFC); atomic, and locked against other processes.
   * A name already saved in any letter case or Unicode form is refused (PlanNameTakenError) unless
   * `replace` is given; then that plan is replaced, and only it.
   */
  savePlan(name: string, plan: PlanFile, options?: SavePlanOptions): SavedPlan;
  /**
   * Deletes the saved plan of that exact stored name; false when there is none. With `asShown` (the
   * plan as the user was asked about it), a plan another process has changed since is not deleted:
   * the error says so.
   */
  deletePlan(name: string, asShown?: SavedPlan): boolean;
  /**
   * Gives the saved plan `from` (named as getPlan takes it) the name `to`, under the lock. Refused
   * when `to` is taken by another plan in any letter case or Unicode form; a new spelling of the
   * plan's own name (a change of case) is allowed. The plan and its time of saving are unchanged.
   */
  renamePlan(from: string, to: string): SavedPlan;
  getDraft(): Draft | undefined;
  saveDraft(draft: Draft): void;
  clearDraft(): void;
}
