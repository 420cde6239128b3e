import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

describe('fees --credits at the edges', () => {
  it("the initial payment is the registration credits' fee, even for a few credits; it is never refunded", async () => {
    const result = await runInProcess(['fees', '--residency', 'non-local', '--credits', '3', '--json']);
    // Payable is never below the initial payment, which PolyU does not refund.
    expect(JSON.parse(result.stdout)).toMatchObject({
      credits: 3,
      chargedCredits: 3,
      tuition: 17_250,
      initialPayment: 34_500,
      payable: 34_500,
    });
  });

  it.each([
    [['--credits', '3.33'], "--credits 3.33: this programme's subjects come in whole credits"],
    [['--credits', '30.01', '--fellowship'], 'pass one such as --credits 30.'],
    [['--transferred-credits', '1.5'], "--transferred-credits 1.5: this programme's subjects come in whole credits"],
  ])(
    '%j: a number of credits no plan of whole-credit subjects has is refused, so every amount is whole dollars',
    async (flags, message) => {
      const result = await runInProcess(['fees', '--residency', 'local', ...flags, '--json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    },
  );

  it('--credits too large says so', async () => {
    const result = await runInProcess(['fees', '--residency', 'local', '--credits', '99999']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('more than any programme asks');
  });

  it.each([
    [['--credits', '-3'], '--credits "-3" is negative; pass the number of credits to price'],
    [['--transferred-credits=-3'], '--transferred-credits "-3" is negative; pass the number of credits transferred'],
  ])('%j is refused as negative, not as a number it is not', async (flags, said) => {
    const result = await runInProcess(['fees', '--residency', 'local', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(said);
  });

  it('a catalogue from STUDY_PLANNER_CATALOGUE that cannot be loaded is said to come from there', async () => {
    const result = await runInProcess(['fees', '--residency', 'local'], { env: { STUDY_PLANNER_CATALOGUE: '/nonexistent.json' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(it is STUDY_PLANNER_CATALOGUE: correct it, or unset it to use the bundled catalogue).');
  });
});
