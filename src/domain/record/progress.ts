import type { Subject } from '../catalogue/model.js';
import type { RequirementResult } from '../rules/engine.js';
import type { TermBill } from '../schedule/bills.js';
import type { Term } from '../schedule/terms.js';
import { creditsOf, type StudyRecord } from './record.js';

/** A subject still to take, with the term it is planned for (null: the plan gives it none). */
export interface ToTake {
  subject: Subject;
  term: Term | null;
  /** A failed subject sat again. */
  retake: boolean;
}

export interface RequirementProgress {
  id: string;
  label: string;
  /** Counted subjects completed, transferred or exempted. */
  done: Subject[];
  toTake: ToTake[];
}

export interface Progress {
  /** Graded and not failed (a pass without a grade point included). */
  completedCredits: number;
  transferredCredits: number;
  /** Exempted credits: they do not count towards graduation. */
  exemptedCredits: number;
  /** Credits of the plan's subjects still to take, failed ones included. */
  remainingCredits: number;
  requirements: RequirementProgress[];
  /** Subjects to take that count towards no requirement (extra, or making up an exemption's credits). */
  others: ToTake[];
}

/** Where each subject is billed: its term, or its retake's term for a failed one. */
function termsOf(bills: readonly TermBill[] | undefined): { first: Map<Subject, Term | null>; retake: Map<Subject, Term | null> } {
  const first = new Map<Subject, Term | null>();
  const retake = new Map<Subject, Term | null>();
  for (const b of bills ?? []) {
    for (const s of b.subjects) first.set(s, b.term ?? null);
    for (const s of b.retakes) retake.set(s, b.term ?? null);
  }
  return { first, retake };
}

/**
 * Where the student stands: credits done, transferred, exempted and left, and requirement by
 * requirement what is done and what is still to take, in the terms the schedule's bills give.
 */
export function studyProgress(
  subjects: readonly Subject[],
  requirements: readonly RequirementResult[],
  record: StudyRecord,
  bills?: readonly TermBill[],
): Progress {
  const done = (s: Subject) => record.completed.has(s) || record.transferred.has(s) || record.exempted.has(s);
  const { first, retake } = termsOf(bills);
  const toTake = (s: Subject): ToTake =>
    record.failed.has(s)
      ? { subject: s, term: retake.get(s) ?? null, retake: true }
      : { subject: s, term: first.get(s) ?? null, retake: false };
  const counted = new Set(requirements.flatMap((r) => r.counted));
  const left = subjects.filter((s) => !done(s));
  return {
    completedCredits: creditsOf(record.completed),
    transferredCredits: creditsOf(record.transferred),
    exemptedCredits: creditsOf(record.exempted),
    remainingCredits: creditsOf(left),
    requirements: requirements.map((r) => ({
      id: r.id,
      label: r.label,
      done: r.counted.filter(done),
      toTake: r.counted.filter((s) => !done(s)).map(toTake),
    })),
    others: left.filter((s) => !counted.has(s)).map(toTake),
  };
}
