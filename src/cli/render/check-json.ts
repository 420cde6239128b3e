import type { Judgement } from '../../domain/plan/judge.js';
import { gpaNumber } from '../../domain/record/grades.js';
import type { Progress, ToTake } from '../../domain/record/progress.js';
import { remainingJson, scheduleJson } from './schedule-json.js';

/** The `check --json` object for a plan that could be judged (docs/json-and-exit-codes.md). */
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
    ...(j.schedule ? { schedule: scheduleJson(j.schedule, j.fees, j.record.present ? j.remaining : undefined) } : {}),
    // Without a schedule of its own, what a record's plan still costs by the proposed terms.
    ...(!j.schedule && j.record.present && j.remaining ? { remaining: remainingJson(j.remaining) } : {}),
    ...(j.progress ? { gpa: j.gpa === null ? null : gpaNumber(j.gpa), progress: progressJson(j.progress) } : {}),
  };
}

const toTakeJson = (t: ToTake) => ({ subject: t.subject.id, term: t.term?.id ?? null, ...(t.retake ? { retake: true } : {}) });

/** `progress` (docs/json-and-exit-codes.md): four credit counts, then requirement by requirement what is done and what is left. */
function progressJson(p: Progress) {
  return {
    completedCredits: p.completedCredits,
    transferredCredits: p.transferredCredits,
    exemptedCredits: p.exemptedCredits,
    remainingCredits: p.remainingCredits,
    requirements: p.requirements.map((r) => ({ id: r.id, done: r.done.map((s) => s.id), toTake: r.toTake.map(toTakeJson) })),
    others: p.others.map(toTakeJson),
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
