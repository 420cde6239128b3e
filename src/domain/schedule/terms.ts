import type { Catalogue } from '../catalogue/model.js';
import type { TermKind } from '../catalogue/schema.js';
import { nameKey } from '../text/normalize.js';

/** One term of the calendar: Semester Two of 2024/25, say. */
export interface Term {
  /** "2024/25-semester-two" */
  id: string;
  /** "Semester Two 2024/25" */
  label: string;
  kind: TermKind;
  /** The calendar year the academic year starts in (2024 for 2024/25). */
  academicYear: number;
  /** 0 for the intake term, 1 for the next, ...; negative before the intake. */
  index: number;
  /** "2025-01" */
  starts: string;
}

// A catalogue without a calendar still has one term a year, so schedules stay meaningful.
const DEFAULT_KINDS: readonly TermKind[] = [{ id: 'year', label: 'Year', startMonth: 9, endMonth: 8 }];

export function termKinds(catalogue: Catalogue): readonly TermKind[] {
  return catalogue.data.terms ?? DEFAULT_KINDS;
}

function intake(catalogue: Catalogue): { year: number; kindIndex: number } {
  const [year, month] = catalogue.data.programme.intake.split('-').map(Number) as [number, number];
  const kinds = termKinds(catalogue);
  const kindIndex = Math.max(
    0,
    kinds.findIndex((k) => k.startMonth === month),
  );
  // A term that starts before the first kind's month belongs to the academic year begun the year before.
  const academicYear = kinds[kindIndex]!.startMonth < kinds[0]!.startMonth ? year - 1 : year;
  return { year: academicYear, kindIndex };
}

function makeTerm(catalogue: Catalogue, academicYear: number, kindIndex: number): Term {
  const kinds = termKinds(catalogue);
  const kind = kinds[kindIndex]!;
  const start = intake(catalogue);
  const index = (academicYear - start.year) * kinds.length + (kindIndex - start.kindIndex);
  const yearLabel = `${academicYear}/${String((academicYear + 1) % 100).padStart(2, '0')}`;
  const calendarYear = kind.startMonth < kinds[0]!.startMonth ? academicYear + 1 : academicYear;
  return {
    id: `${yearLabel}-${kind.id}`,
    label: `${kind.label} ${yearLabel}`,
    kind,
    academicYear,
    index,
    starts: `${calendarYear}-${String(kind.startMonth).padStart(2, '0')}`,
  };
}

/** The term `index` terms after the intake term (0 is the intake term itself). */
export function termAt(catalogue: Catalogue, index: number): Term {
  const kinds = termKinds(catalogue).length;
  const start = intake(catalogue);
  const absolute = start.kindIndex + index;
  return makeTerm(catalogue, start.year + Math.floor(absolute / kinds), ((absolute % kinds) + kinds) % kinds);
}

/**
 * Reads a term's name as a person writes it: "Semester Two 2024/25", "2024/25-semester-two",
 * "semester two 2024-25", in any case. Undefined when it names no term.
 */
export function findTerm(catalogue: Catalogue, name: string): Term | undefined {
  const key = nameKey(name);
  const years = /(?:^|\s)(\d{4})\s+(\d{2})(?:\s|$)/.exec(key);
  if (!years) return undefined;
  const academicYear = Number(years[1]);
  if ((academicYear + 1) % 100 !== Number(years[2])) return undefined;
  const rest = key.replace(years[0], ' ').replace(/\s+/g, ' ').trim();
  const kinds = termKinds(catalogue);
  const kindIndex = kinds.findIndex((k) => nameKey(k.label) === rest || nameKey(k.id) === rest);
  return kindIndex === -1 ? undefined : makeTerm(catalogue, academicYear, kindIndex);
}
