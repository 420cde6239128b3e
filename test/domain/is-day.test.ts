import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDay } from '../../src/domain/record/remaining.js';

describe('isDay', () => {
  it.each([
    ['2025-10-01', true],
    ['2025-10', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00', false],
    ['2025-1-1', false],
    ['bogus', false],
  ])('%s: %s', (text, day) => {
    expect(isDay(text)).toBe(day);
  });

  it('takes exactly the days the calendar has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        expect(isDay(text)).toBe(date.getUTCDate() === d);
      }),
    );
  });
});
