import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { progressLine } from '../../src/cli/prompts/progress.js';
import { makeStyle } from '../../src/cli/render/style.js';
import { answersFromPlan } from '../../src/domain/plan/from-plan.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';

const real = loadCatalogue(undefined);
describe("the planner's progress line", () => {
  it('counts an exemption no requirement names for nothing, as the judge does', () => {
    const plan = JSON.parse(fs.readFileSync('examples/dissertation.json', 'utf8')) as PlanFile;
    const answers = answersFromPlan(real, { ...plan, exempted: ['Big Data Computing'] });
    const line = progressLine({ catalogue: real, style: makeStyle(false), width: 200 }, answers)!;
    expect(line).toContain('Elective 1/2');
    expect(line).not.toContain('✔ Elective');
  });
});
