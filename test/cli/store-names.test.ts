import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlan } from '../../src/cli/io/find-plan.js';
import { planNameKey, plansNamed, planToReplace, storedPlanName } from '../../src/cli/io/store-names.js';
import type { SavedPlan } from '../../src/cli/io/store-types.js';
import { openStore } from '../../src/cli/io/store.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';
import { makeTempDir } from '../support/temp-dir.js';

// A saved plan's name is one name whatever its letter case or Unicode form (NFC).

const PLAN: PlanFile = {
  catalogue: 'polyu-msc-health-informatics-2024',
  residency: 'local',
  mode: 'part-time',
  fellowship: false,
  subjects: ['SN5023'],
};
const CAFE_NFC = 'caf\u00e9';
const CAFE_NFD = 'cafe\u0301';
const saved = (name: string, fellowship = false): SavedPlan => ({
  name,
  plan: { ...PLAN, fellowship },
  updatedAt: '2024-09-01T12:00:00.000Z',
});

async function fileStore(dir = makeTempDir()) {
  const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
  return { store, dir, file: path.join(dir, 'store.json') };
}

describe('the name key', () => {
  it.each([
    ['letter case', 'My plan', 'my plan'],
    ['all capitals', 'MY PLAN', 'my plan'],
    ['composed and decomposed accents (NFC, NFD)', CAFE_NFC, CAFE_NFD],
    ['both at once', 'CAF\u00c9', CAFE_NFD],
    ['spaces at either end', '  My plan\t', 'my plan'],
    ['Greek capitals', 'ΣΧΈΔΙΟ', 'σχέδιο'],
    ['a final sigma, whichever way it is written', 'ΠΛΆΝΟΣ 2', 'πλάνοσ 2'],
    ['sharp s and its capitals (full case folding)', 'Straße', 'STRASSE'],
    ['capital sharp s', 'STRA\u1e9eE', 'strasse'],
    ['a ligature', '\ufb01nal plan', 'FINAL PLAN'],
  ])('%s: %j and %j are one name', (_what, a, b) => {
    expect(planNameKey(a)).toBe(planNameKey(b));
  });

  it.each([
    ['another letter', 'my plan', 'my plat'],
    ['an accent', 'cafe', CAFE_NFC],
    ['a space inside', 'my plan', 'myplan'],
    ['a full-width letter (a compatibility form, not the same character)', 'plan A', 'plan \uff21'],
  ])('%s: %j and %j are two names', (_what, a, b) => {
    expect(planNameKey(a)).not.toBe(planNameKey(b));
  });

  it('keeps a name as written, trimmed and composed', () => {
    expect(storedPlanName('  My Caf\u0065\u0301 ')).toBe('My Caf\u00e9');
    expect(storedPlanName('My plan')).toBe('My plan');
  });

  it('for every name: another letter case, Unicode form or surrounding spaces keeps the key', () => {
    // Letters whose case maps one to one, some with accents that NFD splits off, digits and spaces.
    const letter = fc.constantFrom(...'aBcdEfxyZ09 -\u00e9\u00c9\u00fc\u00dc\u00f1\u03c3\u03a3\u00e5'.split(''));
    const flip = (c: string, up: boolean) => (up ? c.toUpperCase() : c.toLowerCase());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(letter, fc.boolean()), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('NFC', 'NFD', 'NFKC') as fc.Arbitrary<'NFC' | 'NFD'>,
        fc.constantFrom('', ' ', '\t', '  '),
        (letters, form, pad) => {
          const name = letters.map(([c]) => c).join('');
          const variant = `${pad}${letters
            .map(([c, up]) => flip(c, up))
            .join('')
            .normalize(form)}${pad}`;
          expect(planNameKey(variant)).toBe(planNameKey(name));
        },
      ),
    );
  });
});

describe('which saved plans a name means', () => {
  const legacyPair = [saved('My plan'), saved('my plan', true), saved('Other')];

  it.each([
    ['exactly', [saved('My plan')], 'My plan', ['My plan']],
    ['in another case', [saved('My plan')], 'MY PLAN', ['My plan']],
    ['in another Unicode form', [saved(CAFE_NFC)], CAFE_NFD, [CAFE_NFC]],
    ['a plan saved decomposed by an older version, named composed', [saved(CAFE_NFD)], CAFE_NFC, [CAFE_NFD]],
    ['nothing', [saved('My plan')], 'Your plan', []],
    ['the exact one of a pair an older version saved', legacyPair, 'my plan', ['my plan']],
    ['both of that pair, named neither way exactly', legacyPair, 'MY PLAN', ['My plan', 'my plan']],
  ])('%s', (_what, plans, name, expected) => {
    expect(plansNamed(plans, name).map((p) => p.name)).toEqual(expected);
  });

  it('saving: a free name replaces nothing; a taken one is refused without replace, and names the saved plan as written', () => {
    expect(planToReplace([saved('My plan')], 'Your plan', false)).toBeUndefined();
    expect(() => planToReplace([saved('My plan')], 'my plan', false)).toThrow(
      'a plan named "My plan" is already saved (names that differ only in letter case or Unicode form are one name); pass --force to replace it, or choose another name with --name.',
    );
    expect(() => planToReplace([saved('My plan')], 'My plan', false)).toThrow(
      'a plan named "My plan" is already saved; pass --force to replace it, or choose another name with --name.',
    );
    expect(planToReplace([saved('My plan')], 'MY PLAN', true)?.name).toBe('My plan');
  });

  it('saving over an older pair: the exact one is replaced; neither exactly is refused even with replace', () => {
    expect(planToReplace(legacyPair, 'My plan', true)?.name).toBe('My plan');
    expect(() => planToReplace(legacyPair, 'MY PLAN', true)).toThrow('"MY PLAN" could mean any of the saved plans "My plan" and "my plan"');
    expect(() => planToReplace(legacyPair, 'MY PLAN', false)).toThrow('plans named "My plan" and "my plan" are already saved');
  });
});

describe('the store keeps one plan per name', () => {
  it('refuses "my plan" beside "My plan", and with replace keeps one plan, under the name last written', async () => {
    const { store, file } = await fileStore();
    store.savePlan('My plan', PLAN);
    const before = fs.readFileSync(file, 'utf8');
    expect(() => store.savePlan('my plan', { ...PLAN, fellowship: true })).toThrow('a plan named "My plan" is already saved');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const replaced = store.savePlan('my plan', { ...PLAN, fellowship: true }, { replace: true });
    expect(store.listPlans()).toEqual([replaced]);
    expect(replaced).toMatchObject({ name: 'my plan', plan: { fellowship: true } });
  });

  it('stores a name typed decomposed in its composed form, and refuses the other form beside it', async () => {
    const { store } = await fileStore();
    expect(store.savePlan(`  ${CAFE_NFD} `, PLAN).name).toBe(CAFE_NFC);
    expect(() => store.savePlan(CAFE_NFC.toUpperCase(), PLAN)).toThrow(`a plan named "${CAFE_NFC}" is already saved`);
    expect(store.getPlan(CAFE_NFD)?.name).toBe(CAFE_NFC);
    expect(store.listPlans()).toHaveLength(1);
  });

  it('a store an older version wrote with two plans differing only in case loads whole, and each is still reachable', async () => {
    const dir = makeTempDir();
    const plans = [saved('My plan'), saved('my plan', true)];
    fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ version: 1, defaults: {}, plans }));
    const { store } = await fileStore(dir);
    expect(store.listPlans()).toEqual(plans);
    expect(findPlan(store, 'my plan').plan.fellowship).toBe(true);
    expect(findPlan(store, 'My plan').plan.fellowship).toBe(false);
    expect(() => findPlan(store, 'MY PLAN')).toThrow(
      '"MY PLAN" could mean any of the saved plans "My plan" and "my plan", whose names differ only in letter case; give the name exactly as it is saved',
    );
    expect(store.getPlan('MY PLAN')).toBeUndefined();
    // Replacing one by its exact name leaves the other alone.
    store.savePlan('my plan', { ...PLAN, mode: 'full-time' }, { replace: true });
    expect(store.listPlans().map((p) => [p.name, p.plan.mode])).toEqual([
      ['My plan', 'part-time'],
      ['my plan', 'full-time'],
    ]);
  });
});
