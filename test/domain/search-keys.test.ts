import { describe, expect, it } from 'vitest';
import { catalogueFrom, subjectsOf } from './catalogues.js';
import { evaluate } from '../../src/domain/rules/engine.js';

// Five pools that each need credits: the search's state has five credit counts. With credits of
// 150 a count can reach 45,000 hundredths, and five such counts no longer fit one number, so the
// states are keyed by text; with credits of 1 they are keyed by number. The verdicts must agree.
function programme(credits: number) {
  const pools = ['a', 'b', 'c', 'd', 'e'];
  return catalogueFrom({
    schemaVersion: 2,
    id: 'search-keys',
    programme: { name: 'Master of Keys', institution: 'Test University', intake: '2025-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    creditsRequired: credits * 15,
    categories: pools.map((p) => ({ id: p, label: `Pool ${p}`, adjective: p })),
    subjects: pools.flatMap((p) => [1, 2, 3, 4].map((n) => ({ id: `${p}${n}`, title: `Subject ${p}${n}`, category: p, credits }))),
    fees: { currency: 'HKD', perCredit: 1, initialRegistrationCredits: { local: 0, 'non-local': 0 } },
    requirements: pools.map((p) => ({ id: `pool-${p}`, label: `Pool ${p}`, from: { categories: [p] }, atLeast: { credits: credits * 3 } })),
  });
}

describe('the search keys its states by text when one number cannot hold them', () => {
  const plans = [
    ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'd1', 'd2', 'd3', 'e1', 'e2', 'e3'],
    ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'c1', 'c2', 'c3', 'd1', 'd2', 'd3', 'e1', 'e2'],
    ['e4', 'a1', 'b1'],
  ];
  it.each(plans)('plan %#: the same verdict, subjects and shortfall at both scales', (...plan) => {
    const [big, small] = [programme(150), programme(1)];
    const judge = (catalogue: typeof big) => {
      const e = evaluate(catalogue, subjectsOf(catalogue, plan));
      return {
        satisfied: e.satisfied,
        requirements: e.requirements.map((r) => ({ id: r.id, satisfied: r.satisfied, counted: r.counted.map((s) => s.id) })),
      };
    };
    expect(big.v1Shaped).toBe(false);
    expect(judge(big)).toEqual(judge(small));
  });
});
