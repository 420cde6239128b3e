import type { Catalogue, Subject } from '../catalogue/model.js';
import { findSubject, notASubject } from '../catalogue/resolve.js';
import { creditsOf } from '../catalogue/credits.js';
import type { Finding } from '../finding.js';
import { findGrade, recordRules, scaleWords, type Grade } from './grades.js';

/** What a plan file says of the study done so far, each name resolved to a planned subject. */
export interface StudyRecord {
  /** Whether the plan carries any record field at all (an empty one included). */
  present: boolean;
  /** Graded subjects, in the order the plan lists their grades. */
  graded: ReadonlyMap<Subject, Grade>;
  /** Graded and not failed: done. */
  completed: ReadonlySet<Subject>;
  /** Graded with a failing grade (F): to be retaken. */
  failed: ReadonlySet<Subject>;
  transferred: ReadonlySet<Subject>;
  exempted: ReadonlySet<Subject>;
}

export interface RecordInput {
  grades?: Readonly<Record<string, string>> | undefined;
  transferred?: readonly string[] | undefined;
  exempted?: readonly string[] | undefined;
}

export const EMPTY_RECORD: StudyRecord = {
  present: false,
  graded: new Map(),
  completed: new Set(),
  failed: new Set(),
  transferred: new Set(),
  exempted: new Set(),
};

// A record naming thousands of unknown subjects gets a readable report, not thousands of lines.
const MAX_REPORTED = 20;

/**
 * Reads the plan's record of study: every entry must name a subject of the plan, once, with a
 * grade on the catalogue's scale; a subject is graded, transferred or exempted, never two of them.
 * Entries in error are left out of the record, so the rest can still be judged.
 */
export function readRecord(
  catalogue: Catalogue,
  input: RecordInput,
  planned: readonly Subject[],
): { record: StudyRecord; errors: Finding[] } {
  const present = input.grades !== undefined || input.transferred !== undefined || input.exempted !== undefined;
  if (!present) return { record: EMPTY_RECORD, errors: [] };
  const errors: Finding[] = [];
  const report = (finding: Finding) => {
    if (errors.length < MAX_REPORTED) errors.push(finding);
  };
  const inPlan = new Set(planned);
  const entryOf = new Map<Subject, string>();
  /** The planned subject an entry names, or undefined (with the error said) when it names none or one already in the record. */
  const resolve = (field: string, name: string): Subject | undefined => {
    const subject = findSubject(catalogue, name);
    if (!subject) {
      report({ code: 'RECORD_UNKNOWN_SUBJECT', message: `In "${field}", ${notASubject(catalogue, name)} Correct or remove that entry.` });
      return undefined;
    }
    if (!inPlan.has(subject)) {
      report({
        code: 'RECORD_NOT_PLANNED',
        message: `"${field}" names ${subject.title}, which is not among the plan's subjects; add it to "subjects" or remove it from "${field}".`,
      });
      return undefined;
    }
    const earlier = entryOf.get(subject);
    if (earlier !== undefined) {
      const what = earlier === field ? `is listed twice in "${field}"` : `is both in "${earlier}" and in "${field}"`;
      report({
        code: 'RECORD_CONFLICT',
        message: `${subject.title} ${what}; a subject is graded, transferred or exempted, only one of them, so keep one entry.`,
      });
      return undefined;
    }
    entryOf.set(subject, field);
    return subject;
  };

  const rules = recordRules(catalogue);
  const graded = new Map<Subject, Grade>();
  const transferred = new Set<Subject>();
  const exempted = new Set<Subject>();
  // Transfers and exemptions first, so a grade for such a subject is the entry reported.
  for (const name of input.transferred ?? []) {
    const s = resolve('transferred', name);
    if (s) transferred.add(s);
  }
  for (const name of input.exempted ?? []) {
    const s = resolve('exempted', name);
    if (s) exempted.add(s);
  }
  for (const [name, text] of Object.entries(input.grades ?? {})) {
    const s = resolve('grades', name);
    if (!s) continue;
    if (!rules) {
      report({
        code: 'RECORD_BAD_GRADE',
        message: `"grades" gives ${s.title} the grade "${text}", but catalogue "${catalogue.id}" has no grade scale ("record.grades"); remove "grades" or load a catalogue that has one.`,
      });
      continue;
    }
    const grade = findGrade(rules, text);
    if (!grade) {
      report({
        code: 'RECORD_BAD_GRADE',
        message: `"grades" gives ${s.title} the grade "${text}", which is not on the scale; use one of ${scaleWords(rules)}.`,
      });
      continue;
    }
    graded.set(s, grade);
  }
  const failed = new Set([...graded].filter(([, g]) => g.fails).map(([s]) => s));
  const completed = new Set([...graded.keys()].filter((s) => !failed.has(s)));
  return { record: { present, graded, completed, failed, transferred, exempted }, errors };
}

/** Subjects the student still sits (or sat) and is billed for: every planned one not transferred or exempted. */
export function takenSubjects(subjects: readonly Subject[], record: StudyRecord): Subject[] {
  return subjects.filter((s) => !record.transferred.has(s) && !record.exempted.has(s));
}

// Summing credits is the catalogue's arithmetic (catalogue/credits.ts); kept here too, beside the record it mostly sums.
export { creditsOf };

/** The credits of the graded subjects that carry a grade point: what the GPA is taken over. */
export function gradePointCredits(record: StudyRecord): number {
  return creditsOf([...record.graded].filter(([, g]) => g.hundredths !== null).map(([s]) => s));
}
