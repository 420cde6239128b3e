import type { Catalogue } from '../../domain/catalogue/model.js';
import type { LoadGuidance } from '../../domain/catalogue/schema.js';
import { joinWords } from '../../domain/rules/wording.js';
import { guidanceRange, loadUnits, modeOf, normalLoad, overBy, type LoadUnit, type TermLoad } from '../../domain/schedule/load.js';
import { termAt, termKinds, type Term } from '../../domain/schedule/terms.js';
import { safeLine } from '../render/sanitize.js';

const short = (unit: LoadUnit, n: number) => (unit === 'credits' ? 'cr' : n === 1 ? 'subject' : 'subjects');
const long = (unit: LoadUnit, n: number) => (unit === 'credits' ? (n === 1 ? 'credit' : 'credits') : n === 1 ? 'subject' : 'subjects');

/** The warning beside a heavy term, "! over 2 subjects": short, so the timeline still fits 80 columns. */
export function heavyNote(catalogue: Catalogue, modeId: string, term: Term, load: TermLoad): string {
  const guidance = normalLoad(catalogue, modeId, term);
  const over = guidance ? overBy(guidance, load) : [];
  return `! over ${over.map((o) => `${o.max} ${short(o.unit, o.max)}`).join(', ')}`;
}

const rangeText = (r: { min: number; max: number }) => (r.min === r.max ? `${r.max}` : `${r.min} to ${r.max}`);

/** The units a term's load is told in: its own guidance's, else the mode's, else credits. */
function unitsFor(catalogue: Catalogue, modeId: string, guidance: LoadGuidance | undefined): LoadUnit[] {
  if (guidance) return (['subjects', 'credits'] as const).filter((u) => guidanceRange(guidance, u) !== undefined);
  const units = loadUnits(catalogue, modeId);
  return units.length > 0 ? units : ['credits'];
}

/** "2 of 2 subjects", "5 of 4 to 5 subjects", "6 of 6 cr", or "1 subject, no normal load" for a term the guidance leaves out. */
export function loadText(catalogue: Catalogue, modeId: string, term: Term, load: TermLoad): string {
  const guidance = normalLoad(catalogue, modeId, term);
  const units = unitsFor(catalogue, modeId, guidance);
  if (!guidance) return `${units.map((u) => `${load[u]} ${short(u, load[u])}`).join(', ')}, no normal load`;
  return units
    .map((u) => {
      const range = guidanceRange(guidance, u)!;
      return `${load[u]} of ${rangeText(range)} ${short(u, range.max)}`;
    })
    .join(', ');
}

/** "4 to 5 subjects", "6 credits", "2 subjects (6 credits)": one term kind's guidance. */
function guidanceText(guidance: LoadGuidance): string {
  const parts = (['subjects', 'credits'] as const).flatMap((u) => {
    const range = guidanceRange(guidance, u);
    return range ? [`${rangeText(range)} ${long(u, range.max)}`] : [];
  });
  return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0]!;
}

/** "Normal load for part-time study: 2 subjects a term in Semester One and Semester Two." */
export function normalLoadSentence(catalogue: Catalogue, modeId: string): string {
  const mode = modeOf(catalogue, modeId);
  const study = `${safeLine(mode.label).toLowerCase()} study`;
  // Term kinds with the same guidance share one phrase.
  const kindsByRange = new Map<string, string[]>();
  let unguided = false;
  for (const kind of termKinds(catalogue)) {
    const guidance = mode.load?.[kind.id];
    if (!guidance) unguided = true;
    else kindsByRange.set(guidanceText(guidance), [...(kindsByRange.get(guidanceText(guidance)) ?? []), safeLine(kind.label)]);
  }
  if (kindsByRange.size === 0) return `The catalogue gives no normal load for ${study}.`;
  const parts = [...kindsByRange].map(([amount, kinds]) => `${amount} a term in ${joinWords(kinds, 'and')}`);
  // The proposal's one use of other terms (see proposeSchedule), said so a summer subject is no surprise.
  const years = `${mode.normalDurationYears} year${mode.normalDurationYears === 1 ? '' : 's'}`;
  const others = unguided ? ` Other terms are used only for what those cannot hold in the normal ${years}.` : '';
  return `Normal load for ${study}: ${joinWords(parts, 'and')}.${others}`;
}

/**
 * The terms a subject may be moved to: from the intake through the mode's normal duration and one
 * year more (and any later term the schedule already uses), where the subject is offered.
 */
export function termsToOffer(catalogue: Catalogue, modeId: string, lastUsed: number, offered: (term: Term) => boolean): Term[] {
  const perYear = termKinds(catalogue).length;
  const horizon = Math.ceil((modeOf(catalogue, modeId).normalDurationYears + 1) * perYear);
  const count = Math.max(horizon, lastUsed + 1);
  return Array.from({ length: count }, (_, i) => termAt(catalogue, i)).filter(offered);
}
