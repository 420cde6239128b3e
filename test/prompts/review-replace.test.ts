import { describe, expect, test } from 'vitest';
import { planNameKey } from '../../src/cli/io/store-names.js';
import { applyFlags } from '../../src/cli/commands/plan/flags.js';
import { freeName } from '../../src/cli/prompts/name.js';
import { plannerSession } from '../../src/cli/commands/plan/session.js';
import { NO_ANSWERS } from '../../src/domain/plan/steps.js';
import { choose, harness, polyu } from './harness.js';

// At the review, "Save" over a saved plan of the same name (any case or Unicode form)
// asks first, and No is the default: one Enter too many never replaces a saved plan.

const catalogue = polyu();
const answers = (name: string) =>
  applyFlags(catalogue, NO_ANSWERS, {
    residency: 'local',
    mode: 'part-time',
    core: ['epidemiology', 'lgt5037'],
    elective: ['comp5434', 'apss6403'],
    route: 'dissertation',
    fellowship: true,
    name,
  });
/** The saved plans' names, and which of them a name is taken by (as the planner asks the store). */
const savedAs = (...saved: string[]) => ({ takenBy: (name: string) => saved.filter((s) => planNameKey(s) === planNameKey(name)) });

const SCHEDULE = { expect: 'Accept this schedule', keys: ['enter'] };

describe('saving over a saved plan at the review', () => {
  test('Enter, Enter: the question defaults to no, and then another name is asked, a free one offered', async () => {
    const h = harness(
      catalogue,
      [
        SCHEDULE,
        { expect: ['What next?', 'Save as "my plan", replacing "My plan"', 'a saved plan already has this name, so you'], keys: ['enter'] },
        {
          expect: ['The saved plan "My plan" has this name. Replace it with this plan?', '❯ No, keep it and choose another name'],
          keys: ['enter'],
        },
        { expect: ['A name for this plan:', 'my plan 2'], keys: ['enter'] },
        { expect: 'Save as "my plan 2"', keys: ['enter'] },
      ],
      savedAs('My plan', 'Other'),
    );
    const end = await plannerSession(h.ctx, answers('my plan'));
    expect(end).toMatchObject({ outcome: 'save', replace: false, answers: { name: 'my plan 2' } });
    expect(h.ask.screens[3]).not.toContain('replacing');
    // The new name is kept in the draft at once, like any answer.
    expect(h.kept.at(-1)).toMatchObject({ name: 'my plan 2' });
    expect(h.ask.left).toBe(0);
  });

  test('No, then the same name again: asked again, never replaced without a yes', async () => {
    const h = harness(
      catalogue,
      [
        SCHEDULE,
        { expect: 'What next?', keys: ['enter'] },
        { expect: 'Replace it with this plan?', keys: ['enter'] },
        { expect: 'A name for this plan:', keys: [...Array<string>(10).fill('backspace'), { type: 'My plan' }, 'enter'] },
        { expect: 'Save as "My plan", replacing "My plan"', keys: ['enter'] },
        { expect: 'The saved plan "My plan" has this name. Replace it with this plan?', keys: choose(1) },
      ],
      savedAs('My plan'),
    );
    const end = await plannerSession(h.ctx, answers('my plan'));
    expect(end).toMatchObject({ outcome: 'save', replace: true, answers: { name: 'My plan' } });
    expect(h.ask.left).toBe(0);
  });

  test("Yes replaces: the session ends with the user's consent to replace", async () => {
    const h = harness(
      catalogue,
      [SCHEDULE, { expect: 'What next?', keys: ['enter'] }, { expect: 'Yes, replace "café"', keys: choose(1) }],
      savedAs('caf\u00e9'),
    );
    // Typed decomposed; saved composed: one name.
    const end = await plannerSession(h.ctx, answers('CAFE\u0301'));
    expect(end).toMatchObject({ outcome: 'save', replace: true });
  });

  test('a free name saves at once, with no question', async () => {
    const h = harness(catalogue, [SCHEDULE, { expect: 'Save as "new one"', keys: ['enter'] }], savedAs('My plan'));
    expect(await plannerSession(h.ctx, answers('new one'))).toMatchObject({ outcome: 'save', replace: false });
    expect(h.ask.screens[1]).not.toContain('replacing');
  });

  test('two saved plans by that name (an older store), neither exactly: says so and asks for another name', async () => {
    const h = harness(
      catalogue,
      [
        SCHEDULE,
        { expect: 'What next?', keys: ['enter'] },
        { expect: ['A name for this plan:', 'MY PLAN 2'], keys: ['enter'] },
        { expect: 'Save as "MY PLAN 2"', keys: ['enter'] },
      ],
      savedAs('My plan', 'my plan'),
    );
    const end = await plannerSession(h.ctx, answers('MY PLAN'));
    expect(end).toMatchObject({ outcome: 'save', replace: false, answers: { name: 'MY PLAN 2' } });
    expect(h.said()).toContain(
      'Saved plans "My plan" and "my plan" already have the name "MY PLAN", apart from letter case; choose another name',
    );
  });
});

describe('the free name offered', () => {
  test.each([
    ['the first number free', 'plan', ['plan'], 'plan 2'],
    ['past taken numbers, in any case', 'plan', ['plan', 'PLAN 2', 'Plan 3'], 'plan 4'],
    ['shortened to the longest name allowed', 'x'.repeat(80), ['x'.repeat(80)], `${'x'.repeat(78)} 2`],
  ])('%s', (_what, name, saved, expected) => {
    expect(freeName(name, (n) => saved.some((s) => planNameKey(s) === planNameKey(n)))).toBe(expected);
  });
});
