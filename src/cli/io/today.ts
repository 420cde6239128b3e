import type { Io } from '../context.js';
import { isDay } from '../../domain/record/remaining.js';
import { UsageError } from '../outcome.js';

/**
 * Today as "2025-10-01", the one place the commands read the clock for the domain: from
 * STUDY_PLANNER_TODAY when set (so a report can be reproduced, or reckoned from another day),
 * else the local date.
 */
export function todayOf(io: Pick<Io, 'env'>, now: () => Date = () => new Date()): string {
  const given = io.env.STUDY_PLANNER_TODAY;
  if (given !== undefined && given !== '') {
    if (!isDay(given))
      throw new UsageError(
        `STUDY_PLANNER_TODAY is "${given.replace(/[^\x20-\x7e]/g, '?')}", not a day; set it like 2025-10-01, or unset it.`,
      );
    return given;
  }
  const d = now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
