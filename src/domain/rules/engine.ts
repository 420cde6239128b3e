import type { Catalogue, Subject } from '../catalogue/model.js';
import { assign, assignGreedily, plainlyUnmet, type Standing, type Unit } from './assign.js';
import { canonicalCatalogue, canonicalPlan } from './canonical.js';
import { describeShortfall } from './wording.js';
import { choices } from './choices.js';
import { decideBySearch } from './search/decide.js';

export interface RequirementResult {
  id: string;
  label: string;
  satisfied: boolean;
  /** Subjects counted towards this requirement, none of them counted anywhere else. */
  counted: Subject[];
  /** What is still missing, in a student's words; null when satisfied. */
  missing: string | null;
  /** The option that counts (or is closest), for requirements with alternatives. */
  option: { id: string; label: string } | null;
  have: number;
  need: number;
  unit: Unit;
}

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
  for (const choice of choices(catalogue)) {
    if (plainlyUnmet(catalogue, plan, choice)) continue;
    const standings = assignGreedily(catalogue, plan, choice) ?? assign(catalogue, plan, choice);
    if (standings.every((s) => s.satisfied)) return { choice, standings };
  }
  return undefined;
}

/** When no choice meets everything: the one that meets the most requirements, then comes closest on the rest. */
function closestChoice(catalogue: Catalogue, plan: readonly Subject[]): { choice: number[]; standings: Standing[] } {
  let best: { choice: number[]; standings: Standing[]; score: [number, number] } | undefined;
  for (const choice of choices(catalogue)) {
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
 * with each requirement's subjects in the plan's order.
 */
export function evaluate(catalogue: Catalogue, plan: readonly Subject[]): Evaluation {
  const canonical = canonicalCatalogue(catalogue);
  const decided = decide(canonical.catalogue, canonicalPlan(plan));
  const position = new Map(plan.map((subject, k) => [subject, k]));
  const requirements = new Array<RequirementResult>(decided.length);
  decided.forEach((result, i) => {
    requirements[canonical.from[i]!] = { ...result, counted: [...result.counted].sort((a, b) => position.get(a)! - position.get(b)!) };
  });
  const counted = new Set(requirements.flatMap((r) => r.counted));
  return { satisfied: requirements.every((r) => r.satisfied), requirements, counted };
}

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
