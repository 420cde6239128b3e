import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { CannotWriteError, ExitError, InterruptedError } from '../../src/cli/outcome.js';
import { plansEdit } from '../../src/cli/commands/plans/edit.js';
import { runPlanner } from '../../src/cli/commands/plan/planner.js';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { ROOT } from '../support/run-in-process.js';
import { MemoryStore } from './memory-store.js';
import { openStore } from '../../src/cli/io/store.js';
import type { Ask } from '../../src/cli/prompts/ask.js';
import { makeTempDir } from '../support/temp-dir.js';
import { scriptedAsk } from './scripted-ask.js';

// `plans edit` in a terminal: the planner opens at its review with the saved answers and record,
// results are changed there, and saving replaces the same saved plan without asking again.

const SECOND_YEAR = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'second-year.json'), 'utf8'));

function terminalIo(): { io: Io; stdout: () => string } {
  let text = '';
  const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) }), {
    isTTY: true,
    columns: 80,
  });
  return {
    io: { stdout, stderr: stdout, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { STUDY_PLANNER_TODAY: '2025-10-01' } },
    stdout: () => text,
  };
}

const storeWithPlan = () => new MemoryStore({ plans: [{ name: 'Year two', plan: SECOND_YEAR, updatedAt: new Date(0).toISOString() }] });

describe('plans edit in a terminal', () => {
  test('opens at the review with the record; a grade changed at the results step; save replaces the same plan', async () => {
    const store = storeWithPlan();
    const ask = scriptedAsk([
      // Straight to the review: the Save line says it replaces the plan being edited, and the results are offered.
      { expect: ['What next?', 'Save as "Year two", replacing the saved plan you are editing'], keys: ['up', 'up', 'enter'] },
      { expect: ['6 of your subjects are in terms that have begun', 'No results to record now'], keys: ['down', 'enter'] },
      // Electronic Patient Records had B+: two up is A.
      { expect: ['Electronic Patient Records (Semester One 2024/25): your result?', '❯ B+'], keys: ['up', 'up', 'enter'] },
      { expect: /\): your/, keys: ['enter'] },
      { expect: /\): your/, keys: ['enter'] },
      { expect: /\): your/, keys: ['enter'] },
      // Semester One 2025/26 began in September: its subjects have no result yet.
      { expect: ['Project Management (Semester One 2025/26): your result?', '❯ No result yet'], keys: ['enter'] },
      { expect: /\): your/, keys: ['enter'] },
      // Transferred, so in no term: offered last, its entry kept.
      { expect: ['Epidemiology (transferred): your result?', '❯ Credit transferred from earlier study'], keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io, stdout } = terminalIo();
    const outcome = await plansEdit(
      makeContext(io, { color: false }),
      'year two',
      {},
      { store, ask: async () => ask, now: () => new Date(0) },
    );
    expect(ask.left).toBe(0);
    expect(outcome).toBe('success');
    expect([...store.saved.keys()]).toEqual(['Year two']);
    const plan = store.getPlan('Year two')!.plan;
    expect(plan.grades).toEqual({
      'electronic-patient-records': 'A',
      'academic-integrity-and-ethics': 'P',
      'information-technology-in-healthcare': 'A-',
      'professional-development-in-health-informatics': 'B',
    });
    expect(plan.transferred).toEqual(['epidemiology']);
    // The review's summary: the record of study and what is still to pay from today.
    expect(stdout()).toContain('Record of study');
    expect(stdout()).toContain('Still to pay from 2025-10-01');
  });

  test('"No results to record now" changes nothing', async () => {
    const store = storeWithPlan();
    const ask = scriptedAsk([
      { expect: 'What next?', keys: ['up', 'up', 'enter'] },
      { expect: 'No results to record now', keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io } = terminalIo();
    await plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
    expect(Object.keys(store.getPlan('Year two')!.plan.grades!)).toHaveLength(4);
  });

  test('what the edit leaves out of the saved plan is said before the planner opens', async () => {
    const misspelt = { ...SECOND_YEAR, subjects: [...SECOND_YEAR.subjects, 'Epidemology'] };
    const store = new MemoryStore({ plans: [{ name: 'Year two', plan: misspelt, updatedAt: new Date(0).toISOString() }] });
    const ask = scriptedAsk([{ expect: 'What next?', keys: ['enter'] }]);
    const { io, stdout } = terminalIo();
    await plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
    expect(stdout().startsWith('Editing "Year two" leaves out what the planner cannot choose:\n  - "Epidemology" is not a subject')).toBe(
      true,
    );
  });

  test('discarding an edit says the saved plan stays as it is', async () => {
    const store = storeWithPlan();
    const ask = scriptedAsk([
      { expect: ['What next?', 'Discard these changes'], keys: ['up', 'enter'] },
      { expect: 'Discard these changes? The saved plan "Year two" stays as it is.', keys: ['down', 'enter'] },
    ]);
    const { io, stdout } = terminalIo();
    await plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
    expect(stdout().replace(/\s+/g, ' ')).toContain(
      'Discarded the changes: the saved plan "Year two" is as it was, and the draft is gone.',
    );
    expect(store.getPlan('Year two')!.plan).toEqual(SECOND_YEAR);
  });

  test('saving an edit another process saved over meanwhile saves nothing, and says so', async () => {
    const dir = makeTempDir();
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    store.savePlan('Year two', SECOND_YEAR);
    const other = await openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    const changedMeanwhile = { ...SECOND_YEAR, mode: 'full-time' };
    // At the review, another process saves the plan before this one saves.
    const ask = {
      select: async (q: { message: string; choices: readonly { value: unknown }[] }) => {
        if (!q.message.includes('What next?')) throw new Error(`unexpected question: ${q.message}`);
        other.savePlan('Year two', changedMeanwhile, { replace: true });
        return 'save';
      },
    } as unknown as Ask;
    const { io } = terminalIo();
    const editing = plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    await expect(editing).rejects.toThrow(/"Year two" was changed by another study-planner while this edit ran; nothing was saved/);
    expect(store.getPlan('Year two')!.plan).toEqual(changedMeanwhile);
  });
});

describe('an edit stopped with Ctrl-C and resumed with plan --resume', () => {
  /** `plans edit "Year two"` in a real store: Electronic Patient Records' B+ changed to A, then Ctrl-C at the review. */
  async function stoppedEdit() {
    const dir = makeTempDir();
    const open = () => openStore({ env: { STUDY_PLANNER_STORE_DIR: dir }, notice: () => {} });
    const store = await open();
    store.savePlan('Year two', SECOND_YEAR);
    const ask = scriptedAsk([
      { expect: 'What next?', keys: ['up', 'up', 'enter'] },
      { expect: 'No results to record now', keys: ['down', 'enter'] },
      { expect: 'Electronic Patient Records (Semester One 2024/25): your result?', keys: ['up', 'up', 'enter'] },
      ...Array.from({ length: 6 }, () => ({ expect: /\): your/, keys: ['enter'] })),
      { expect: 'What next?', keys: ['ctrl-c'] },
    ]);
    const { io } = terminalIo();
    const editing = plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    const stopped = await editing.catch((e: unknown) => e);
    if (!(stopped instanceof InterruptedError)) throw stopped;
    expect(ask.left).toBe(0);
    return { open, store };
  }

  /** `plan --resume` in a terminal, answering the review's questions with `turns`. */
  async function resume(store: Awaited<ReturnType<typeof stoppedEdit>>['store'], turns: Parameters<typeof scriptedAsk>[0]) {
    const ask = scriptedAsk(turns);
    const { io, stdout } = terminalIo();
    const outcome = runPlanner(
      makeContext(io, { color: false }),
      { resume: true },
      { store, ask: async () => ask, now: () => new Date(0) },
    );
    return { outcome, ask, stdout };
  }

  test('the draft is still that edit: its review replaces the plan without asking, and the draft goes', async () => {
    const { open, store } = await stoppedEdit();
    expect((await open()).getDraft()?.editing?.name).toBe('Year two');
    const resumed = await resume(store, [
      { expect: ['What next?', 'Save as "Year two", replacing the saved plan you are editing'], keys: ['enter'] },
    ]);
    expect(await resumed.outcome).toBe('success');
    expect(resumed.ask.left).toBe(0);
    expect(resumed.stdout()).toContain('Resuming your changes to the saved plan "Year two".');
    const after = await open();
    expect(after.listPlans().map((p) => p.name)).toEqual(['Year two']);
    expect(after.getPlan('Year two')!.plan.grades!['electronic-patient-records']).toBe('A');
    expect(after.getDraft()).toBeUndefined();
  });

  test('a plan another process changed since the edit began is said so, and saving under its name asks first', async () => {
    const { open, store } = await stoppedEdit();
    const changedMeanwhile = { ...SECOND_YEAR, mode: 'full-time' };
    (await open()).savePlan('Year two', changedMeanwhile, { replace: true });
    const resumed = await resume(store, [
      { expect: ['What next?', 'Save as "Year two", replacing "Year two"'], keys: ['enter'] },
      // No: the other process's plan stays, and a free name is offered.
      { expect: 'Replace it with this plan?', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: ['enter'] },
      { expect: ['What next?', 'Save as "Year two 2"'], keys: ['enter'] },
    ]);
    expect(await resumed.outcome).toBe('success');
    expect(resumed.ask.left).toBe(0);
    expect(resumed.stdout().replace(/\s+/g, ' ')).toContain(
      'The saved plan "Year two" was changed by another study-planner since this edit began, so these answers no longer edit it',
    );
    const after = await open();
    expect(after.getPlan('Year two')!.plan).toEqual(changedMeanwhile);
    expect(after.getPlan('Year two 2')!.plan.grades!['electronic-patient-records']).toBe('A');
    expect(after.getDraft()).toBeUndefined();
  });

  test('resumed without a terminal (--no-input --force), it too replaces the plan only as the edit read it', async () => {
    const { open } = await stoppedEdit();
    (await open()).savePlan('Year two', { ...SECOND_YEAR, mode: 'full-time' }, { replace: true });
    const { io } = terminalIo();
    const piped = { ...io, stdin: new PassThrough(), stdout: new Writable({ write: (_c, _e, done) => done() }) };
    const store = await open();
    const outcome = runPlanner(
      makeContext(piped, { color: false, input: false }),
      { resume: true, force: true },
      {
        store,
        ask: async () => {
          throw new Error('no questions without a terminal');
        },
        now: () => new Date(0),
      },
    );
    await expect(outcome).rejects.toThrow(/"Year two" was changed by another study-planner while this edit ran; nothing was saved/);
    expect((await open()).getPlan('Year two')!.plan.mode).toBe('full-time');
  });
});

describe('what an edit keeps when it stops or cannot save', () => {
  test('Ctrl-C in the middle of the results keeps the results given so far, and says so', async () => {
    const store = storeWithPlan();
    const ask = scriptedAsk([
      { expect: 'What next?', keys: ['up', 'up', 'enter'] },
      { expect: 'No results to record now', keys: ['down', 'enter'] },
      { expect: 'Electronic Patient Records (Semester One 2024/25): your result?', keys: ['up', 'up', 'enter'] },
      { expect: /\): your/, keys: ['ctrl-c'] },
    ]);
    const { io } = terminalIo();
    const editing = plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    await expect(editing).rejects.toThrow('Stopped. Your answers so far are kept as a draft');
    expect(store.draft?.answers.record?.grades?.['electronic-patient-records']).toBe('A');
    expect(store.draft?.editing?.name).toBe('Year two');
  });

  test('"No results to record now" in an edit points back to the review, not to the command already running', async () => {
    const store = storeWithPlan();
    const ask = scriptedAsk([
      { expect: 'What next?', keys: ['up', 'up', 'enter'] },
      { expect: ['No results to record now', 'Nothing is changed; the review offers them again.'], keys: ['enter'] },
      { expect: 'What next?', keys: ['enter'] },
    ]);
    const { io } = terminalIo();
    await plansEdit(makeContext(io, { color: false }), 'Year two', {}, { store, ask: async () => ask, now: () => new Date(0) });
    expect(ask.left).toBe(0);
  });

  /** A store where saving a plan fails (a full disk, say), and saving a draft too when `draftsFail`. */
  class FailingStore extends MemoryStore {
    constructor(private readonly draftsFail: boolean) {
      super({ plans: [{ name: 'Year two', plan: SECOND_YEAR, updatedAt: new Date(0).toISOString() }] });
    }
    override savePlan(): never {
      throw new CannotWriteError('cannot save to the store (the disk is full); nothing was changed.');
    }
    override saveDraft(draft: Parameters<MemoryStore['saveDraft']>[0]): void {
      if (this.draftsFail) throw new CannotWriteError('cannot save the draft (the disk is full).');
      super.saveDraft(draft);
    }
  }

  test.each([
    [false, 'Your answers are kept as a draft; to come back to them, run study-planner plan --resume'],
    [true, 'The draft could not be saved either.'],
  ])('a save that fails (drafts failing too: %s) says truly whether the answers are kept', async (draftsFail, said) => {
    const store = new FailingStore(draftsFail);
    // Changed by a flag only, so nothing was kept as a draft before the save.
    const ask = scriptedAsk([{ expect: 'What next?', keys: ['enter'] }]);
    const { io } = terminalIo();
    const editing = plansEdit(makeContext(io, { color: false }), 'Year two', { mode: 'full-time' } as never, {
      store,
      ask: async () => ask,
      now: () => new Date(0),
    });
    const error = await editing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExitError);
    expect((error as ExitError).code).toBe(2);
    expect((error as Error).message).toContain(said);
    expect(store.draft !== undefined).toBe(!draftsFail);
    if (!draftsFail) expect(store.draft!.answers.mode).toBe('full-time');
  });
});
