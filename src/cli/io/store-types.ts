import type { PlanFile } from '../../domain/plan/schema.js';

/**
 * The store keeps saved plans, the planner's draft and saved defaults between runs, in one JSON
 * file (conf) whose location STUDY_PLANNER_STORE_DIR overrides. This file is the interface the
 * commands code against; store.ts implements it.
 */

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
  /** Exactly a plan file (the contract's format), with the catalogue identifier filled in. */
  plan: PlanFile;
  /** ISO 8601 time of the last save. */
  updatedAt: string;
}

/**
 * The interactive planner's answers so far. Every field is optional: a missing one is a step not
 * yet answered. `--resume` continues from the first missing step.
 */
export interface Draft {
  catalogue: string;
  residency?: 'local' | 'non-local';
  mode?: string;
  core?: string[];
  elective?: string[];
  route?: string;
  extra?: string[];
  fellowship?: boolean;
  name?: string;
  /**
   * Answers to steps that none of the fields above names: another catalogue's requirements
   * (the planner's steps are read off the catalogue). Subjects picked, by step key ...
   */
  picks?: Record<string, string[]>;
  /** ... and the option taken at each choice between alternatives, by requirement identifier. */
  routes?: Record<string, string>;
  /** Issue 4: a schedule proposed or edited in the planner. */
  schedule?: { term: string; subjects: string[] }[];
  updatedAt: string;
}

export interface SavePlanOptions {
  /** Replace the saved plan of that name (any letter case or Unicode form), as --force or the user's yes says. */
  replace?: boolean;
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
  deletePlan(name: string): boolean;
  getDraft(): Draft | undefined;
  saveDraft(draft: Draft): void;
  clearDraft(): void;
}
