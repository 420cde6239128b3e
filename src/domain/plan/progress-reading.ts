import type { Catalogue, Requirement, Subject } from '../catalogue/model.js';
import { evaluate, type RequirementResult } from '../rules/engine.js';
import type { Answers } from './steps.js';

/**
 * How a plan still being made stands, requirement by requirement, as the student has shaped it:
 * a requirement whose route was chosen is read by that route; the requirements whose route is
 * still to be chosen count only the subjects the others leave. The engine on its own reads a
 * partial plan however meets the most: four stream subjects chosen for a stream, before the
 * capstone's question, read as one stream subject and "3 electives" met, which is not what the
 * student did. A finished plan is judged as `check` judges it; this is only for the way there.
 * Results come in the catalogue's order of requirements.
 */
export function progressReading(catalogue: Catalogue, answers: Answers, subjects: readonly Subject[]): RequirementResult[] {
  const shaped: Requirement[] = [];
  const open: Requirement[] = [];
  for (const requirement of catalogue.requirements) {
    if (requirement.options.length === 1) shaped.push(requirement);
    else {
      const taken = requirement.options.find((o) => o.id === answers.routes[requirement.id]);
      if (taken) shaped.push({ ...requirement, options: [taken] });
      else open.push(requirement);
    }
  }
  const first = evaluate({ ...catalogue, requirements: shaped }, subjects);
  const left = subjects.filter((s) => !first.counted.has(s));
  const rest = open.length > 0 ? evaluate({ ...catalogue, requirements: open }, left).requirements : [];
  const byId = new Map([...first.requirements, ...rest].map((r) => [r.id, r]));
  return catalogue.requirements.map((r) => byId.get(r.id)!);
}
