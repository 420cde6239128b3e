import type { Catalogue, Subject } from '../catalogue/model.js';
import { assign, assignGreedily, plainlyUnmet, type Standing } from './assign.js';
import { canonicalCatalogue, canonicalPlanOf, type Tiers } from './canonical.js';
import { Remembered } from './remembered.js';
import { describeShortfall } from './wording.js';
import { choiceList } from './choices.js';
import { decideBySearch } from './search/decide.js';
import type { RequirementResult } from './result.js';

export type { RequirementResult } from './result.js';

export interface Evaluation {
  satisfied: boolean;
  requirements: RequirementResult[];
  /** Every subject that counts towards graduation. */
  counted: ReadonlySet<Subject>;
}

export { choices, choiceCount } from './choices.js';

function score(standings: readonly Standing[]): [number, number] {
  let met = 0;
  let progress = 0;
  for (const s of standings) {
    if (s.satisfied) met++;
    progress += s.need === 0 ? 1 : Math.min(1, s.have / s.need);
  }
  return [met, progress];
}

/**
 * How option `o` of requirement `i` would stand if taken instead, counting only what it can have
 * without taking from the requirements that are met now: otherwise an alternative could look met
 * ("0 more") only by emptying another requirement.
 */
function alternativeStanding(
  catalogue: Catalogue,
  plan: readonly Subject[],
  choice: readonly number[],
  current: readonly Standing[],
  i: number,
  o: number,
): Standing {
  const alternative = [...choice];
  alternative[i] = o;
  const keepsOthers = (standings: readonly Standing[]) => standings.every((s, j) => j === i || !current[j]!.satisfied || s.satisfied);
  const full = assign(catalogue, plan, alternative, i);
  if (keepsOthers(full)) return full[i]!;
  for (let units = full[i]!.have - 1; units >= 0; units--) {
    const limited = assign(catalogue, plan, alternative, i, { index: i, units });
    if (keepsOthers(limited)) return limited[i]!;
  }
  return { ...full[i]!, counted: [], have: 0, satisfied: false };
}

/**
 * The first choice of options under which every requirement is met, if any. Each choice is
 * settled exactly, cheapest test first: too few eligible subjects at all rules it out; a greedy
 * assignment that works proves it; otherwise the flow decides.
 */
function firstChoiceMet(catalogue: Catalogue, plan: readonly Subject[]): { choice: number[]; standings: Standing[] } | undefined {
  for (const choice of choiceList(catalogue)) {
    if (plainlyUnmet(catalogue, plan, choice)) continue;
    const standings = assignGreedily(catalogue, plan, choice) ?? assign(catalogue, plan, choice);
    if (standings.every((s) => s.satisfied)) return { choice, standings };
  }
  return undefined;
}

/** When no choice meets everything: the one that meets the most requirements, then comes closest on the rest. */
function closestChoice(catalogue: Catalogue, plan: readonly Subject[]): { choice: number[]; standings: Standing[] } {
  let best: { choice: number[]; standings: Standing[]; score: [number, number] } | undefined;
  for (const choice of choiceList(catalogue)) {
    const standings = assign(catalogue, plan, choice);
    const s = score(standings);
    if (!best || s[0] > best.score[0] || (s[0] === best.score[0] && s[1] > best.score[1])) best = { choice, standings, score: s };
  }
  return best!;
}

/**
 * Judges a list of distinct catalogue subjects against every requirement. Tries each choice of
 * options (a dissertation or three more subjects, ...), assigns subjects by minimum-cost flow under
 * each, and keeps the first choice that meets everything, or failing that the one that comes closest.
 * It decides on a canonical form (requirements in canonical order, subjects by identifier), so the
 * result never depends on the order of either; it reports in the catalogue's order of requirements,
 * with each requirement's subjects in the plan's order. Where the requirements can be met in more
 * than one way, the subjects of the earlier `tiers` are counted first: those transferred, then those
 * completed, so that what is left over (an extra subject, billed) is one still to take where it
 * can be, and never one transferred, which is not billed.
 */
export function evaluate(catalogue: Catalogue, plan: readonly Subject[], tiers?: Tiers): Evaluation {
  const canonical = canonicalCatalogue(catalogue);
  const ordered = canonicalPlanOf(catalogue, plan, tiers !== undefined && tiers.some((t) => t.size > 0) ? tiers : undefined);
  // The verdict depends only on the set of subjects (decide sees them in canonical order), so a
  // set met before is not decided again; each plan still gets its own order below.
  const decided =
    ordered.key === undefined
      ? decide(canonical.catalogue, ordered.plan)
      : verdicts.get(catalogue, ordered.key, () => decide(canonical.catalogue, ordered.plan));
  const position = new Map<Subject, number>();
  for (let k = 0; k < plan.length; k++) position.set(plan[k]!, k);
  const requirements = new Array<RequirementResult>(decided.length);
  for (let i = 0; i < decided.length; i++) {
    const result = decided[i]!;
    requirements[canonical.from[i]!] = { ...result, counted: inPlanOrder(result.counted, position) };
  }
  // Loops, not flatMap and every: this runs once per plan of a cohort.
  const counted = new Set<Subject>();
  let satisfied = true;
  for (const requirement of requirements) {
    for (const subject of requirement.counted) counted.add(subject);
    if (!requirement.satisfied) satisfied = false;
  }
  return { satisfied, requirements, counted };
}

/**
 * A copy of `subjects` in the order of their `position`, ties kept in order (as a stable sort
 * would): by insertion, as a requirement counts a handful of subjects.
 */
function inPlanOrder(subjects: readonly Subject[], position: ReadonlyMap<Subject, number>): Subject[] {
  const sorted = subjects.slice();
  if (sorted.length > 32) return sorted.sort((a, b) => position.get(a)! - position.get(b)!);
  for (let i = 1; i < sorted.length; i++) {
    const subject = sorted[i]!;
    const at = position.get(subject)!;
    let j = i - 1;
    for (; j >= 0 && position.get(sorted[j]!)! > at; j--) sorted[j + 1] = sorted[j]!;
    sorted[j + 1] = subject;
  }
  return sorted;
}

// Verdicts (decide's results, never changed once made) by catalogue and set of subjects. Few:
// every verdict kept outlives the young generation and is copied by the collector, which cost a
// cohort of 10,000 mostly distinct plans (bench/ratios.mjs) more than its hits saved at 10,000.
const verdicts = new Remembered<RequirementResult[]>(1_000);

function decide(catalogue: Catalogue, plan: readonly Subject[]): RequirementResult[] {
  if (!catalogue.v1Shaped) return decideBySearch(catalogue, plan);
  const { choice, standings } = firstChoiceMet(catalogue, plan) ?? closestChoice(catalogue, plan);
  return catalogue.requirements.map((requirement, i): RequirementResult => {
    const standing = standings[i]!;
    let missing: string | null = null;
    if (!standing.satisfied) {
      // For alternatives, say what each would still need with everything else as it stands.
      missing = requirement.options
        .map((_, o) => (o === choice[i] ? standing : alternativeStanding(catalogue, plan, choice, standings, i, o)))
        .map((s) => describeShortfall(catalogue, s))
        .join(', or ');
    }
    return {
      id: requirement.id,
      label: requirement.label,
      satisfied: standing.satisfied,
      counted: standing.counted,
      missing,
      option: requirement.options.length > 1 ? { id: standing.option.id, label: standing.option.label } : null,
      have: standing.have,
      need: standing.need,
      unit: standing.unit,
    };
  });
}
