import type { Issue } from '../issue.js';
import type { CatalogueData, RequirementNodeData } from './schema.js';
import { childList, depthOf } from './routes.js';

const MAX_DEPTH = 16;

/** A node's children, each with its place in the file. */
export function childPaths(node: RequirementNodeData, path: string): [RequirementNodeData, string][] {
  const list = childList(node);
  return list ? list.children.map((c, i) => [c, `${path}.${list.field}[${i}]`]) : [];
}

/** Version 2's requirement trees, limits and exit awards: what the schema alone cannot see. */
export function checkTrees(data: CatalogueData): Issue[] {
  if (data.schemaVersion !== 2) return [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  data.requirements.forEach((r, i) => seen.set(r.id, `requirements[${i}]`));
  const visit = (node: RequirementNodeData, path: string, top: boolean) => {
    if (!top) {
      const first = seen.get(node.id);
      if (first !== undefined)
        issues.push({
          path: `${path}.id`,
          message: `identifier "${node.id}" is already used by ${first}; each must be unique`,
          code: 'DUPLICATE_ID',
        });
      else seen.set(node.id, path);
    }
    if ('nOf' in node && node.nOf > node.of.length)
      issues.push({
        path: `${path}.nOf`,
        message: `asks for ${node.nOf} of ${node.of.length} requirements; it can be at most ${node.of.length}`,
        code: 'UNMEETABLE',
      });
    if ('from' in node) {
      for (const unit of ['subjects', 'credits'] as const) {
        const [least, most] = [node.atLeast?.[unit], node.atMost?.[unit]];
        if (least !== undefined && most !== undefined && least > most)
          issues.push({
            path: `${path}.atLeast.${unit}`,
            message: `is ${least}, more than atMost.${unit} (${most}); no plan could meet it`,
            code: 'UNMEETABLE',
          });
      }
    }
    for (const [child, at] of childPaths(node, path)) visit(child, at, false);
  };
  data.requirements.forEach((r, i) => {
    const node = r as RequirementNodeData;
    if (depthOf(node) > MAX_DEPTH)
      issues.push({ path: `requirements[${i}]`, message: `nests deeper than ${MAX_DEPTH} levels; flatten it`, code: 'INVALID' });
    else visit(node, `requirements[${i}]`, true);
  });
  data.limits?.forEach((l, i) => {
    const first = seen.get(l.id);
    if (first !== undefined)
      issues.push({
        path: `limits[${i}].id`,
        message: `identifier "${l.id}" is already used by ${first}; each must be unique`,
        code: 'DUPLICATE_ID',
      });
    else seen.set(l.id, `limits[${i}]`);
  });
  const topLevel = new Set(data.requirements.map((r) => r.id));
  data.exitAwards?.forEach((award, i) => {
    if (award.credits >= data.creditsRequired)
      issues.push({
        path: `exitAwards[${i}].credits`,
        message: `is ${award.credits}, but an exit award must need fewer credits than the programme's ${data.creditsRequired}`,
        code: 'INVALID',
      });
    award.requires?.forEach((id, j) => {
      if (!topLevel.has(id))
        issues.push({
          path: `exitAwards[${i}].requires[${j}]`,
          message: `names requirement "${id}", which is not one of "requirements" (${[...topLevel].join(', ')})`,
          code: 'UNKNOWN_REFERENCE',
        });
    });
  });
  return issues;
}
