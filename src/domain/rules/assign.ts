import type { Catalogue, RequirementOption, Subject } from '../catalogue/model.js';
import { fewestCreditsReaching } from './fewest-credits.js';
import { FlowNetwork } from './min-cost-flow.js';

export type Unit = 'subject' | 'credit';

/** How one requirement fares under one choice of options. */
export interface Standing {
  option: RequirementOption;
  counted: Subject[];
  have: number;
  need: number;
  unit: Unit;
  satisfied: boolean;
}

export function needOf(option: RequirementOption): { need: number; unit: Unit } {
  const rule = option.rule;
  if (rule.type === 'all') return { need: option.eligible.size, unit: 'subject' };
  return { need: rule.min, unit: rule.type === 'credits' ? 'credit' : 'subject' };
}

/**
 * Assigns each planned subject to at most one requirement, with `choice[i]` the option taken for
 * requirement i, by a minimum-cost maximum flow:
 * - the flow meets as many subject-count units as any assignment can;
 * - the cost, first, fills earlier requirements before later ones (and `lastFilled` after all),
 *   so what is reported missing reads naturally. Among flows that meet every count rule this
 *   term is the same for all, so it never changes whether a plan is valid;
 * - the cost, second, takes the fewest credits from the pool of the one credit-based rule (the
 *   catalogue loader allows at most one per choice), which is then filled from what is left.
 *   A plan can meet every rule exactly when this does: see README, "The rules engine". That rule
 *   then counts the fewest credits that meet it (fewestCreditsReaching);
 * - the cost, last, settles ties by the plan's order, which `evaluate` makes canonical (by
 *   identifier) so that nothing depends on the order a student listed the subjects in.
 */
export function assign(
  catalogue: Catalogue,
  plan: readonly Subject[],
  choice: readonly number[],
  lastFilled = -1,
  /** Lets requirement `index` take at most `units`, leaving the rest to the others. */
  limit?: { index: number; units: number },
): Standing[] {
  // Plain loops and parallel arrays: this runs several times for every plan that falls short.
  const requirements = catalogue.requirements;
  const options = new Array<RequirementOption>(requirements.length);
  const targets = new Array<number>(requirements.length);
  const countIndices: number[] = [];
  let creditIndex = -1;
  for (let i = 0; i < requirements.length; i++) {
    const option = requirements[i]!.options[choice[i]!]!;
    const need = needOf(option).need;
    options[i] = option;
    targets[i] = limit?.index === i ? Math.min(limit.units, need) : need;
    if (option.rule.type !== 'credits') countIndices.push(i);
    else if (creditIndex === -1) creditIndex = i;
  }
  const creditPool = creditIndex === -1 ? undefined : options[creditIndex]!.eligible;

  const n = plan.length;
  let planCredits = 0;
  for (let k = 0; k < n; k++) planCredits += plan[k]!.credits;
  const rank = (requirement: number) => (requirement === lastFilled ? options.length : requirement);
  // Three terms, weighted so each always outweighs the next: priority, credits, plan order.
  const orderWeight = 1;
  const creditWeight = (n + 1) * (options.length + 1);
  const priorityWeight = creditWeight * (planCredits + 1);
  const source = 0;
  const sink = n + countIndices.length + 1;
  const network = new FlowNetwork(sink + 1);
  // Each link of a subject to a requirement: the subject, the requirement, the edge.
  const linkSubject: number[] = [];
  const linkRequirement: number[] = [];
  const linkEdge: number[] = [];
  for (let k = 0; k < n; k++) {
    const subject = plan[k]!;
    let linked = false;
    const creditCost = creditPool?.has(subject.id) ? subject.credits : 0;
    for (let j = 0; j < countIndices.length; j++) {
      const requirement = countIndices[j]!;
      if (!options[requirement]!.eligible.has(subject.id)) continue;
      // Earlier subjects go to earlier requirements: a stable tie-break.
      const orderCost = k * (options.length - rank(requirement));
      const cost = rank(requirement) * priorityWeight + creditCost * creditWeight + orderCost * orderWeight;
      linkSubject.push(k);
      linkRequirement.push(requirement);
      linkEdge.push(network.addEdge(1 + k, 1 + n + j, 1, cost));
      linked = true;
    }
    if (linked) network.addEdge(source, 1 + k, 1, 0);
  }
  for (let j = 0; j < countIndices.length; j++) network.addEdge(1 + n + j, sink, targets[countIndices[j]!]!, 0);
  network.run(source, sink);

  const counted: Subject[][] = [];
  for (let i = 0; i < options.length; i++) counted.push([]);
  const used = new Array<boolean>(n).fill(false);
  for (let l = 0; l < linkEdge.length; l++) {
    if (network.residual(linkEdge[l]!) === 0) {
      counted[linkRequirement[l]!]!.push(plan[linkSubject[l]!]!);
      used[linkSubject[l]!] = true;
    }
  }
  if (creditIndex !== -1) {
    const leftover = plan.filter((subject, k) => !used[k] && creditPool!.has(subject.id) && subject.credits > 0);
    counted[creditIndex] = fewestCreditsReaching(leftover, targets[creditIndex]!);
  }
  const standings: Standing[] = [];
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    const { need, unit } = needOf(option);
    // Links were made in plan order, so each list is already in plan order.
    const list = counted[i]!;
    let have = list.length;
    if (unit === 'credit') {
      have = 0;
      for (const s of list) have += s.credits;
    }
    standings.push({ option, counted: list, have, need, unit, satisfied: have >= need });
  }
  return standings;
}

/** True when some option of the choice has fewer eligible units in the whole plan than it needs. */
export function plainlyUnmet(catalogue: Catalogue, plan: readonly Subject[], choice: readonly number[]): boolean {
  // Plain loops: this and assignGreedily run for every choice of every plan of a cohort.
  const requirements = catalogue.requirements;
  for (let i = 0; i < requirements.length; i++) {
    const option = requirements[i]!.options[choice[i]!]!;
    const { need, unit } = needOf(option);
    let available = 0;
    for (let k = 0; k < plan.length; k++) {
      const subject = plan[k]!;
      if (option.eligible.has(subject.id)) available += unit === 'credit' ? subject.credits : 1;
    }
    if (available < need) return true;
  }
  return false;
}

/**
 * The quick way: each requirement in turn takes the first eligible subjects still free, in plan
 * order (canonical: by identifier). When that meets every requirement it is a valid assignment;
 * when it does not, nothing is concluded and the flow in `assign` decides. Choices with a
 * credit-based rule always go to the flow, which leaves that rule the most credits.
 */
export function assignGreedily(catalogue: Catalogue, plan: readonly Subject[], choice: readonly number[]): Standing[] | undefined {
  const requirements = catalogue.requirements;
  for (let i = 0; i < requirements.length; i++) if (requirements[i]!.options[choice[i]!]!.rule.type === 'credits') return undefined;
  const used = new Array<boolean>(plan.length).fill(false);
  const standings: Standing[] = [];
  for (let i = 0; i < requirements.length; i++) {
    const option = requirements[i]!.options[choice[i]!]!;
    const { need, unit } = needOf(option);
    const counted: Subject[] = [];
    let have = 0;
    for (let k = 0; k < plan.length && have < need; k++) {
      const subject = plan[k]!;
      if (used[k] || !option.eligible.has(subject.id)) continue;
      used[k] = true;
      counted.push(subject);
      have++;
    }
    if (have < need) return undefined;
    standings.push({ option, counted, have, need, unit, satisfied: true });
  }
  return standings;
}
