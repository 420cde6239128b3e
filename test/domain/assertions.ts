import { expect } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { RequirementResult } from '../../src/domain/rules/engine.js';

/** A subject counts towards one requirement only, and only towards one whose rule names it. */
export function expectSoundCounting(catalogue: Catalogue, requirements: readonly RequirementResult[]): void {
  const seen = new Map<string, string>();
  requirements.forEach((result, i) => {
    const requirement = catalogue.requirements[i]!;
    const option = result.option ? requirement.options.find((o) => o.id === result.option!.id)! : requirement.options[0]!;
    for (const subject of result.counted) {
      expect(seen.get(subject.id), `${subject.id} counted twice`).toBeUndefined();
      seen.set(subject.id, result.id);
      expect(option.eligible.has(subject.id), `${subject.id} does not belong in ${result.id}`).toBe(true);
    }
    expect(result.missing === null).toBe(result.satisfied);
  });
}
