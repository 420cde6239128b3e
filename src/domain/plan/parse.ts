import type { Catalogue } from '../catalogue/model.js';
import { issuesFromValibot, type Issue } from '../issue.js';
import { valibot } from '../valibot.js';
import { planSchema, type PlanFile } from './schema.js';

export type PlanResult = { ok: true; plan: PlanFile } | { ok: false; issues: Issue[] };

const schemas = new WeakMap<Catalogue, ReturnType<typeof planSchema>>();

/** Validates parsed JSON as a plan file for this catalogue. */
export function parsePlan(catalogue: Catalogue, json: unknown): PlanResult {
  let schema = schemas.get(catalogue);
  if (!schema) schemas.set(catalogue, (schema = planSchema(catalogue)));
  // Valibot takes an array for an object (arrays are objects); a plan is never one.
  if (Array.isArray(json)) return { ok: false, issues: [{ path: '', message: 'must be a JSON object, not an array' }] };
  const parsed = valibot().safeParse(schema, json);
  if (parsed.success) return { ok: true, plan: parsed.output };
  return { ok: false, issues: issuesFromValibot(parsed.issues) };
}
