import type { Catalogue, Subject } from '../catalogue/model.js';
import type { ModeData } from '../catalogue/schema.js';
import { termAt, termKinds, type Term } from './terms.js';

export interface ScheduledTerm {
  term: Term;
  subjects: Subject[];
}

// Beyond this a schedule is not a plan; a subject never offered under the guidance stays unplaced.
const MAX_TERMS = 60;

/** No load guidance. Without a prototype, like a catalogue's own (schema.ts): a term called "constructor" finds nothing. */
export const NO_LOAD: NonNullable<ModeData['load']> = Object.freeze(Object.create(null) as NonNullable<ModeData['load']>);

export function modeOf(catalogue: Catalogue, modeId: string): ModeData {
  return catalogue.data.modes.find((m) => m.id === modeId) ?? catalogue.data.modes[0]!;
}

export function offeredIn(subject: Subject, term: Term): boolean {
  return subject.offeredIn === undefined || subject.offeredIn.includes(term.kind.id);
}

/**
 * A schedule for `subjects` (in the order given: compulsory first is the caller's choice), filling
 * each term up to the mode's normal maximum, in order, where the subject is offered; subjects marked
 * `scheduleLate` only once every other subject has a term. A subject larger than a term's maximum
 * takes a term of its own. Terms without load guidance get nothing. Pure; returns the terms from the
 * intake to the last one used, empty ones included.
 */
export function proposeSchedule(catalogue: Catalogue, modeId: string, subjects: readonly Subject[]): { terms: ScheduledTerm[]; unplaced: Subject[] } {
  const load = modeOf(catalogue, modeId).load ?? NO_LOAD;
  const hasGuidance = termKinds(catalogue).some((k) => load[k.id] !== undefined);
  const early = subjects.filter((s) => !s.scheduleLate);
  const late = subjects.filter((s) => s.scheduleLate);
  const queue = [...early, ...late];
  const placed = new Set<Subject>();
  const terms: ScheduledTerm[] = [];
  for (let index = 0; index < MAX_TERMS && placed.size < queue.length; index++) {
    const term = termAt(catalogue, index);
    const guidance = load[term.kind.id];
    const max = guidance?.maxCredits ?? (hasGuidance ? 0 : Infinity);
    const chosen: Subject[] = [];
    let credits = 0;
    if (max > 0) {
      for (const subject of queue) {
        if (placed.has(subject) || !offeredIn(subject, term)) continue;
        if (subject.scheduleLate && early.some((s) => !placed.has(s) && !chosen.includes(s))) break;
        const fits = credits + subject.credits <= max || (chosen.length === 0 && subject.credits > max);
        if (!fits) continue;
        chosen.push(subject);
        credits += subject.credits;
        if (credits >= max) break;
      }
    }
    for (const subject of chosen) placed.add(subject);
    terms.push({ term, subjects: chosen });
  }
  while (terms.length > 0 && terms[terms.length - 1]!.subjects.length === 0) terms.pop();
  return { terms, unplaced: queue.filter((s) => !placed.has(s)) };
}
