import type { Catalogue } from '../catalogue/model.js';
import type { Judgement } from '../plan/judge.js';
import { planSchedule, type ScheduleResult } from './plan-schedule.js';

/** The plan's own schedule as judged, or, when the plan carries none, a proposed one. */
export function scheduleOf(catalogue: Catalogue, judgement: Judgement): ScheduleResult {
  if (judgement.schedule) return judgement.schedule;
  return planSchedule(catalogue, judgement.plan, {
    subjects: judgement.subjects,
    requirements: judgement.requirements,
    fees: judgement.fees,
    counted: judgement.counted,
    satisfied: judgement.requirements.every((r) => r.satisfied),
    record: judgement.record,
  });
}
