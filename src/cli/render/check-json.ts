import type { Judgement } from '../../domain/plan/judge.js';
import { scheduleJson } from './schedule-json.js';

/** The contract's `check --json` object for a plan that could be judged. */
export function judgementJson(file: string, j: Judgement) {
  return {
    file,
    valid: j.valid,
    credits: j.credits,
    requirements: j.requirements.map((r) => ({
      id: r.id,
      label: r.label,
      satisfied: r.satisfied,
      counted: r.counted.map((s) => s.id),
      missing: r.missing,
      ...(r.option ? { option: r.option.id } : {}),
    })),
    errors: j.errors,
    warnings: j.warnings,
    fees: j.fees,
    ...(j.schedule ? { schedule: scheduleJson(j.schedule, j.fees) } : {}),
  };
}

/** The object for a file that could not be read or is not a plan: same keys, nothing judged. */
export function failureJson(file: string, code: 'UNREADABLE' | 'MALFORMED', messages: readonly string[]) {
  return {
    file,
    valid: false,
    credits: null,
    requirements: [],
    errors: messages.map((message) => ({ code, message })),
    warnings: [],
    fees: null,
  };
}
