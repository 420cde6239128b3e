import type { Style } from './style.js';

export const PROGRESS_CELLS = 6;
const FULL = '█';
const EMPTY = '░';

/** `████░░`: `have` of `need` as filled and empty blocks, readable without colour. */
export function progressBar(have: number, need: number, cells = PROGRESS_CELLS, style?: Style): string {
  const share = need <= 0 ? 1 : Math.min(1, Math.max(0, have / need));
  // Something done shows at least one block, and only the whole shows them all.
  let filled = Math.round(share * cells);
  if (have > 0 && filled === 0) filled = 1;
  if (share < 1 && filled === cells) filled = cells - 1;
  const empty = EMPTY.repeat(cells - filled);
  return FULL.repeat(filled) + (style ? style.dim(empty) : empty);
}

/** `2/2`, or `27/30 cr` for a requirement counted in credits. */
export function progressCount(have: number, need: number, unit: 'subject' | 'credit'): string {
  return unit === 'credit' ? `${have}/${need} cr` : `${have}/${need}`;
}

/** `████░░ 2/3`: a requirement's progress as a bar and its numbers. */
export function requirementProgress(r: { have: number; need: number; unit: 'subject' | 'credit' }, style?: Style): string {
  return `${progressBar(r.have, r.need, PROGRESS_CELLS, style)} ${progressCount(r.have, r.need, r.unit)}`;
}
