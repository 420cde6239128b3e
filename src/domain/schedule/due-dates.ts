import type { InstalmentTime } from './bills.js';
import type { Term } from './terms.js';

/** "2025-01-01" plus `days` (which may be negative), as "YYYY-MM-DD". */
function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/**
 * The day an instalment of `term` falls due, "YYYY-MM-DD", worked out from the catalogue's terms:
 * a term starts on the 1st of its first month (the catalogue gives months only); what is billed
 * before the term is due the day before it starts; what is billed after add/drop, and a new
 * student's first semester (by the payment deadline on its debit note), the term's
 * `addDropDueDays` after it starts. Every such date is an estimate (PolyU dates each debit note);
 * undefined where the catalogue gives no rule, or the subjects have no term yet.
 */
export function instalmentDueDate(term: Term | undefined, when: InstalmentTime): string | undefined {
  if (term === undefined || when === 'when scheduled') return undefined;
  const starts = `${term.starts}-01`;
  if (when === 'before the term') return addDays(starts, -1);
  const days = term.kind.addDropDueDays;
  return days === undefined ? undefined : addDays(starts, days);
}
