import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ask, Choice } from '../../src/cli/prompts/ask.js';
import { askMove } from '../../src/cli/prompts/schedule-move.js';
import { displayWidth } from '../../src/cli/render/text-width.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { ROOT } from '../support/run-in-process.js';
import { polyu } from './harness.js';

const catalogue = polyu();
const plan: PlanFile = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'part-time-schedule.json'), 'utf8'));

/** The two lists "move a subject" shows, as the adapter is handed them: the first choice of each is taken. */
async function lists(width: number): Promise<Choice<string>[][]> {
  const seen: Choice<string>[][] = [];
  const ask = {
    select: async (q: { choices: readonly Choice<string>[] }) => (seen.push([...q.choices]), q.choices[0]!.value),
  } as unknown as Ask;
  await askMove({ catalogue, ask, width }, plan, plan.schedule!);
  return seen;
}

describe('moving a subject: the lists fit the width', () => {
  it.each([40, 60, 80])('at %i columns every line of every choice fits beside the cursor', async (width) => {
    const [subjects, terms] = await lists(width);
    for (const choice of [...subjects!, ...terms!]) {
      for (const line of String(choice.name).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width - 2);
    }
    if (width > 40) return;
    // Where the lines are too narrow to line up, every title is whole, wrapped, and in the description.
    for (const subject of ['Academic Integrity and Ethics', 'Professional Development in Health Informatics']) {
      const shown = subjects!.map((c) => `${String(c.name)} ${c.description ?? ''}`.replace(/\s+/g, ' ')).join(' ');
      expect(shown).toContain(subject);
    }
  });

  it('at 40 columns each term and its load are said under the list, for every term alike', async () => {
    const [subjects, terms] = await lists(40);
    expect(subjects!.every((c) => /: (Semester|Summer)/.test(c.description ?? ''))).toBe(true);
    expect(terms!.every((c) => (c.description ?? '').startsWith('Now '))).toBe(true);
  });

  it('at 80 columns the term and the load stand on the line', async () => {
    const [subjects, terms] = await lists(80);
    expect(subjects!.every((c) => / (Semester|Summer) /.test(String(c.name)) && c.description === undefined)).toBe(true);
    expect(terms!.some((c) => /subjects/.test(String(c.name)))).toBe(true);
  });
});
