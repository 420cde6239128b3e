import type { Subject } from '../catalogue/model.js';

// Past this many table cells (subjects x credit sums) the exact search gives way to a quick one.
const MAX_CELLS = 4_000_000;

const charged = (s: Subject) => (s.tuitionFree ? 0 : s.credits);

/**
 * The subjects a credit-based rule counts: of `candidates` (each with credits), the subset with the
 * fewest credits that still reaches `need`, so no more is counted towards graduation than the rule
 * asks; among those, the one with the most tuition-bearing credits, which the fellowship may cover.
 * When all together fall short, all of them. The result depends only on the candidates' order, which
 * the engine makes canonical, so remaining ties are settled the same way every time.
 */
export function fewestCreditsReaching(candidates: readonly Subject[], need: number): Subject[] {
  const total = candidates.reduce((sum, s) => sum + s.credits, 0);
  if (total <= need) return [...candidates];
  if (need <= 0) return [];
  // A smallest subset reaching `need` loses that property when any member goes, so its sum is
  // below need + its smallest member: no sum past `bound` is ever the answer.
  const bound = Math.min(total, need + Math.max(...candidates.map((s) => s.credits)) - 1);
  if (candidates.length * (bound + 1) > MAX_CELLS) return quickReaching(candidates, need);

  const width = bound + 1;
  // best[s]: the most charged credits of a subset whose credits sum to exactly s (-1: none does).
  const best = new Int32Array(width).fill(-1);
  best[0] = 0;
  const took = new Uint8Array(candidates.length * width);
  candidates.forEach((subject, k) => {
    const c = subject.credits;
    for (let s = bound; s >= c; s--) {
      const from = best[s - c]!;
      if (from < 0) continue;
      const value = from + charged(subject);
      if (value > best[s]!) {
        best[s] = value;
        took[k * width + s] = 1;
      }
    }
  });
  let sum = need;
  while (best[sum]! < 0) sum++;
  const chosen: Subject[] = [];
  for (let k = candidates.length - 1; k >= 0; k--) {
    if (took[k * width + sum] === 1) {
      chosen.push(candidates[k]!);
      sum -= candidates[k]!.credits;
    }
  }
  return chosen.reverse();
}

/** For sums too large to tabulate: the largest subjects first, then any that are not needed dropped. */
function quickReaching(candidates: readonly Subject[], need: number): Subject[] {
  const byCredits = [...candidates].sort((a, b) => b.credits - a.credits);
  const taken: Subject[] = [];
  let sum = 0;
  for (const subject of byCredits) {
    if (sum >= need) break;
    taken.push(subject);
    sum += subject.credits;
  }
  const kept = new Set(taken);
  for (const subject of [...taken].reverse()) {
    if (sum - subject.credits >= need) {
      kept.delete(subject);
      sum -= subject.credits;
    }
  }
  return candidates.filter((s) => kept.has(s));
}
