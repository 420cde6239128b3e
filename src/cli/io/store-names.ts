import { joinWords } from '../../domain/rules/wording.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import type { SavedPlan } from './store-types.js';

/**
 * A saved plan's name is one name whatever its letter case or Unicode form: "My plan" and
 * "my plan" are the same plan, and so are "café" typed composed (NFC) or decomposed (NFD), which
 * look alike on screen and must not become two plans the user cannot tell apart.
 */

/** A name as the store keeps it: as the user last wrote it, without spaces at either end, in NFC. */
export function storedPlanName(name: string): string {
  return name.trim().normalize('NFC');
}

/**
 * What makes two names one: the stored form, case-folded. Upper case then lower, as Unicode's full
 * case folding does ("ß" and "SS" are one name, as are "ﬁ" and "fi"), with the final sigma folded
 * too (toLowerCase writes "Σ" as "ς" at a word's end and "σ" elsewhere), composed again since
 * changing case may decompose.
 */
export function planNameKey(name: string): string {
  return (
    storedPlanName(name)
      .toUpperCase()
      .toLowerCase()
      // The capital sharp s lowers to "ß", not to the "ss" that case folding makes of both.
      .replace(/\u00df/g, 'ss')
      .replace(/\u03c2/g, '\u03c3')
      .normalize('NFC')
  );
}

/**
 * The saved plans a name means. A store written before names were one whatever their case may hold
 * two plans whose names differ only in letter case; the plan named exactly wins, and only when
 * none is named exactly are they all returned, so the caller can say the name is ambiguous.
 */
export function plansNamed(plans: readonly SavedPlan[], name: string): SavedPlan[] {
  const exact = plans.find((p) => p.name === name) ?? plans.find((p) => p.name === storedPlanName(name));
  if (exact) return [exact];
  const key = planNameKey(name);
  return plans.filter((p) => planNameKey(p.name) === key);
}

const quoted = (plans: readonly SavedPlan[]) =>
  joinWords(
    plans.map((p) => `"${safeLine(p.name)}"`),
    'and',
  );

/** Saving `name` would replace a saved plan, and the user has not said to. */
export class PlanNameTakenError extends UsageError {
  override name = 'PlanNameTakenError';
  constructor(
    readonly wanted: string,
    readonly taken: readonly SavedPlan[],
    doing: 'save' | 'rename' = 'save',
  ) {
    const same = taken.some((p) => p.name === wanted) ? '' : ` (names that differ only in letter case or Unicode form are one name)`;
    super(
      doing === 'rename'
        ? `a plan named ${quoted(taken)} is already saved${same}; choose another name, or delete or rename that plan first.`
        : taken.length === 1
          ? `a plan named ${quoted(taken)} is already saved${same}; pass --force to replace it, or choose another name with --name.`
          : `plans named ${quoted(taken)} are already saved${same}; to replace one, give its name exactly and pass --force, or choose another name with --name.`,
    );
  }
}

/** The name matches several saved plans (from an older store) and none of them exactly. */
export class AmbiguousPlanNameError extends UsageError {
  override name = 'AmbiguousPlanNameError';
  constructor(wanted: string, matches: readonly SavedPlan[]) {
    super(
      `"${safeLine(wanted)}" could mean any of the saved plans ${quoted(matches)}, whose names differ only in letter case; ` +
        'give the name exactly as it is saved (see "study-planner plans list").',
    );
  }
}

/**
 * The saved plan that saving under `name` replaces, or undefined when the name is free. Throws when
 * the name is taken and `replace` was not given, or when it matches several plans and none exactly.
 */
export function planToReplace(plans: readonly SavedPlan[], name: string, replace: boolean): SavedPlan | undefined {
  const taken = plansNamed(plans, name);
  if (taken.length === 0) return undefined;
  if (!replace) throw new PlanNameTakenError(storedPlanName(name), taken);
  if (taken.length > 1) throw new AmbiguousPlanNameError(name, taken);
  return taken[0];
}
