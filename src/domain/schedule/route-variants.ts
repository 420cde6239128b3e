import type { Catalogue, Requirement, RequirementOption, Subject } from '../catalogue/model.js';
import type { Judgement } from '../plan/judge.js';
import type { PlanFile } from '../plan/schema.js';

/** The same plan taken by one alternative of a requirement (the dissertation, or three more subjects). */
export interface RouteVariant {
  option: { id: string; label: string };
  /** The plan for this route; without a schedule unless it is the plan as written. */
  plan: PlanFile;
  /** True when the plan already takes this route and nothing had to change. */
  asWritten: boolean;
  added: Subject[];
  removed: Subject[];
}

/** The first requirement with alternatives: the one a student's route is a choice of. */
export function routeRequirement(catalogue: Catalogue): Requirement | undefined {
  return catalogue.requirements.find((r) => r.options.length > 1);
}

const chargeable = (s: Subject) => (s.tuitionFree ? 0 : s.credits);

/**
 * What `subjects`-style and `credits`-style options still need, filled with the cheapest eligible
 * subjects not yet planned (ties in catalogue order), or with the student's own choice.
 */
function fill(catalogue: Catalogue, option: RequirementOption, kept: readonly Subject[], countsHere: (s: Subject) => boolean): Subject[] {
  const rule = option.rule;
  const planned = new Set(kept);
  if (rule.type === 'all') return catalogue.subjects.filter((s) => option.eligible.has(s.id) && !planned.has(s));
  const already = kept.filter((s) => option.eligible.has(s.id) && countsHere(s));
  const candidates = catalogue.subjects
    .filter((s) => option.eligible.has(s.id) && !planned.has(s))
    .map((s, order) => ({ s, order }))
    .sort((a, b) => chargeable(a.s) - chargeable(b.s) || a.order - b.order)
    .map(({ s }) => s);
  const min = rule.min;
  if (rule.type === 'subjects') return candidates.slice(0, Math.max(0, min - already.length));
  const added: Subject[] = [];
  let credits = already.reduce((sum, s) => sum + s.credits, 0);
  for (const s of candidates) {
    if (credits >= min) break;
    added.push(s);
    credits += s.credits;
  }
  return added;
}

/**
 * The plan once per alternative of its route requirement. For each alternative, the subjects that
 * served only another alternative are dropped and the cheapest eligible ones are added (or, for an
 * alternative that is not "all of these", the student's `extra` subjects instead). The other
 * requirements' subjects are kept as planned. Undefined when the catalogue offers no alternatives.
 */
export function routeVariants(catalogue: Catalogue, judgement: Judgement, extra?: readonly Subject[]): RouteVariant[] | undefined {
  const requirement = routeRequirement(catalogue);
  if (!requirement) return undefined;
  const standing = judgement.requirements.find((r) => r.id === requirement.id)!;
  const routeSubjects = new Set(standing.counted);
  return requirement.options.map((option): RouteVariant => {
    const own = extra !== undefined && option.rule.type !== 'all';
    // A subject counted for the route stays only if it can count for this alternative too.
    const kept = judgement.subjects.filter((s) => !routeSubjects.has(s) || (!own && option.eligible.has(s.id)));
    const countsHere = (s: Subject) => routeSubjects.has(s) || !judgement.counted.has(s);
    const added = own ? extra.filter((s) => !kept.includes(s)) : fill(catalogue, option, kept, countsHere);
    const removed = judgement.subjects.filter((s) => !kept.includes(s));
    const asWritten = added.length === 0 && removed.length === 0;
    // A new route's subjects have no terms yet: its schedule is proposed, not copied.
    const { schedule: _own, ...rest } = judgement.plan;
    const plan: PlanFile = asWritten ? judgement.plan : { ...rest, subjects: [...kept, ...added].map((s) => s.id) };
    return { option: { id: option.id, label: option.label }, plan, asWritten, added, removed };
  });
}
