import type { Catalogue } from '../catalogue/model.js';

/**
 * Results remembered per catalogue and key: a cohort checked in one run meets the same sets of
 * subjects again and again, and a pure result need not be worked out twice. Bounded, so a run of
 * endless distinct keys keeps its memory flat (past the bound nothing more is remembered).
 */
export class Remembered<T> {
  private readonly byCatalogue = new WeakMap<Catalogue, Map<string, T>>();

  constructor(private readonly max: number) {}

  /** The result for `key`, from memory or from `work` (then remembered while there is room). */
  get(catalogue: Catalogue, key: string, work: () => T): T {
    let memory = this.byCatalogue.get(catalogue);
    if (!memory) this.byCatalogue.set(catalogue, (memory = new Map()));
    const known = memory.get(key);
    if (known !== undefined) return known;
    const result = work();
    if (memory.size < this.max) memory.set(key, result);
    return result;
  }
}
