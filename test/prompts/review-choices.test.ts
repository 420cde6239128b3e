import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { reviewChoices } from '../../src/cli/prompts/review.js';
import { displayWidth } from '../../src/cli/render/text-width.js';
import { planFromAnswers, type AnswersWithResidency } from '../../src/domain/plan/draft.js';
import { judgePlan } from '../../src/domain/plan/judge.js';

const catalogue = loadCatalogue(undefined);

describe('the review choices fit the terminal', () => {
  const answers: AnswersWithResidency = {
    residency: 'local',
    mode: 'part-time',
    picks: {},
    routes: {},
    name: 'my  plan   with a long name that wraps',
  };
  const judgement = judgePlan(catalogue, planFromAnswers(catalogue, answers));
  const save = (width: number, out?: string) =>
    reviewChoices({ catalogue, width }, answers, judgement, { takenBy: () => [], ...(out ? { out } : {}) }).find(
      (c) => c.value === 'save',
    )!;

  it('at 40 columns, a long "Save as" is cut to one line, and said whole, name as typed, in its description', () => {
    const choice = save(40, 'plans/my-long-plan.json');
    expect(displayWidth(choice.name)).toBeLessThanOrEqual(36);
    expect(choice.name).toMatch(/^Save as "my {2}plan {3}with.*…$/);
    expect(choice.description).toMatch(/^Save as "my {2}plan {3}with a long name that wraps" and write plans\/my-long-plan\.json\. /);
  });

  it('at 120 columns, one that fits is left whole, with nothing added to its description', () => {
    const choice = save(120);
    expect(choice.name).toBe('Save as "my  plan   with a long name that wraps"');
    expect(choice.description).toMatch(/^The plan (meets|does not meet) every requirement/);
  });
});
