import type { Catalogue } from '../../../domain/catalogue/model.js';
import { findSubject, notASubject } from '../../../domain/catalogue/resolve.js';
import { chosenSubjects } from '../../../domain/plan/draft.js';
import type { Answers, RecordAnswer } from '../../../domain/plan/steps.js';
import { findGrade, recordRules, scaleWords } from '../../../domain/record/grades.js';
import { UsageError } from '../../outcome.js';
import { safeLine } from '../../render/sanitize.js';

/** The record of study as flags of `plans edit`. */
export interface RecordFlags {
  /** "SUBJECT=GRADE"; a grade of "none" removes whatever the record says of that subject. */
  grade?: string[];
  transferred?: string[];
  exempted?: string[];
}

/** The word of `--grade SUBJECT=none`: nothing recorded for that subject. */
export const NO_RECORD = 'none';

type Entry = { id: string; flag: string; kind: 'grade' | 'transferred' | 'exempted' | 'none'; grade?: string };

export function hasRecordFlags(flags: RecordFlags): boolean {
  return flags.grade !== undefined || flags.transferred !== undefined || flags.exempted !== undefined;
}

/**
 * The record flags over the answers' record. Each names a subject of the plan once; what a flag
 * says of a subject replaces what the record said of it (a subject is graded, transferred or
 * exempted, only one), so `--grade X=B` records a grade for a subject once transferred.
 */
export function applyRecordFlags(catalogue: Catalogue, answers: Answers, flags: RecordFlags): Answers {
  if (!hasRecordFlags(flags)) return answers;
  const planned = new Set(chosenSubjects(catalogue, answers));
  const seen = new Map<string, string>();
  const subject = (flag: string, name: string): string => {
    const found = findSubject(catalogue, name);
    if (!found) throw new UsageError(`${flag}: ${notASubject(catalogue, name)}`);
    if (!planned.has(found.id))
      throw new UsageError(
        `${flag} names ${safeLine(found.title)}, which is not among the plan's subjects; add it first (with --core, --elective or --extra), or leave it out.`,
      );
    const earlier = seen.get(found.id);
    if (earlier !== undefined)
      throw new UsageError(`${safeLine(found.title)} is named twice (${earlier} and ${flag}); say one thing of each subject.`);
    seen.set(found.id, flag);
    return found.id;
  };
  const entries: Entry[] = [];
  const rules = recordRules(catalogue);
  for (const given of flags.grade ?? []) {
    const at = given.lastIndexOf('=');
    if (at <= 0)
      throw new UsageError(
        `--grade "${safeLine(given)}" is not SUBJECT=GRADE; write it like --grade SN5023=B+ (or SN5023=${NO_RECORD} to remove what is recorded).`,
      );
    const id = subject('--grade', given.slice(0, at));
    const text = given.slice(at + 1).trim();
    if (text.toLowerCase() === NO_RECORD) {
      entries.push({ id, flag: '--grade', kind: 'none' });
      continue;
    }
    if (!rules)
      throw new UsageError(
        `catalogue "${safeLine(catalogue.id)}" has no grade scale, so --grade cannot be recorded; load a catalogue that has one.`,
      );
    const grade = findGrade(rules, text);
    if (!grade)
      throw new UsageError(
        `--grade "${safeLine(given)}": "${safeLine(text)}" is not on the scale; use one of ${scaleWords(rules)}, or ${NO_RECORD}.`,
      );
    entries.push({ id, flag: '--grade', kind: 'grade', grade: grade.grade });
  }
  for (const name of flags.transferred ?? [])
    entries.push({ id: subject('--transferred', name), flag: '--transferred', kind: 'transferred' });
  for (const name of flags.exempted ?? []) entries.push({ id: subject('--exempted', name), flag: '--exempted', kind: 'exempted' });
  return { ...answers, record: withEntries(answers.record ?? {}, entries) };
}

function withEntries(record: RecordAnswer, entries: readonly Entry[]): RecordAnswer {
  const named = new Set(entries.map((e) => e.id));
  const grades: Record<string, string> = Object.fromEntries(Object.entries(record.grades ?? {}).filter(([id]) => !named.has(id)));
  const transferred = (record.transferred ?? []).filter((id) => !named.has(id));
  const exempted = (record.exempted ?? []).filter((id) => !named.has(id));
  for (const e of entries) {
    if (e.kind === 'grade') grades[e.id] = e.grade!;
    else if (e.kind === 'transferred') transferred.push(e.id);
    else if (e.kind === 'exempted') exempted.push(e.id);
  }
  // A field the record had stays, even empty; one it lacked appears only with an entry.
  return {
    ...(record.grades !== undefined || Object.keys(grades).length > 0 ? { grades } : {}),
    ...(record.transferred !== undefined || transferred.length > 0 ? { transferred } : {}),
    ...(record.exempted !== undefined || exempted.length > 0 ? { exempted } : {}),
  };
}
