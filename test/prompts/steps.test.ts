import { describe, expect, test } from 'vitest';
import { fellowshipStep } from '../../src/cli/prompts/fellowship.js';
import { includeStep } from '../../src/cli/prompts/include.js';
import { modeStep } from '../../src/cli/prompts/mode.js';
import { nameStep } from '../../src/cli/prompts/name.js';
import { pickStep } from '../../src/cli/prompts/pick.js';
import { residencyStep } from '../../src/cli/prompts/residency.js';
import { routeStep } from '../../src/cli/prompts/route.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { plannerSteps, type Answers, type Step } from '../../src/domain/plan/steps.js';
import { choose, harness, invented, polyu, tick } from './harness.js';

// Each step of the planner, answered by pressing keys in inquirer's real prompts.

const catalogue = polyu();
const base: Answers = { residency: 'local', mode: 'part-time', picks: {}, routes: {} };
const CORE_TWO = ['artificial-intelligence-concepts', 'business-analytics'];
const ELECTIVE_TWO = ['advanced-statistics-in-health-care-research', 'big-data-computing'];

function step<K extends Step['kind']>(c: Catalogue, answers: Answers, kind: K, at = 0): Extract<Step, { kind: K }> {
  return plannerSteps(c, answers).filter((s): s is Extract<Step, { kind: K }> => s.kind === kind)[at]!;
}

describe('residency', () => {
  test('offers local and non-local, each with its initial payment, and takes the one chosen', async () => {
    const h = harness(catalogue, [
      { expect: ['Are you a local or a non-local student?', "3 credits' fee paid on accepting the offer"], keys: choose(1) },
    ]);
    expect(await residencyStep(h.ctx, { picks: {}, routes: {} })).toMatchObject({ residency: 'non-local' });
    expect(h.ask.left).toBe(0);
  });
});

describe('mode', () => {
  test("lists the catalogue's modes with their normal duration", async () => {
    const h = harness(catalogue, [{ expect: ['How will you study?', 'Full-time', 'Part-time', 'normally 1 year'], keys: choose(1) }]);
    expect(await modeStep(h.ctx, { residency: 'local', picks: {}, routes: {} })).toMatchObject({ mode: 'part-time' });
  });

  test('another catalogue offers its own modes', async () => {
    const h = harness(invented(), [{ expect: ['Evening', 'Block release', 'normally 2 years'], keys: choose(1) }]);
    expect(await modeStep(h.ctx, base)).toMatchObject({ mode: 'block' });
  });
});

describe('compulsory subjects', () => {
  test('are shown with code and credits, and included without a question', () => {
    const h = harness(catalogue, []);
    includeStep(h.ctx, step(catalogue, base, 'include'));
    expect(h.said()).toMatch(/Compulsory subjects, included in your plan:\n {2}\+ Electronic Patient Records\s+SN5023\s+3 credits/);
    expect(h.said()).toContain('Professional Development in Health Informatics');
    // The compulsory subject from the 2024/25 cohort on: one credit, and no tuition for it.
    expect(h.said()).toMatch(/\+ Academic Integrity and Ethics\s+HTI5T04\s+1 credit, no tuition\n/);
  });

  test('fit the screen: where they cannot line up, each whole title has its code and credits below', () => {
    const h = harness(catalogue, []);
    includeStep(h.ctx, step(catalogue, base, 'include'));
    for (const line of h.said().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(h.said()).toContain('+ Professional Development in Health Informatics\n      SN5303B  3 credits');
    expect(h.said()).toContain('+ Academic Integrity and Ethics\n      HTI5T04  1 credit, no tuition');
  });
});

describe('core and elective subjects', () => {
  test('a checkbox that shows code and credits and refuses fewer than the programme requires', async () => {
    const h = harness(catalogue, [
      {
        expect: [
          'Choose at least 2 core subjects',
          /Epidemiology\s+HTI5601\s+3 credits/,
          /Computer Programming for Healthcare\s+3 credits/,
        ],
        keys: tick(0),
        then: { expect: 'Choose at least 2 subjects (1 chosen so far).', keys: ['down', 'space', 'enter'] },
      },
    ]);
    const answers = await pickStep(h.ctx, step(catalogue, base, 'pick'), base);
    expect(answers.picks.core).toEqual(CORE_TWO);
    expect(h.ask.left).toBe(0);
  });

  test('more than the minimum is accepted (the judge warns of the extra credits later)', async () => {
    const h = harness(catalogue, [{ keys: tick(0, 1, 2) }]);
    const answers = await pickStep(h.ctx, step(catalogue, base, 'pick', 1), base);
    expect(answers.picks.elective).toHaveLength(3);
  });

  test('beside the choice: a progress line per requirement, the credits and the tuition so far', async () => {
    const h = harness(catalogue, [{ keys: tick(0, 1) }]);
    const answers = { ...base, picks: { core: CORE_TWO } };
    await pickStep(h.ctx, step(catalogue, answers, 'pick', 1), answers);
    expect(h.said()).toContain('✔ Compulsory 4/4 · ✔ Core 2/2 · Elective 0/2 · Dissertation or 3 more 0/1');
    // Academic Integrity and Ethics counts 1 credit and no tuition.
    expect(h.said()).toContain('16 of 31 credits · tuition HK$86,250');
  });

  test('a changed step starts from its earlier answer', async () => {
    const h = harness(catalogue, [{ expect: /◉ Artificial Intelligence Concepts/, keys: ['space', 'down', 'down', 'space', 'enter'] }]);
    const answers = { ...base, picks: { core: CORE_TWO } };
    const changed = await pickStep(h.ctx, step(catalogue, answers, 'pick'), answers);
    expect(changed.picks.core).toEqual(['business-analytics', 'computer-programming-for-healthcare']);
  });
});

describe('route', () => {
  test("offers the requirement's alternatives, in the catalogue's words", async () => {
    const h = harness(catalogue, [
      {
        expect: [
          'Dissertation or 3 more subjects: which will you take?',
          'Dissertation (HSS5903): 9 credits',
          '3 more core or elective subjects',
        ],
        keys: choose(1),
      },
    ]);
    const answers = await routeStep(h.ctx, step(catalogue, base, 'route'), base);
    expect(answers.routes).toEqual({ 'dissertation-or-coursework': 'coursework' });
  });

  test('the three replacement subjects: only subjects not already chosen, and exactly three', async () => {
    const answers: Answers = {
      ...base,
      picks: { core: CORE_TWO, elective: ELECTIVE_TWO },
      routes: { 'dissertation-or-coursework': 'coursework' },
    };
    const extra = step(catalogue, answers, 'pick', 2);
    expect(extra.key).toBe('dissertation-or-coursework/coursework');
    const h = harness(catalogue, [
      {
        expect: ['Choose 3 more core or elective subjects', /❯◯ Computer Programming for Healthcare/],
        keys: tick(0, 1, 2, 3),
        then: { expect: 'Choose exactly 3 subjects (4 chosen); untick 1.', keys: ['space', 'enter'] },
      },
    ]);
    const picked = await pickStep(h.ctx, extra, answers);
    expect(h.ask.screens[0]).not.toContain('Artificial Intelligence Concepts');
    expect(h.ask.screens[0]).not.toContain('Business Analytics');
    // Long titles are cut short rather than wrapped, which would break the list's paging.
    expect(h.ask.screens[0]).toMatch(/Advanced Technology & Clinical Application in Nuclear…\s+HTI5725\s+3 credits/);
    expect(Math.max(...h.ask.screens[0]!.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(picked.picks[extra.key]).toEqual(['computer-programming-for-healthcare', 'digital-imaging-and-pacs', 'epidemiology']);
  });
});

describe('what is still missing, given every other answer', () => {
  const CORE_FOUR = [...CORE_TWO, 'computer-programming-for-healthcare', 'digital-imaging-and-pacs'];
  const coursework: Answers = {
    ...base,
    residency: 'non-local',
    mode: 'full-time',
    picks: { core: CORE_FOUR, elective: ELECTIVE_TWO },
    routes: { 'dissertation-or-coursework': 'coursework' },
  };

  test('the route says what each alternative would still ask for: two extra cores leave 1 more', async () => {
    const answers: Answers = { ...coursework, routes: {} };
    const h = harness(catalogue, [
      {
        expect: ['Dissertation or 3 more subjects: which will you take?', 'Dissertation (HSS5903): 9 credits'],
        keys: ['down'],
        then: { expect: 'you choose 1 more core or elective subject next', keys: ['enter'] },
      },
    ]);
    expect((await routeStep(h.ctx, step(catalogue, answers, 'route'), answers)).routes).toEqual({
      'dissertation-or-coursework': 'coursework',
    });
  });

  test('four cores and two electives: the replacement checklist asks for 1 more, refuses 2 and takes 1', async () => {
    const h = harness(catalogue, [
      {
        expect: ['Choose 1 more core or elective subject', /❯◯ Epidemiology/],
        keys: tick(0, 1),
        then: { expect: 'Choose exactly 1 subject (2 chosen); untick 1.', keys: ['space', 'enter'] },
      },
    ]);
    const extra = step(catalogue, coursework, 'pick', 2);
    const picked = await pickStep(h.ctx, extra, coursework);
    expect(picked.picks[extra.key]).toEqual(['epidemiology']);
    // The progress line beside it counts the two extra cores towards the 3 more.
    expect(h.said()).toContain('Dissertation or 3 more 2/3');
    expect(h.ask.left).toBe(0);
  });

  test('none picked is refused too, naming the number', async () => {
    const h = harness(catalogue, [
      { keys: ['enter'], then: { expect: 'Choose exactly 1 subject (0 chosen so far).', keys: ['space', 'enter'] } },
    ]);
    await pickStep(h.ctx, step(catalogue, coursework, 'pick', 2), coursework);
    expect(h.ask.left).toBe(0);
  });

  test('an alternative the other answers already make up asks nothing, and leaves out what would only add credits', async () => {
    const made: Answers = {
      ...coursework,
      picks: {
        ...coursework.picks,
        elective: [...ELECTIVE_TWO, 'health-care-ethics'],
        'dissertation-or-coursework/coursework': ['epidemiology'],
      },
    };
    const h = harness(catalogue, []);
    const extra = step(catalogue, made, 'pick', 2);
    const answers = await pickStep(h.ctx, extra, made);
    expect(answers.picks[extra.key]).toEqual([]);
    expect(h.said()).toContain(
      '3 more core or elective subjects: the subjects you chose already make it up, so there is nothing more to choose; Epidemiology is left out.',
    );
  });

  test('a pick asked again after a change asks its new need, its earlier choice ticked', async () => {
    // Only the two required cores now: the one replacement subject chosen before is not enough.
    const fewer: Answers = {
      ...coursework,
      picks: { ...coursework.picks, core: CORE_TWO, 'dissertation-or-coursework/coursework': ['epidemiology'] },
    };
    const h = harness(catalogue, [
      { expect: ['Choose 3 more core or elective subjects', '◉ Epidemiology'], keys: ['up', 'space', 'up', 'space', 'enter'] },
    ]);
    const extra = step(catalogue, fewer, 'pick', 2);
    const answers = await pickStep(h.ctx, extra, fewer);
    expect(answers.picks[extra.key]).toHaveLength(3);
  });
});

describe('fellowship', () => {
  test('says what it is and who may hold it, and what each answer leaves to pay', async () => {
    const answers: Answers = {
      ...base,
      picks: { core: CORE_TWO, elective: ELECTIVE_TWO },
      routes: { 'dissertation-or-coursework': 'dissertation' },
    };
    const h = harness(catalogue, [
      {
        expect: [
          /Include the Targeted Taught Postgraduate Programmes Fellowships Scheme in this\s+plan\?/,
          'you pay HK$52,500 of HK$172,500 tuition',
        ],
        keys: ['enter'],
      },
    ]);
    expect(await fellowshipStep(h.ctx, answers)).toMatchObject({ fellowship: true });
    expect(h.said()).toContain('Targeted Taught Postgraduate Programmes Fellowships Scheme: up to HK$120,000');
    expect(h.said()).toContain('31 of 31 credits · tuition HK$172,500');
  });

  test('is asked only of residencies that may hold it', () => {
    expect(plannerSteps(catalogue, { ...base, residency: 'local' }).map((s) => s.kind)).toContain('fellowship');
    expect(plannerSteps(catalogue, { ...base, residency: 'non-local' }).map((s) => s.kind)).not.toContain('fellowship');
    // The invented catalogue's bursary is for non-local students only.
    expect(plannerSteps(invented(), { ...base, residency: 'local' }).map((s) => s.kind)).not.toContain('fellowship');
    expect(plannerSteps(invented(), { ...base, residency: 'non-local' }).map((s) => s.kind)).toContain('fellowship');
  });
});

describe('name', () => {
  test('offers a name from the answers, and refuses an empty one', async () => {
    const answers: Answers = { ...base, routes: { 'dissertation-or-coursework': 'dissertation' } };
    const h = harness(catalogue, [
      { expect: 'A name for this plan: (part-time-dissertation)', keys: ['enter'] },
      { keys: [{ type: '   ' }, 'enter'], then: { expect: 'The name is empty', keys: [{ type: 'my plan' }, 'enter'] } },
    ]);
    expect(await nameStep(h.ctx, answers)).toMatchObject({ name: 'part-time-dissertation' });
    expect(await nameStep(h.ctx, { ...answers, name: 'x' })).toMatchObject({ name: 'my plan' });
  });

  test('the name offered is one no saved plan has, in any letter case', async () => {
    const answers: Answers = { ...base, routes: { 'dissertation-or-coursework': 'dissertation' } };
    const saved = ['PART-TIME-DISSERTATION', 'part-time-dissertation 2'];
    const h = harness(catalogue, [{ expect: 'A name for this plan: (part-time-dissertation 3)', keys: ['enter'] }], {
      takenBy: (name) => saved.filter((s) => s.toLowerCase() === name.toLowerCase()),
    });
    expect(await nameStep(h.ctx, answers)).toMatchObject({ name: 'part-time-dissertation 3' });
  });
});
