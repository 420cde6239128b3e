import { describe, expect, it } from 'vitest';
import { catalogueFrom, plan, smallV2Json } from './catalogues.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { routeCount } from '../../src/domain/catalogue/routes.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { buildCatalogue } from '../../src/domain/catalogue/model.js';
import type { CatalogueData } from '../../src/domain/catalogue/schema.js';

function programme(requirements: unknown[], extra: Record<string, unknown> = {}) {
  const subjects: [string, string, number][] = [
    ['f1', 'foundation', 6],
    ['f2', 'foundation', 6],
    ['f3', 'foundation', 6],
    ['e1', 'elective', 6],
    ['e2', 'elective', 6],
    ['e3', 'elective', 6],
    ['p1', 'project', 6],
  ];
  return smallV2Json(subjects, { requirements, ...extra });
}

describe('version 2 routes in the judge', () => {
  it('an exempted elective in a route of a project and one elective stands for nothing (EXEMPTION_UNUSED)', () => {
    const catalogue = catalogueFrom(
      programme([
        { id: 'foundation', label: 'Foundation', from: { categories: ['foundation'] }, atLeast: { subjects: 2 } },
        {
          id: 'capstone',
          label: 'Capstone',
          allOf: [
            { id: 'project', label: 'Project', from: { categories: ['project'] }, all: true },
            { id: 'one-elective', label: '1 elective', from: { categories: ['elective'] }, atLeast: { subjects: 1 } },
          ],
        },
      ]),
    );
    const j = judgePlan(catalogue, plan(['f1', 'f2', 'p1', 'e1', 'e2'], { exempted: ['e1'] }));
    expect(j.warnings.map((w) => w.code)).toContain('EXEMPTION_UNUSED');
  });

  it('an exempted subject under a limit is left out of the credits once, not twice', () => {
    const catalogue = catalogueFrom(
      programme([{ id: 'any', label: 'Any subjects', from: { categories: ['foundation', 'elective'] }, atLeast: { credits: 24 } }], {
        limits: [{ id: 'fo', label: 'Foundation', from: { categories: ['foundation'] }, atMost: { credits: 12 } }],
      }),
    );
    // 30 credits planned, 6 exempted: 24 count, and the two foundation subjects left are within the limit.
    const j = judgePlan(catalogue, plan(['f1', 'f2', 'f3', 'e1', 'e2'], { exempted: ['f3'] }));
    expect(j.errors.map((e) => e.code)).not.toContain('CREDITS_SHORT');
  });
});

describe('routes are counted exactly', () => {
  const pools = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${i}`,
      label: `${prefix}${i}`,
      from: { subjects: ['f1'] },
      atLeast: { subjects: 1 },
    }));
  it.each([
    // 2 of [a choice of 20, 11 pools]: 20 x 11 + C(11, 2) = 275.
    { n: 2, of: [{ id: 'c', label: 'c', anyOf: pools(20, 'a') }, ...pools(11, 'b')], routes: 275 },
    // 3 of the same: C(11, 2) x 20 + C(11, 3) = 1,100 + 165 = 1,265.
    { n: 3, of: [{ id: 'c', label: 'c', anyOf: pools(20, 'a') }, ...pools(11, 'b')], routes: 1265 },
    { n: 1, of: pools(4, 'd'), routes: 4 },
  ])('$n of $of.length children: $routes routes', ({ n, of, routes }) => {
    expect(routeCount({ id: 'top', label: 'top', nOf: n, of } as never)).toBe(routes);
  });
});

describe('a catalogue too hard to judge is refused before its moves are made', () => {
  it('22 shared pools naming one subject: refused at once', () => {
    const shared = Array.from({ length: 22 }, (_, i) => ({
      id: `s${i}`,
      label: `Shared ${i}`,
      from: { subjects: ['f1'] },
      atLeast: { subjects: 1 },
      shared: true,
    }));
    const started = performance.now();
    const result = parseCatalogue(programme([{ id: 'all-shared', label: 'All shared', allOf: shared }]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/too hard to judge/);
    // Building 2^22 moves took seconds and gigabytes; refusing takes no time at all.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('4,096 routes over the same 24 pools build each pool once', () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({
      id: `choice${i}`,
      label: `Choice ${i}`,
      anyOf: [
        { id: `x${i}`, label: `x${i}`, from: { categories: ['foundation', 'elective'] }, atLeast: { subjects: 1 } },
        { id: `y${i}`, label: `y${i}`, from: { categories: ['elective', 'project'] }, atLeast: { subjects: 1 } },
      ],
    }));
    // Built directly: the loader would (rightly) refuse it, as seven subjects cannot fill twelve pools.
    const catalogue = buildCatalogue(programme([{ id: 'many', label: 'Many', allOf: choices }]) as unknown as CatalogueData);
    const routes = catalogue.requirements[0]!.options;
    expect(routes).toHaveLength(4096);
    expect(new Set(routes.flatMap((r) => r.leaves)).size).toBe(24);
    expect([...routes[4095]!.eligible].sort()).toEqual(['e1', 'e2', 'e3', 'p1']);
  });
});
