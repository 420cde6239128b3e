import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { fillRoutes } from '../../src/domain/schedule/route-fill.js';
import { routeCombinations, routeSubjects, routeVariants } from '../../src/domain/schedule/route-variants.js';
import { catalogueFrom, plan, subjectsOf } from './catalogues.js';

// The filling of `compare --routes` (src/domain/schedule/route-fill.ts) on a small version 2
// catalogue: a core, a track of two routes (a pair, or 2 electives worth at least 4.5 credits and
// at most 2 of them), and a finish of three (a thesis; a project and 1 elective; 2 electives).

const SUBJECTS: [id: string, category: string, credits: number, tuitionFree?: boolean][] = [
  ['core', 'core', 3],
  ['pair-a', 'pair', 3],
  ['pair-b', 'pair', 3],
  ['e-big', 'elective', 3],
  ['e-one', 'elective', 1.5],
  ['e-half', 'elective', 0.5],
  ['e-free', 'elective', 2, true],
  ['e-two', 'elective', 2],
  ['thesis', 'thesis', 6],
  ['project', 'project', 4],
];

const catalogue: Catalogue = catalogueFrom({
  schemaVersion: 2,
  id: 'route-fill-test',
  programme: { name: 'Test programme', institution: 'Test university', faculty: 'Test faculty', intake: '2025-09' },
  modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
  creditsRequired: 12,
  categories: ['core', 'pair', 'elective', 'thesis', 'project'].map((id) => ({ id, label: id, adjective: id })),
  subjects: SUBJECTS.map(([id, category, credits, tuitionFree]) => ({
    id,
    title: `Subject ${id}`,
    category,
    credits,
    ...(tuitionFree ? { tuitionFree } : {}),
  })),
  fees: { currency: 'HKD', perCredit: 1000, initialRegistrationCredits: { local: 3, 'non-local': 3 } },
  requirements: [
    { id: 'core', label: 'Core', from: { categories: ['core'] }, all: true },
    {
      id: 'track',
      label: 'Track',
      anyOf: [
        { id: 'pair', label: 'The pair', from: { categories: ['pair'] }, all: true },
        {
          id: 'electives',
          label: 'Electives',
          from: { categories: ['elective'] },
          atLeast: { subjects: 2, credits: 4.5 },
          atMost: { subjects: 2 },
        },
      ],
    },
    {
      id: 'finish',
      label: 'Finish',
      anyOf: [
        { id: 'thesis', label: 'Thesis', from: { subjects: ['thesis'] }, all: true },
        {
          id: 'with-project',
          label: 'Project and 1 elective',
          allOf: [
            { id: 'project', label: 'Project', from: { subjects: ['project'] }, all: true },
            { id: 'project-elective', label: '1 elective', from: { categories: ['elective'] }, atLeast: { subjects: 1 } },
          ],
        },
        { id: 'two-electives', label: '2 electives', from: { categories: ['elective'] }, atLeast: { subjects: 2 } },
      ],
    },
  ],
});

const route = (requirement: string, option: string) => {
  const found = catalogue.requirements.find((r) => r.id === requirement)!.options.find((o) => o.id === option);
  if (!found) throw new Error(`no route ${option} in ${requirement}`);
  return found;
};

describe('fillRoutes: the cheapest subjects that meet every pool of the chosen routes', () => {
  it.each([
    // Tuition-free first (e-free, 2 credits); then the cheapest that still lets the pool reach 4.5
    // credits within its 2 subjects: e-half, e-one and e-two cannot, e-big (3) can.
    { name: 'electives track from nothing', kept: [], routes: [['track', 'electives']], added: ['e-free', 'e-big'] },
    { name: 'an "all" pool takes every subject it names', kept: [], routes: [['track', 'pair']], added: ['pair-a', 'pair-b'] },
    { name: 'kept subjects count first', kept: ['e-big', 'e-two'], routes: [['track', 'electives']], added: [] },
    { name: 'one kept, one added to reach 2 subjects', kept: ['e-big'], routes: [['track', 'electives']], added: ['e-free'] },
    {
      name: "two routes: the project first, and the finish's elective is not one the track counts",
      kept: [],
      routes: [
        ['track', 'electives'],
        ['finish', 'with-project'],
      ],
      added: ['project', 'e-free', 'e-big', 'e-half'],
    },
    {
      name: 'two kept electives of 1.5 and 0.5 credits meet a pool of 2 subjects',
      kept: ['e-one', 'e-half'],
      routes: [['finish', 'two-electives']],
      added: [],
    },
    { name: 'thesis', kept: ['core'], routes: [['finish', 'thesis']], added: ['thesis'] },
  ])('$name', ({ kept, routes, added }) => {
    const result = fillRoutes(catalogue, {
      kept: subjectsOf(catalogue, kept),
      routes: routes.map(([r, o]) => ({ option: route(r!, o!), own: false })),
      free: () => true,
      extra: [],
    });
    expect(result.added.map((s) => s.id)).toEqual(added);
  });

  it('never past a maximum: a pool of at most 2 subjects stays short rather than take a third', () => {
    const { added, used } = fillRoutes(catalogue, {
      kept: subjectsOf(catalogue, ['e-half']),
      routes: [{ option: route('track', 'electives'), own: false }],
      free: () => true,
      extra: [],
    });
    // The kept e-half (0.5) takes one of the 2 places, and no second subject reaches 4.5 credits:
    // nothing is added, and the judge reports the pool short.
    expect(added).toEqual([]);
    expect([...used].map((s) => s.id)).toEqual(['e-half']);
  });

  it('the student\'s own subjects fill a route that chooses subjects; its "all" pools are still filled', () => {
    const { added } = fillRoutes(catalogue, {
      kept: [],
      routes: [{ option: route('finish', 'with-project'), own: true }],
      free: () => true,
      extra: subjectsOf(catalogue, ['e-two', 'thesis']),
    });
    // The thesis cannot count for "Project and 1 elective", so it is not added.
    expect(added.map((s) => s.id)).toEqual(['project', 'e-two']);
  });

  it('a subject another requirement needs is not counted again', () => {
    const { added } = fillRoutes(catalogue, {
      kept: subjectsOf(catalogue, ['e-big']),
      routes: [{ option: route('finish', 'two-electives'), own: false }],
      free: (s) => s.id !== 'e-big',
      extra: [],
    });
    expect(added.map((s) => s.id)).toEqual(['e-free', 'e-half']);
  });
});

describe('routeSubjects: the subjects another choice of routes may drop', () => {
  it.each([
    ['the pair and the thesis; the core counts for no route', ['core', 'pair-a', 'pair-b', 'thesis'], ['pair-a', 'pair-b', 'thesis']],
    [
      'a subject no requirement counts is not a route subject',
      ['core', 'pair-a', 'pair-b', 'thesis', 'e-half'],
      ['pair-a', 'pair-b', 'thesis'],
    ],
    ['the finish by 2 electives', ['core', 'pair-a', 'pair-b', 'e-big', 'e-two'], ['e-big', 'e-two', 'pair-a', 'pair-b']],
    ['no route met: only what counts so far', ['core', 'pair-a'], ['pair-a']],
  ])('%s', (_name, subjects, expected) => {
    const found = routeSubjects(catalogue, judgePlan(catalogue, plan(subjects)));
    expect([...found].map((s) => s.id).sort()).toEqual(expected);
  });
});

describe('routeVariants: every choice of routes', () => {
  it('the product of the routes, first requirement slowest, the one as written marked', () => {
    const judgement = judgePlan(catalogue, plan(['core', 'pair-a', 'pair-b', 'thesis']));
    expect(judgement.valid).toBe(true);
    const { variants, leftOut } = routeVariants(catalogue, judgement)!;
    expect(leftOut).toBe(0);
    expect(variants.map((v) => v.option.id)).toEqual([
      'pair+thesis',
      'pair+with-project',
      'pair+two-electives',
      'electives+thesis',
      'electives+with-project',
      'electives+two-electives',
    ]);
    expect(variants[1]!.option.label).toBe('The pair + Project and 1 elective');
    expect(variants.filter((v) => v.asWritten).map((v) => v.option.id)).toEqual(['pair+thesis']);
    const judged = variants.map((v) => ({ id: v.option.id, j: judgePlan(catalogue, v.plan) }));
    // Every pool met, but the cheapest two electives (0.5 and 1.5 credits, or 2 and 0.5 with the pair)
    // leave those plans short of the 12 credits the programme requires: the judge says so.
    const short = judged.filter(({ j }) => !j.valid).map(({ id, j }) => [id, j.credits.planned]);
    expect(short).toEqual([
      ['pair+two-electives', 11.5],
      ['electives+two-electives', 10],
    ]);
  });

  it('a route that needs fewer subjects drops the rest: 2 electives to a project and 1', () => {
    const judgement = judgePlan(catalogue, plan(['core', 'pair-a', 'pair-b', 'e-big', 'e-two']));
    const variant = routeVariants(catalogue, judgement)!.variants.find((v) => v.option.id === 'pair+with-project')!;
    expect(variant.added.map((s) => s.id)).toEqual(['project']);
    expect(variant.removed.map((s) => s.id)).toEqual(['e-two']);
    expect(judgePlan(catalogue, variant.plan).valid).toBe(true);
  });

  it.each([
    [[2, 3], 32, undefined, 6, [0, 0], [1, 2]],
    [[3, 3, 3, 3], 32, undefined, 81, [0, 0, 0, 0], [1, 0, 1, 1]],
    [[3, 3, 3, 3], 32, [2, 2, 2, 2], 81, [0, 0, 0, 0], [2, 2, 2, 2]],
  ])('routeCombinations(%j, %i, own %j): %i in all, first %j, last %j', (sizes, cap, own, total, first, last) => {
    const { combinations, total: all } = routeCombinations(sizes, cap, own);
    expect(all).toBe(total);
    expect(combinations).toHaveLength(Math.min(cap, total));
    expect(combinations[0]).toEqual(first);
    expect(combinations.at(-1)).toEqual(last);
  });
});
