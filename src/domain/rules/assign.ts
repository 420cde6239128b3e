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
  const options = catalogue.requirements.map((r, i) => r.options[choice[i]!]!);
  const target = (i: number) => (limit?.index === i ? Math.min(limit.units, needOf(options[i]!).need) : needOf(options[i]!).need);
  const creditIndex = options.findIndex((o) => o.rule.type === 'credits');
  const creditPool = creditIndex === -1 ? undefined : options[creditIndex]!.eligible;
  const countIndices = options.flatMap((o, i) => (o.rule.type === 'credits' ? [] : [i]));

  const n = plan.length;
  const rank = (requirement: number) => (requirement === lastFilled ? options.length : requirement);
  // Three terms, weighted so each always outweighs the next: priority, credits, plan order.
  const orderWeight = 1;
  const creditWeight = (n + 1) * (options.length + 1);
  const priorityWeight = creditWeight * (plan.reduce((sum, s) => sum + s.credits, 0) + 1);
  const source = 0;
  const sink = n + countIndices.length + 1;
  const network = new FlowNetwork(sink + 1);
  const links: { subject: number; requirement: number; edge: number }[] = [];
  for (let k = 0; k < n; k++) {
    const subject = plan[k]!;
    let linked = false;
    const creditCost = creditPool?.has(subject.id) ? subject.credits : 0;
    countIndices.forEach((requirement, j) => {
      if (!options[requirement]!.eligible.has(subject.id)) return;
      // Earlier subjects go to earlier requirements: a stable tie-break.
      const orderCost = k * (options.length - rank(requirement));
      const cost = rank(requirement) * priorityWeight + creditCost * creditWeight + orderCost * orderWeight;
      links.push({ subject: k, requirement, edge: network.addEdge(1 + k, 1 + n + j, 1, cost) });
      linked = true;
    });
    if (linked) network.addEdge(source, 1 + k, 1, 0);
  }
  countIndices.forEach((requirement, j) => network.addEdge(1 + n + j, sink, target(requirement), 0));
  network.run(source, sink);

  const counted: Subject[][] = options.map(() => []);
  const used = new Array<boolean>(n).fill(false);
  for (const link of links) {
    if (network.residual(link.edge) === 0) {
      counted[link.requirement]!.push(plan[link.subject]!);
      used[link.subject] = true;
    }
  }
  if (creditIndex !== -1) {
    const leftover = plan.filter((subject, k) => !used[k] && creditPool!.has(subject.id) && subject.credits > 0);
    counted[creditIndex] = fewestCreditsReaching(leftover, target(creditIndex));
  }
  return options.map((option, i) => {
    const { need, unit } = needOf(option);
    // Links were made in plan order, so each list is already in plan order.
    const list = counted[i]!;
    const have = unit === 'credit' ? list.reduce((sum, s) => sum + s.credits, 0) : list.length;
    return { option, counted: list, have, need, unit, satisfied: have >= need };
  });
}

/** True when some option of the choice has fewer eligible units in the whole plan than it needs. */
export function plainlyUnmet(catalogue: Catalogue, plan: readonly Subject[], choice: readonly number[]): boolean {
  return catalogue.requirements.some((r, i) => {
    const option = r.options[choice[i]!]!;
    const { need, unit } = needOf(option);
    let available = 0;
    for (const subject of plan) if (option.eligible.has(subject.id)) available += unit === 'credit' ? subject.credits : 1;
    return available < need;
  });
}

/**
 * The quick way: each requirement in turn takes the first eligible subjects still free, in plan
 * order (canonical: by identifier). When that meets every requirement it is a valid assignment;
 * when it does not, nothing is concluded and the flow in `assign` decides. Choices with a
 * credit-based rule always go to the flow, which leaves that rule the most credits.
 */
export function assignGreedily(catalogue: Catalogue, plan: readonly Subject[], choice: readonly number[]): Standing[] | undefined {
  if (catalogue.requirements.some((r, i) => r.options[choice[i]!]!.rule.type === 'credits')) return undefined;
  const used = new Set<Subject>();
  const standings: Standing[] = [];
  for (let i = 0; i < catalogue.requirements.length; i++) {
    const option = catalogue.requirements[i]!.options[choice[i]!]!;
    const { need, unit } = needOf(option);
    const counted: Subject[] = [];
    let have = 0;
    for (const subject of plan) {
      if (have >= need) break;
      if (used.has(subject) || !option.eligible.has(subject.id)) continue;
      used.add(subject);
      counted.push(subject);
      have++;
    }
    if (have < need) return undefined;
    standings.push({ option, counted, have, need, unit, satisfied: true });
  }
  return standings;
}
