import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueSummary } from '../../src/domain/catalogue/authoring-summary.js';
import { searchStates } from '../../src/domain/catalogue/check-cost.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';

const IT = 'test/fixtures/programmes/polyu-msc-information-technology-2024.json';

/** A catalogue of its own (not one shared through a loader's cache), as parseCatalogue builds it. */
function parsed(file: string): Catalogue {
  const result = parseCatalogue(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.catalogue;
}

/** `catalogue` made so that searching it throws: searchRoute reads its limits for every route (state-search.ts), the summary never does. */
function unsearchable(catalogue: Catalogue): Catalogue {
  return Object.defineProperty(catalogue, 'limits', {
    get: () => {
      throw new Error('searched again');
    },
  });
}

describe('searchStates: counted once per catalogue', () => {
  it('reuses the count loading made (checkCost) instead of searching again', () => {
    const catalogue = parsed(IT);
    const fresh = searchStates({ ...catalogue });
    expect(fresh).toBeGreaterThan(0);
    expect(searchStates(unsearchable(catalogue))).toBe(fresh);
  });

  it('gives the summary that count, without a search of its own', () => {
    const catalogue = parsed(IT);
    const fresh = searchStates({ ...catalogue });
    expect(catalogueSummary(unsearchable(catalogue)).searchStates).toBe(fresh);
  });

  it('counts a catalogue it has not seen', () => {
    expect(() => searchStates(unsearchable({ ...parsed(IT) }))).toThrow('searched again');
  });
});
