import { describe, expect, it } from 'vitest';
import { catalogueFrom, smallV2Json, subjectsOf } from './catalogues.js';
import { creditsOverLimits } from '../../src/domain/plan/degree-credits.js';
import { bestExitAward } from '../../src/domain/plan/exit-award.js';

// A small version 2 programme: 3 foundation subjects of 6 credits and a 0.5-credit one, 4 electives.
function programme(limits: unknown[], exitAwards: unknown[] = []) {
  return catalogueFrom(
    smallV2Json(
      [
        ['f1', 'foundation', 6],
        ['f2', 'foundation', 6],
        ['f3', 'foundation', 6],
        ['f4', 'foundation', 0.5],
        ['e1', 'elective', 6],
        ['e2', 'elective', 6],
        ['e3', 'elective', 6],
        ['e4', 'elective', 6],
      ],
      {
        requirements: [{ id: 'any', label: 'Any subjects', from: { categories: ['foundation', 'elective'] }, atLeast: { credits: 24 } }],
        limits,
        exitAwards,
      },
    ),
  );
}

describe('credits beyond a limit do not count towards the degree', () => {
  const cases: { name: string; limits: unknown[]; plan: string[]; over: { label: string; credits: number }[] }[] = [
    {
      name: 'within the cap',
      limits: [{ id: 'fo', label: 'Foundation', from: { categories: ['foundation'] }, atMost: { credits: 12 } }],
      plan: ['f1', 'f2', 'e1'],
      over: [],
    },
    {
      name: 'credits over the cap',
      limits: [{ id: 'fo', label: 'Foundation', from: { categories: ['foundation'] }, atMost: { credits: 12 } }],
      plan: ['f1', 'f2', 'f3', 'f4'],
      over: [{ label: 'Foundation', credits: 6.5 }],
    },
    {
      name: 'a cap in subjects leaves out the smallest',
      limits: [{ id: 'fo', label: 'Foundation', from: { categories: ['foundation'] }, atMost: { subjects: 3 } }],
      plan: ['f4', 'f1', 'f2', 'f3'],
      over: [{ label: 'Foundation', credits: 0.5 }],
    },
    {
      name: 'a subject beyond two limits is left out once',
      limits: [
        { id: 'fo', label: 'Foundation', from: { categories: ['foundation'] }, atMost: { subjects: 2 } },
        { id: 'all', label: 'Everything', from: { categories: ['foundation', 'elective'] }, atMost: { credits: 24 } },
      ],
      // f3 is beyond the first limit; the second then sees 30 credits, not 36.
      plan: ['f1', 'f2', 'f3', 'e1', 'e2', 'e3'],
      over: [
        { label: 'Foundation', credits: 6 },
        { label: 'Everything', credits: 6 },
      ],
    },
  ];
  it.each(cases)('$name', ({ limits, plan, over }) => {
    const catalogue = programme(limits);
    expect(creditsOverLimits(catalogue, subjectsOf(catalogue, plan))).toEqual(over);
  });
});

describe('the best exit award is the largest the plan earns', () => {
  const awards = [
    { id: 'cert', name: 'Graduate Certificate', credits: 6 },
    { id: 'dip', name: 'Graduate Diploma', credits: 12, requires: ['any'] },
  ];
  const cases = [
    { credits: 5, met: [], award: undefined },
    { credits: 6, met: [], award: 'Graduate Certificate' },
    { credits: 18, met: [], award: 'Graduate Certificate' },
    { credits: 18, met: ['any'], award: 'Graduate Diploma' },
  ];
  it.each(cases)('$credits credits, meeting $met', ({ credits, met, award }) => {
    expect(bestExitAward(programme([], awards), credits, new Set(met))?.name).toBe(award);
  });
});
