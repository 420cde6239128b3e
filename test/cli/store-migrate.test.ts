import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { answersFromDraft } from '../../src/cli/commands/plan/draft.js';
import { runPlanner } from '../../src/cli/commands/plan/planner.js';
import { loadCatalogue } from '../../src/cli/io/catalogue.js';
import { openStore } from '../../src/cli/io/store.js';
import { readStore } from '../../src/cli/io/store-file.js';
import { draftFromVersion1, upgradeStore, type DraftV1, type StoreDataV1 } from '../../src/cli/io/store-migrate.js';
import { decodeStore, STORE_VERSION } from '../../src/cli/io/store-schema.js';
import type { Draft, StoreData } from '../../src/cli/io/store-types.js';
import { makeContext } from '../../src/cli/make-context.js';
import { planFromAnswers } from '../../src/domain/plan/draft.js';
import { isAnswered, plannerSteps, type Answers } from '../../src/domain/plan/steps.js';
import { INVENTED } from '../prompts/harness.js';
import { scriptedAsk } from '../prompts/scripted-ask.js';

// Stores saved by study-planner with store version 1 (test/fixtures/store/version-1*.json: a
// default, plans saved by `plan`, a draft saved by the planner), and what that version made of
// each draft when resumed (version-1-resumed.json): the answers and the first question it asked.
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'store');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as StoreDataV1;
const RESUMED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'version-1-resumed.json'), 'utf8')) as Record<
  string,
  { answers: Answers; firstQuestion: string }
>;
const catalogueOf = (draft: { catalogue: string }) => loadCatalogue(draft.catalogue.startsWith('invented') ? INVENTED : undefined);

const T = '2024-08-20T09:15:00.000Z';
const NONE = { picks: {}, routes: {} };

describe('a version-1 draft, brought to the current version', () => {
  const rows: [string, DraftV1, Draft][] = [
    ['nothing answered', { catalogue: 'c', updatedAt: T }, { catalogue: 'c', answers: NONE, updatedAt: T }],
    [
      'answers every step has (residency, mode, schedule, fellowship, name)',
      {
        catalogue: 'c',
        residency: 'local',
        mode: 'part-time',
        schedule: [{ term: 'Semester One 2024/25', subjects: ['a'] }],
        fellowship: false,
        name: 'Mine',
        updatedAt: T,
      },
      {
        catalogue: 'c',
        answers: {
          ...NONE,
          residency: 'local',
          mode: 'part-time',
          schedule: [{ term: 'Semester One 2024/25', subjects: ['a'] }],
          fellowship: false,
          name: 'Mine',
        },
        updatedAt: T,
      },
    ],
    [
      'answers by step key stay by step key',
      { catalogue: 'c', picks: { methods: ['a'] }, routes: { finale: 'broad' }, updatedAt: T },
      { catalogue: 'c', answers: { picks: { methods: ['a'] }, routes: { finale: 'broad' } }, updatedAt: T },
    ],
    [
      'answers under flag names move as they are, to be placed when resumed',
      { catalogue: 'c', core: ['a'], elective: ['b'], route: 'coursework', extra: ['c'], picks: { methods: ['d'] }, updatedAt: T },
      {
        catalogue: 'c',
        answers: { picks: { methods: ['d'] }, routes: {} },
        byFlag: { core: ['a'], elective: ['b'], route: 'coursework', extra: ['c'] },
        updatedAt: T,
      },
    ],
    [
      'an empty pick is an answer, and is kept',
      { catalogue: 'c', core: [], updatedAt: T },
      { catalogue: 'c', answers: NONE, byFlag: { core: [] }, updatedAt: T },
    ],
  ];
  test.each(rows)('%s', (_, old, now) => {
    expect(draftFromVersion1(old)).toEqual(now);
  });
});

describe('a version-1 store, brought to the current version', () => {
  const plan = { name: 'p', plan: { residency: 'local' as const, subjects: ['a'] }, updatedAt: T } as StoreData['plans'][number];
  const rows: [string, StoreDataV1 | StoreData, StoreData][] = [
    ['empty', { version: 1, defaults: {}, plans: [] }, { version: 2, defaults: {}, plans: [] }],
    [
      'defaults and plans as they are',
      { version: 1, defaults: { residency: 'local', mode: 'full-time' }, plans: [plan] },
      { version: 2, defaults: { residency: 'local', mode: 'full-time' }, plans: [plan] },
    ],
    [
      'with its draft',
      { version: 1, defaults: {}, plans: [], draft: { catalogue: 'c', mode: 'evening', updatedAt: T } },
      { version: 2, defaults: {}, plans: [], draft: { catalogue: 'c', answers: { ...NONE, mode: 'evening' }, updatedAt: T } },
    ],
    ['already current: untouched', { version: 2, defaults: {}, plans: [plan] }, { version: 2, defaults: {}, plans: [plan] }],
  ];
  test.each(rows)('%s', (_, old, now) => {
    expect(upgradeStore(old)).toEqual(now);
  });
});

describe('stores saved by version 1', () => {
  test.each(['version-1.json', 'version-1-other-catalogue.json', 'three-plans.json'])(
    '%s: every plan and default survives, the draft too',
    (name) => {
      const old = fixture(name);
      const read = readStore(path.join(FIXTURES, name));
      if (read.state !== 'ok') throw new Error(`not read: ${JSON.stringify(read)}`);
      expect(read.data.version).toBe(STORE_VERSION);
      expect(read.data.plans).toEqual(old.plans);
      expect(read.data.defaults).toEqual(old.defaults);
      expect(read.data.draft === undefined).toBe(old.draft === undefined);
    },
  );

  test.each(Object.keys(RESUMED))('%s: the draft gives the answers version 1 gave, and the same first question', (name) => {
    const draft = readStore(path.join(FIXTURES, name));
    if (draft.state !== 'ok' || !draft.data.draft) throw new Error('no draft read');
    const catalogue = catalogueOf(draft.data.draft);
    const answers = answersFromDraft(catalogue, draft.data.draft);
    expect(answers).toEqual(RESUMED[name]!.answers);
    expect(plannerSteps(catalogue, answers).find((s) => !isAnswered(s, answers))?.id).toBe(RESUMED[name]!.firstQuestion);
  });

  test('a store this version writes is one a version-1 program calls newer (and says to upgrade)', () => {
    // Version 1 refuses any version above 1 as "written by a newer version"; so does this one above its own.
    expect(STORE_VERSION).toBeGreaterThan(1);
    expect(decodeStore({ version: STORE_VERSION + 1, defaults: {}, plans: [] })).toEqual({
      ok: false,
      kind: 'newer',
      detail: `was written by a newer version of study-planner (store version ${STORE_VERSION + 1})`,
    });
  });
});

describe('--resume over a store saved by version 1', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function terminal() {
    let text = '';
    const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) }), {
      isTTY: true,
      columns: 80,
    });
    return { io: { stdout, stderr: stdout, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: {} }, text: () => text };
  }

  test('asks the question version 1 would have asked next, with its answers, and saves the plan they make beside the old ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'store.json');
    fs.copyFileSync(path.join(FIXTURES, 'version-1.json'), file);
    const old = fixture('version-1.json');
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {}, now: () => new Date(0) });
    const catalogue = loadCatalogue(undefined);

    const ask = scriptedAsk([
      // The fellowship is the first question: everything before it was answered in the draft.
      { expect: 'Include the', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: [{ type: 'Carried over' }, 'enter'] },
      // Terms of the plan have ended by today: results are offered, and Enter skips them.
      { expect: 'No results to record now', keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io, text } = terminal();
    const outcome = await runPlanner(
      makeContext(io, { color: false }),
      { resume: true },
      { store, ask: async () => ask, now: () => new Date(0) },
    );
    expect(outcome).toBe('success');
    expect(ask.left).toBe(0);
    expect(text()).toContain('Saved as "Carried over"');

    const expected = planFromAnswers(catalogue, {
      ...RESUMED['version-1.json']!.answers,
      residency: 'local',
      fellowship: true,
      name: 'Carried over',
    });
    // The student's own schedule came through: the plan keeps it, as it differs from the proposal.
    expect(expected.schedule).toEqual(old.draft!.schedule);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as StoreData;
    expect(onDisk).toEqual({
      version: STORE_VERSION,
      defaults: old.defaults,
      plans: [...old.plans, { name: 'Carried over', plan: expected, updatedAt: new Date(0).toISOString() }],
    });
  });
});
