import type { Catalogue, Subject } from '../catalogue/model.js';
import { findSubject } from '../catalogue/resolve.js';
import type { Finding } from '../plan/judge.js';
import { modeOf, NO_LOAD, offeredIn, type ScheduledTerm } from './propose.js';
import { findTerm, type Term } from './terms.js';

export interface ScheduleEntry {
  term: string;
  subjects: string[];
}

export interface ScheduleCheck {
  /** The plan's terms in calendar order, each subject resolved; terms that name nothing are left out. */
  terms: ScheduledTerm[];
  /** Planned subjects the schedule does not place. */
  unscheduled: Subject[];
  errors: Finding[];
  warnings: Finding[];
}

/**
 * Checks a plan's own schedule against its subjects: every planned subject in exactly one term,
 * no term before the intake, nothing outside the plan, subjects in terms they are offered in;
 * a term above the mode's normal load is a warning, an empty term is fine.
 */
export function checkSchedule(catalogue: Catalogue, modeId: string, planned: readonly Subject[], entries: readonly ScheduleEntry[]): ScheduleCheck {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const inPlan = new Set(planned);
  const placedIn = new Map<Subject, string>();
  const byTerm = new Map<string, ScheduledTerm>();
  for (const entry of entries) {
    const term = findTerm(catalogue, entry.term);
    if (!term) {
      errors.push({ code: 'SCHEDULE_UNKNOWN_TERM', message: `"${entry.term}" is not a term; name one like "${catalogueTermExample(catalogue)}".` });
      continue;
    }
    if (term.index < 0) {
      errors.push({ code: 'SCHEDULE_BEFORE_INTAKE', message: `${term.label} is before the intake (${catalogue.data.programme.intakeLabel ?? catalogue.data.programme.intake}); move its subjects to a later term.` });
      continue;
    }
    let slot = byTerm.get(term.id);
    if (!slot) byTerm.set(term.id, (slot = { term, subjects: [] }));
    for (const name of entry.subjects) {
      const subject = findSubject(catalogue, name);
      if (!subject || !inPlan.has(subject)) {
        errors.push({ code: 'SCHEDULE_UNPLANNED_SUBJECT', message: `${term.label} lists "${name}", which is not among the plan's subjects; add it to "subjects" or remove it from the schedule.` });
        continue;
      }
      const earlier = placedIn.get(subject);
      if (earlier !== undefined) {
        errors.push({ code: 'SCHEDULE_DUPLICATE', message: `${subject.title} is scheduled in both ${earlier} and ${term.label}; keep it in one term.` });
        continue;
      }
      if (!offeredIn(subject, term)) {
        errors.push({ code: 'SCHEDULE_NOT_OFFERED', message: `${subject.title} is not offered in the ${term.kind.label}; move it to a term it is offered in.` });
      }
      placedIn.set(subject, term.label);
      slot.subjects.push(subject);
    }
  }
  const unscheduled = planned.filter((s) => !placedIn.has(s));
  for (const subject of unscheduled) {
    errors.push({ code: 'SCHEDULE_MISSING_SUBJECT', message: `${subject.title} is in the plan but in no term of the schedule; add it to one.` });
  }
  const terms = [...byTerm.values()].sort((a, b) => a.term.index - b.term.index);
  for (const { term, subjects } of terms) {
    const credits = subjects.reduce((sum, s) => sum + s.credits, 0);
    if (isOverloaded(catalogue, modeId, term, credits, subjects.length)) {
      const max = normalLoad(catalogue, modeId, term)!.maxCredits;
      warnings.push({ code: 'SCHEDULE_OVERLOAD', message: `${term.label} has ${credits} credits, above the normal ${max} for ${modeOf(catalogue, modeId).label.toLowerCase()} study; expect a heavy term.` });
    }
  }
  return { terms, unscheduled, errors, warnings };
}

/** The mode's normal credits for a term (the catalogue's guidance); undefined where it gives none. */
export function normalLoad(catalogue: Catalogue, modeId: string, term: Term): { minCredits: number; maxCredits: number } | undefined {
  return (modeOf(catalogue, modeId).load ?? NO_LOAD)[term.kind.id];
}

/** Above the mode's normal load; one subject alone never is, as it cannot be split. */
export function isOverloaded(catalogue: Catalogue, modeId: string, term: Term, credits: number, subjects: number): boolean {
  const max = normalLoad(catalogue, modeId, term)?.maxCredits;
  return max !== undefined && credits > max && subjects > 1;
}

function catalogueTermExample(catalogue: Catalogue): string {
  const kinds = catalogue.data.terms;
  const year = Number(catalogue.data.programme.intake.slice(0, 4));
  return `${kinds?.[0]?.label ?? 'Year'} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
