/** Edit distance, stopping early once it exceeds `limit` (returns limit + 1 then). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
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
