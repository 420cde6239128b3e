import type { Catalogue, Subject } from '../catalogue/model.js';
import type { RecordRules } from '../catalogue/schema.js';
import { fromHundredths, hundredths as inHundredths } from '../hundredths.js';

/** One grade of the catalogue's scale, as read from a plan file. */
export interface Grade {
  grade: string;
  /** Grade points in hundredths (B+ is 330); null for a pass without a grade point (P). */
  hundredths: number | null;
  fails: boolean;
}

export function recordRules(catalogue: Catalogue): RecordRules | undefined {
  return catalogue.data.record;
}

/** The grade a plan file names ("b+", "B+"), on the catalogue's scale; undefined when it names none. */
export function findGrade(rules: RecordRules, text: string): Grade | undefined {
  const key = text.trim().toUpperCase();
  const found = rules.grades.find((g) => g.grade.toUpperCase() === key);
  if (!found) return undefined;
  return { grade: found.grade, hundredths: found.points === null ? null : inHundredths(found.points), fails: found.fails === true };
}

/** "A+, A, A-, ..., F or P", the scale as a student would write it. */
export function scaleWords(rules: RecordRules): string {
  const names = rules.grades.map((g) => g.grade);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The GPA in hundredths (2.87 is 287): sum(grade points x credits) / sum(credits) over the subjects
 * with a grade point, failed ones included; a pass without a grade point (P) and subjects without
 * a grade are left out. Rounded half away from zero on the exact quotient, in whole numbers only:
 * grade points are hundredths, so the sum is a whole number and the division's remainder decides
 * (2 x remainder >= credits rounds up). Null when no graded subject carries credits.
 */
export function gpaHundredths(graded: Iterable<{ subject: Subject; grade: Grade }>): number | null {
  let weighted = 0;
  let credits = 0;
  for (const { subject, grade } of graded) {
    if (grade.hundredths === null || subject.credits === 0) continue;
    // Credits in hundredths too (a quarter credit is 25), so the sums are whole numbers.
    weighted += grade.hundredths * inHundredths(subject.credits);
    credits += inHundredths(subject.credits);
  }
  if (credits === 0) return null;
  const quotient = Math.floor(weighted / credits);
  const remainder = weighted - quotient * credits;
  return 2 * remainder >= credits ? quotient + 1 : quotient;
}

/** 287 as 2.87: what `check --json` prints, exact to two decimals. */
export function gpaNumber(hundredths: number): number {
  return fromHundredths(hundredths);
}

/** 287 as "2.87", 200 as "2.00". */
export function gpaText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
