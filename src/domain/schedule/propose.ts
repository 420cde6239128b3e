import type { Catalogue, Subject } from '../catalogue/model.js';
import type { ModeData } from '../catalogue/schema.js';
import { EMPTY_LOAD, fills, fitsIn, loadOf, loadUnits, maxLoad, modeOf, NO_LOAD, withSubject, type TermLoad } from './load.js';
import { termAt, termKinds, type Term } from './terms.js';

export interface ScheduledTerm {
  term: Term;
  subjects: Subject[];
}

// Beyond this a schedule is not a plan; a subject never offered under the guidance stays unplaced.
const MAX_TERMS = 60;

const UNLIMITED: TermLoad = Object.freeze({ subjects: Infinity, credits: Infinity });

export function offeredIn(subject: Subject, term: Term): boolean {
  return subject.offeredIn === undefined || subject.offeredIn.includes(term.kind.id);
}

/** How much each term may be given, asked in calendar order; `took` hears what each was given. */
interface Capacity {
  limit(term: Term): TermLoad;
  took?(term: Term, load: TermLoad): void;
}

interface Placement {
  terms: ScheduledTerm[];
  unplaced: Subject[];
}

/**
 * Fills terms in calendar order from the intake, each up to its capacity, with the subjects in
 * queue order where they are offered; a `scheduleLate` subject only once every other subject has a
 * term. One subject alone always fits a term that takes anything: it cannot be split.
 */
function place(catalogue: Catalogue, queue: readonly Subject[], capacity: Capacity): Placement {
  const early = queue.filter((s) => !s.scheduleLate);
  const placed = new Set<Subject>();
  const terms: ScheduledTerm[] = [];
  for (let index = 0; index < MAX_TERMS && placed.size < queue.length; index++) {
    const term = termAt(catalogue, index);
    const limit = capacity.limit(term);
    const chosen: Subject[] = [];
    let load = EMPTY_LOAD;
    if (limit.subjects > 0 && limit.credits > 0) {
      for (const subject of queue) {
        if (placed.has(subject) || !offeredIn(subject, term)) continue;
        if (subject.scheduleLate && early.some((s) => !placed.has(s) && !chosen.includes(s))) break;
        const next = withSubject(load, subject);
        if (chosen.length > 0 && !fitsIn(next, limit)) continue;
        chosen.push(subject);
        load = next;
        if (fills(load, limit)) break;
      }
    }
    capacity.took?.(term, load);
    for (const subject of chosen) placed.add(subject);
    terms.push({ term, subjects: chosen });
  }
  while (terms.length > 0 && terms[terms.length - 1]!.subjects.length === 0) terms.pop();
  return { terms, unplaced: queue.filter((s) => !placed.has(s)) };
}

/** How many terms from the intake the mode's normal duration spans (3 for a year of three terms). */
function termsInNormalDuration(catalogue: Catalogue, mode: ModeData): number {
  return Math.ceil(mode.normalDurationYears * termKinds(catalogue).length);
}

const lastIndex = (p: Placement) => p.terms.at(-1)?.term.index ?? -1;

/**
 * A schedule for `subjects` (in the order given: compulsory first is the caller's choice): each term
 * filled up to the mode's normal load, in order, where the subject is offered; subjects marked
 * `scheduleLate` only once every other subject has a term. Pure; returns the terms from the intake
 * to the last one used, empty ones included.
 *
 * Terms the guidance leaves out (the Summer Term) are not where a student normally studies, so they
 * get nothing, with one exception: inside the mode's normal duration they take what the guided terms
 * of that duration could not hold, up to the heaviest normal term, so that a plan which fits the
 * duration with a summer subject finishes on time rather than a whole term later (a full-time
 * coursework plan of 11 subjects is two semesters of 5 and one Summer Term subject, within the year).
 * Beyond the normal duration, or when the guided terms hold everything, a summer stays empty.
 */
export function proposeSchedule(
  catalogue: Catalogue,
  modeId: string,
  subjects: readonly Subject[],
): { terms: ScheduledTerm[]; unplaced: Subject[] } {
  const mode = modeOf(catalogue, modeId);
  const load = mode.load ?? NO_LOAD;
  const queue = [...subjects.filter((s) => !s.scheduleLate), ...subjects.filter((s) => s.scheduleLate)];
  const units = loadUnits(catalogue, modeId);
  // A catalogue without guidance for this mode puts everything as early as it is offered.
  if (units.length === 0) return place(catalogue, queue, { limit: () => UNLIMITED });
  const guided = (term: Term) => load[term.kind.id];
  const byGuidance = place(catalogue, queue, { limit: (term) => (guided(term) ? maxLoad(guided(term)!) : EMPTY_LOAD) });

  const duration = termsInNormalDuration(catalogue, mode);
  const late = byGuidance.terms.filter((t) => t.term.index >= duration).flatMap((t) => t.subjects);
  const overflow = loadOf([...late, ...byGuidance.unplaced]);
  if (overflow.subjects === 0) return byGuidance;
  // What is left for the unguided terms, in the units the guidance counts; shared among them in order.
  let spare: TermLoad = {
    subjects: units.includes('subjects') ? overflow.subjects : Infinity,
    credits: units.includes('credits') ? overflow.credits : Infinity,
  };
  const heaviest = termKinds(catalogue).reduce<TermLoad>((most, kind) => {
    const max = load[kind.id] ? maxLoad(load[kind.id]!) : EMPTY_LOAD;
    return { subjects: Math.max(most.subjects, max.subjects), credits: Math.max(most.credits, max.credits) };
  }, EMPTY_LOAD);
  const withSummer = place(catalogue, queue, {
    limit: (term) => {
      if (guided(term)) return maxLoad(guided(term)!);
      if (term.index >= duration) return EMPTY_LOAD;
      return { subjects: Math.min(spare.subjects, heaviest.subjects), credits: Math.min(spare.credits, heaviest.credits) };
    },
    took: (term, given) => {
      if (!guided(term))
        spare = { subjects: Math.max(0, spare.subjects - given.subjects), credits: Math.max(0, spare.credits - given.credits) };
    },
  });
  // Only ever an improvement: never a later graduation, never a subject left without a term.
  const better = withSummer.unplaced.length <= byGuidance.unplaced.length && lastIndex(withSummer) <= lastIndex(byGuidance);
  return better ? withSummer : byGuidance;
}
