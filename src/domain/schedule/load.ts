import type { Catalogue, Subject } from '../catalogue/model.js';
import type { LoadGuidance, ModeData } from '../catalogue/schema.js';
import { creditsOf, sumExact } from '../catalogue/credits.js';
import { termKinds, type Term } from './terms.js';

/** What a term holds, in both units a catalogue's load guidance may be given in. */
export interface TermLoad {
  subjects: number;
  credits: number;
}

export const EMPTY_LOAD: TermLoad = Object.freeze({ subjects: 0, credits: 0 });

/** No load guidance. Without a prototype, like a catalogue's own (schema.ts): a term called "constructor" finds nothing. */
export const NO_LOAD: NonNullable<ModeData['load']> = Object.freeze(Object.create(null) as NonNullable<ModeData['load']>);

export function modeOf(catalogue: Catalogue, modeId: string): ModeData {
  return catalogue.data.modes.find((m) => m.id === modeId) ?? catalogue.data.modes[0]!;
}

export function loadOf(subjects: readonly Subject[]): TermLoad {
  return { subjects: subjects.length, credits: creditsOf(subjects) };
}

export function withSubject(load: TermLoad, subject: Subject): TermLoad {
  return { subjects: load.subjects + 1, credits: sumExact([load.credits, subject.credits]) };
}

/** The mode's normal load for a term (the catalogue's guidance); undefined where it gives none. */
export function normalLoad(catalogue: Catalogue, modeId: string, term: Term): LoadGuidance | undefined {
  return (modeOf(catalogue, modeId).load ?? NO_LOAD)[term.kind.id];
}

/** The most the guidance lets a term hold, unit by unit; Infinity in a unit it does not limit. */
export function maxLoad(guidance: LoadGuidance): TermLoad {
  return { subjects: guidance.maxSubjects ?? Infinity, credits: guidance.maxCredits ?? Infinity };
}

export function fitsIn(load: TermLoad, limit: TermLoad): boolean {
  return load.subjects <= limit.subjects && load.credits <= limit.credits;
}

export function fills(load: TermLoad, limit: TermLoad): boolean {
  return load.subjects >= limit.subjects || load.credits >= limit.credits;
}

/** Above the mode's normal load; one subject alone never is, as it cannot be split. */
export function isOverloaded(catalogue: Catalogue, modeId: string, term: Term, load: TermLoad): boolean {
  const guidance = normalLoad(catalogue, modeId, term);
  return guidance !== undefined && load.subjects > 1 && !fitsIn(load, maxLoad(guidance));
}

export type LoadUnit = keyof TermLoad;

/** The units the mode's guidance uses in any term, subjects first: what a term's load is told in. */
export function loadUnits(catalogue: Catalogue, modeId: string): LoadUnit[] {
  const load = modeOf(catalogue, modeId).load ?? NO_LOAD;
  const given = termKinds(catalogue).flatMap((k) => (load[k.id] ? [load[k.id]!] : []));
  const units: LoadUnit[] = [];
  if (given.some((g) => g.maxSubjects !== undefined)) units.push('subjects');
  if (given.some((g) => g.maxCredits !== undefined)) units.push('credits');
  return units;
}

/** A guidance's range in one unit ("4 to 5", "2"), or undefined when it does not give that unit. */
export function guidanceRange(guidance: LoadGuidance, unit: LoadUnit): { min: number; max: number } | undefined {
  const [min, max] = unit === 'subjects' ? [guidance.minSubjects, guidance.maxSubjects] : [guidance.minCredits, guidance.maxCredits];
  return min === undefined || max === undefined ? undefined : { min, max };
}

/** The units in which `load` is above the term's guidance, with the normal maximum of each. */
export function overBy(guidance: LoadGuidance, load: TermLoad): { unit: LoadUnit; has: number; max: number }[] {
  const max = maxLoad(guidance);
  return (['subjects', 'credits'] as const)
    .filter((unit) => load[unit] > max[unit])
    .map((unit) => ({ unit, has: load[unit], max: max[unit] }));
}
