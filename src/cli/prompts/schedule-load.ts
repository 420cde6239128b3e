import type { Catalogue } from '../../domain/catalogue/model.js';
import { joinWords } from '../../domain/rules/wording.js';
import { normalLoad } from '../../domain/schedule/check.js';
import { modeOf } from '../../domain/schedule/propose.js';
import { termAt, termKinds, type Term } from '../../domain/schedule/terms.js';
import { safeLine } from '../render/sanitize.js';

/** The warning beside a heavy term: short, so the timeline still fits 80 columns. */
export function heavyNote(catalogue: Catalogue, modeId: string, term: Term): string {
  return `! over ${normalLoad(catalogue, modeId, term)?.maxCredits ?? 0} cr`;
}

const range = (g: { minCredits: number; maxCredits: number }) => (g.minCredits === g.maxCredits ? `${g.maxCredits}` : `${g.minCredits} to ${g.maxCredits}`);

/** "6 of 6 cr", "9 of 12 to 15 cr", or "3 cr, no normal load" for a term the guidance leaves out. */
export function loadText(catalogue: Catalogue, modeId: string, term: Term, credits: number): string {
  const guidance = normalLoad(catalogue, modeId, term);
  return guidance ? `${credits} of ${range(guidance)} cr` : `${credits} cr, no normal load`;
}

/** "Normal load for part-time study: 6 credits a term in Semester One and Semester Two." */
export function normalLoadSentence(catalogue: Catalogue, modeId: string): string {
  const mode = modeOf(catalogue, modeId);
  const study = `${safeLine(mode.label).toLowerCase()} study`;
  // Term kinds with the same guidance share one phrase.
  const kindsByRange = new Map<string, string[]>();
  for (const kind of termKinds(catalogue)) {
    const guidance = mode.load?.[kind.id];
    if (guidance) kindsByRange.set(range(guidance), [...(kindsByRange.get(range(guidance)) ?? []), safeLine(kind.label)]);
  }
  if (kindsByRange.size === 0) return `The catalogue gives no normal load for ${study}.`;
  const parts = [...kindsByRange].map(([credits, kinds]) => `${credits} credits a term in ${joinWords(kinds, 'and')}`);
  return `Normal load for ${study}: ${joinWords(parts, 'and')}.`;
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
