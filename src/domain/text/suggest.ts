/**
 * Edit distance when it is at most `limit`, else limit + 1. Only the cells within `limit` of the
 * diagonal can hold a distance that small, so only they are worked out (a band, not the whole
 * table: a misspelt subject is compared with every name of the catalogue), and it stops early
 * once a whole row of the band exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // The cell left of the band: the first column (i deletions) or one too far from the diagonal.
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMin = current[from - 1]!;
    const char = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The cell right of the band, which the next row reads from above.
    if (to < b.length) current[to + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface Candidate<T> {
  key: string;
  value: T;
}

/**
 * The closest candidates to `query` (both already normalised), best first: names that contain
 * the query or are contained by it, then names within a few edits.
 */
export function closest<T>(query: string, candidates: readonly Candidate<T>[], max = 3): T[] {
  if (query === '') return [];
  // Most slips are a letter or two: look that close first, where the distance gives up early.
  const near = closestWithin(query, candidates, max, 2);
  return near.length > 0 ? near : closestWithin(query, candidates, max, Math.max(2, Math.floor(query.length / 3)));
}

function closestWithin<T>(query: string, candidates: readonly Candidate<T>[], max: number, limit: number): T[] {
  const scored: { value: T; score: number }[] = [];
  for (const { key, value } of candidates) {
    let score = editDistance(query, key, limit);
    if (score > limit && query.length >= 3 && (key.includes(query) || query.includes(key))) score = limit;
    if (score <= limit) scored.push({ value, score });
  }
  scored.sort((x, y) => x.score - y.score);
  const seen = new Set<T>();
  const out: T[] = [];
  for (const { value } of scored) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(value);
    if (out.length === max) break;
  }
  return out;
}
