import type { Catalogue, Leaf } from '../../catalogue/model.js';
import { fromHundredths } from '../../catalogue/credits.js';
import { describeSelector, joinWords, plural } from '../wording.js';
import type { LeafOutcome } from './state-search.js';

/** What one pool still needs, in a student's words ("1 more elective subject"), or '' when met. */
export function leafShortfall(catalogue: Catalogue, leaf: Leaf, outcome: LeafOutcome): string {
  if (leaf.all) {
    const counted = new Set(outcome.counted.map((s) => s.id));
    const missing = [...leaf.eligible].filter((id) => !counted.has(id)).map((id) => catalogue.subjectById.get(id)!.title);
    if (missing.length === 0) return '';
    if (leaf.eligible.size === 1) return `the ${missing[0]}`;
    if (missing.length <= 3) return joinWords(missing, 'and');
    return `${missing.length} more ${describeSelector(catalogue, leaf.from)} subjects`;
  }
  const pool = describeSelector(catalogue, leaf.from);
  const listed = pool.startsWith('from ');
  const parts: string[] = [];
  const fewer = leaf.minSubjects - outcome.subjects;
  if (fewer > 0)
    parts.push(
      listed ? `${plural(fewer, 'more subject', 'more subjects')} ${pool}` : plural(fewer, `more ${pool} subject`, `more ${pool} subjects`),
    );
  const short = leaf.minCredits - outcome.credits;
  if (short > 0) parts.push(`${plural(fromHundredths(short), 'more credit', 'more credits')} ${listed ? pool : `of ${pool} subjects`}`);
  return joinWords(parts, 'and');
}

export function leafMet(leaf: Leaf, outcome: LeafOutcome): boolean {
  return outcome.subjects >= leaf.minSubjects && outcome.credits >= leaf.minCredits;
}

/** How near a pool is to met, from 0 to 1. */
export function leafProgress(leaf: Leaf, outcome: LeafOutcome): number {
  const parts: number[] = [];
  if (leaf.minSubjects > 0) parts.push(Math.min(1, outcome.subjects / leaf.minSubjects));
  if (leaf.minCredits > 0) parts.push(Math.min(1, outcome.credits / leaf.minCredits));
  return parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length;
}
