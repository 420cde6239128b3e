import { namedSubjects, type Catalogue, type Subject } from '../catalogue/model.js';
import { findSubject } from '../catalogue/resolve.js';
import type { ScheduleEntry } from '../plan/schema.js';
import type { Finding } from '../finding.js';
import { isOverloaded, loadOf, modeOf, normalLoad, overBy, type TermLoad } from './load.js';
import { offeredIn, type ScheduledTerm } from './propose.js';
import { findTerm } from './terms.js';

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
 * no term before the intake, nothing outside the plan, subjects in terms they are offered in.
 * Warnings, never errors: a term above the mode's normal load (counted in the guidance's own unit,
 * subjects or credits), and a `scheduleLate` subject before the compulsory ones are done. An empty
 * term is fine.
 */
export function checkSchedule(
  catalogue: Catalogue,
  modeId: string,
  planned: readonly Subject[],
  entries: readonly ScheduleEntry[],
): ScheduleCheck {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const inPlan = new Set(planned);
  const placedIn = new Map<Subject, string>();
  const byTerm = new Map<string, ScheduledTerm>();
  for (const entry of entries) {
    const term = findTerm(catalogue, entry.term);
    if (!term) {
      errors.push({
        code: 'SCHEDULE_UNKNOWN_TERM',
        message: `"${entry.term}" is not a term; name one like "${catalogueTermExample(catalogue)}".`,
      });
      continue;
    }
    if (term.index < 0) {
      errors.push({
        code: 'SCHEDULE_BEFORE_INTAKE',
        message: `${term.label} is before the intake (${catalogue.data.programme.intakeLabel ?? catalogue.data.programme.intake}); move its subjects to a later term.`,
      });
      continue;
    }
    let slot = byTerm.get(term.id);
    if (!slot) byTerm.set(term.id, (slot = { term, subjects: [] }));
    for (const name of entry.subjects) {
      const subject = findSubject(catalogue, name);
      if (!subject || !inPlan.has(subject)) {
        errors.push({
          code: 'SCHEDULE_UNPLANNED_SUBJECT',
          message: `${term.label} lists "${name}", which is not among the plan's subjects; add it to "subjects" or remove it from the schedule.`,
        });
        continue;
      }
      const earlier = placedIn.get(subject);
      if (earlier !== undefined) {
        errors.push({
          code: 'SCHEDULE_DUPLICATE',
          message:
            earlier === term.label
              ? `${subject.title} is scheduled twice in ${term.label}; list it once.`
              : `${subject.title} is scheduled in both ${earlier} and ${term.label}; keep it in one term.`,
        });
        continue;
      }
      if (!offeredIn(subject, term)) {
        errors.push({
          code: 'SCHEDULE_NOT_OFFERED',
          message: `${subject.title} is not offered in the ${term.kind.label}; move it to a term it is offered in.`,
        });
      }
      placedIn.set(subject, term.label);
      slot.subjects.push(subject);
    }
  }
  const unscheduled = planned.filter((s) => !placedIn.has(s));
  for (const subject of unscheduled) {
    errors.push({
      code: 'SCHEDULE_MISSING_SUBJECT',
      message: `${subject.title} is in the plan but in no term of the schedule; add it to one.`,
    });
  }
  const terms = [...byTerm.values()].sort((a, b) => a.term.index - b.term.index);
  for (const { term, subjects } of terms) {
    const load = loadOf(subjects);
    if (isOverloaded(catalogue, modeId, term, load)) {
      warnings.push({
        code: 'SCHEDULE_OVERLOAD',
        message: `${term.label} has ${overText(catalogue, modeId, term, load)} for ${modeOf(catalogue, modeId).label.toLowerCase()} study; expect a heavy term, or move a subject to a lighter one.`,
      });
    }
  }
  warnings.push(...lateSubjectsEarly(catalogue, terms));
  return { terms, unscheduled, errors, warnings };
}

const counted = (n: number, unit: 'subjects' | 'credits') =>
  `${n} ${unit === 'subjects' ? (n === 1 ? 'subject' : 'subjects') : n === 1 ? 'credit' : 'credits'}`;

/** "3 subjects, above the normal 2 subjects a term", in each unit the term is above. */
function overText(catalogue: Catalogue, modeId: string, term: ScheduledTerm['term'], load: TermLoad): string {
  const over = overBy(normalLoad(catalogue, modeId, term)!, load);
  const has = over.map((o) => counted(o.has, o.unit)).join(' and ');
  const max = over.map((o) => counted(o.max, o.unit)).join(' and ');
  return `${has}, above the normal ${max} a term`;
}

/**
 * A subject meant to come last (`scheduleLate`: the Dissertation) in a term before the last one
 * holding a subject of an "all of these" requirement (the compulsory subjects) is a warning: it is
 * meant to build on them. The same term is fine, as the proposal itself may put it there.
 */
function lateSubjectsEarly(catalogue: Catalogue, terms: readonly ScheduledTerm[]): Finding[] {
  const mustAll = catalogue.requirements.flatMap((r) =>
    r.options.length === 1 ? [{ label: r.label, named: namedSubjects(r.options[0]!) }] : [],
  );
  let last: { term: ScheduledTerm['term']; subject: Subject; requirement: string } | undefined;
  for (const { term, subjects } of terms) {
    for (const subject of subjects) {
      if (subject.scheduleLate) continue;
      const requirement = mustAll.find((r) => r.named.has(subject.id));
      if (requirement && (!last || term.index > last.term.index)) last = { term, subject, requirement: requirement.label };
    }
  }
  if (!last) return [];
  const { term: lastTerm, subject: lastSubject, requirement } = last;
  return terms.flatMap(({ term, subjects }) =>
    term.index >= lastTerm.index
      ? []
      : subjects
          .filter((s) => s.scheduleLate)
          .map((s) => ({
            code: 'SCHEDULE_LATE_SUBJECT_EARLY',
            message: `${s.title} is in ${term.label}, before the ${requirement.toLowerCase()} are done (${lastSubject.title} is in ${lastTerm.label}); move it to ${lastTerm.label} or later.`,
          })),
  );
}

function catalogueTermExample(catalogue: Catalogue): string {
  const kinds = catalogue.data.terms;
  const year = Number(catalogue.data.programme.intake.slice(0, 4));
  return `${kinds?.[0]?.label ?? 'Year'} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
