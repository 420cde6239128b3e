import type { Catalogue, Requirement, Subject } from '../catalogue/model.js';
import { evaluate, type RequirementResult } from '../rules/engine.js';
import type { Answers } from './steps.js';

const metCount = (results: readonly RequirementResult[]) => results.filter((r) => r.satisfied).length;

/**
 * How a plan still being made stands, requirement by requirement, as the student has shaped it:
 * a requirement whose route was chosen is read by that route, and keeps the subjects it counts;
 * the requirements whose route is still to be chosen count what the others leave. The engine on
 * its own reads a partial plan however meets the most: four stream subjects chosen for a stream,
 * before the capstone's question, read as one stream subject and "3 electives" met, which is not
 * what the student did. When that two-step reading meets fewer requirements than one reading of
 * the whole plan by the chosen routes (the first step can take a subject an open requirement
 * needed more), the whole reading is shown. A finished plan is judged as `check` judges it; this
 * is only for the way there. `subjects`: those the judge judges the requirements on. Results come
 * in the catalogue's order of requirements.
 */
export function progressReading(catalogue: Catalogue, answers: Answers, subjects: readonly Subject[]): RequirementResult[] {
  const routeTaken = new Map<string, { id: string; label: string }>();
  // Each requirement with a chosen route as that route alone, in the catalogue's order.
  const pinned = catalogue.requirements.map((requirement): Requirement => {
    if (requirement.options.length === 1) return requirement;
    const taken = requirement.options.find((o) => o.id === answers.routes[requirement.id]);
    if (!taken) return requirement;
    routeTaken.set(requirement.id, { id: taken.id, label: taken.label });
    return { ...requirement, options: [taken] };
  });
  const shaped = pinned.filter((r) => r.options.length === 1);
  const open = pinned.filter((r) => r.options.length > 1);
  const inCatalogueOrder = (results: readonly RequirementResult[]) => {
    const byId = new Map(results.map((r) => [r.id, r]));
    // A requirement read by one route alone says which route, as it would among all of them.
    return catalogue.requirements.map((r) => {
      const result = byId.get(r.id)!;
      const option = routeTaken.get(r.id);
      return option ? { ...result, option } : result;
    });
  };
  const first = evaluate({ ...catalogue, requirements: shaped }, subjects);
  const left = subjects.filter((s) => !first.counted.has(s));
  const stepwise = inCatalogueOrder([
    ...first.requirements,
    ...(open.length > 0 ? evaluate({ ...catalogue, requirements: open }, left).requirements : []),
  ]);
  if (open.length === 0) return stepwise;
  const whole = inCatalogueOrder(evaluate({ ...catalogue, requirements: pinned }, subjects).requirements);
  return metCount(whole) > metCount(stepwise) ? whole : stepwise;
}
