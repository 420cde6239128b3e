import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { CannotWriteError, InterruptedError, UsageError } from '../../src/cli/outcome.js';
import { runPlanner, type PlanOptions } from '../../src/cli/commands/plan/planner.js';
import { MemoryStore } from '../prompts/memory-store.js';
import { scriptedAsk, type Turn } from '../prompts/scripted-ask.js';
import { choose, INVENTED, tick } from '../prompts/harness.js';

// The planner as the command runs it (flags, defaults, draft, store, --out), in a pretend terminal.

/** A terminal whose two streams are kept apart: the conversation is on stdout, status lines on stderr. */
function terminalIo(env: NodeJS.ProcessEnv = {}): { io: Io; stdout: () => string; stderr: () => string } {
  const written = { out: '', err: '' };
  const stream = (which: 'out' | 'err') =>
    Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written[which] += String(chunk);
          done();
        },
      }),
      { isTTY: true, columns: 80 },
    );
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  return { io: { stdout: stream('out'), stderr: stream('err'), stdin, env }, stdout: () => written.out, stderr: () => written.err };
}

function run(
  options: PlanOptions,
  turns: readonly Turn[],
  store = new MemoryStore(),
  { env = {}, catalogue }: { env?: NodeJS.ProcessEnv; catalogue?: string } = {},
) {
  // Before the intake, as most plans are made: no term has passed, so no results are asked
  // (test/prompts/results-step.test.ts has the planner after terms have ended).
  const { io, stdout, stderr } = terminalIo({ STUDY_PLANNER_TODAY: '2024-08-01', ...env });
  const ask = scriptedAsk(turns);
  const ctx = makeContext(io, { color: false, ...(catalogue ? { catalogue } : {}) });
  const outcome = runPlanner(ctx, options, { store, ask: async () => ask, now: () => new Date(0) });
  return { outcome, store, ask, stdout, stderr };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-session-'));
  dirs.push(dir);
  return dir;
}

const UP_TO_CORE: Turn[] = [
  { expect: 'Are you a local or a non-local student?', keys: ['enter'] },
  { expect: 'How will you study?', keys: choose(1) },
  { expect: 'Choose at least 2 core subjects', keys: tick(4, 9) },
];
const REST: Turn[] = [
  { expect: 'Choose at least 2 elective subjects', keys: tick(2, 8) },
  { expect: 'which will you take?', keys: ['enter'] },
  { expect: 'Accept this schedule', keys: ['enter'] },
  { expect: 'Include the', keys: ['enter'] },
  { expect: 'A name for this plan:', keys: [{ type: 'resumed' }, 'enter'] },
  { expect: 'What next?', keys: ['enter'] },
];

describe('Ctrl-C and --resume', () => {
  test('Ctrl-C keeps the draft and says how to resume; --resume goes on from the first unanswered step', async () => {
    const first = run({}, [...UP_TO_CORE, { expect: 'Choose at least 2 elective subjects', keys: ['ctrl-c'] }]);
    const error = await first.outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as Error).message).toBe(
      'Stopped. Your answers so far are kept as a draft; to continue, run study-planner\nplan --resume',
    );
    expect(first.store.draft).toMatchObject({
      answers: { residency: 'local', mode: 'part-time', picks: { core: ['epidemiology', 'project-management'] } },
    });

    const second = run({ resume: true }, REST, first.store);
    expect(await second.outcome).toBe('success');
    expect(second.ask.left).toBe(0);
    expect(second.store.getPlan('resumed')?.plan.subjects).toEqual([
      'electronic-patient-records',
      'information-technology-in-healthcare',
      'professional-development-in-health-informatics',
      'academic-integrity-and-ethics',
      'epidemiology',
      'project-management',
      'big-data-computing',
      'health-care-ethics',
      'dissertation',
    ]);
    expect(second.store.draft).toBeUndefined();
    expect(second.stderr()).toContain('Saved as "resumed"');
    expect(second.stdout()).not.toContain('Saved as');
  });

  test('Ctrl-C before any answer has nothing to keep, and says so', async () => {
    const { outcome, store } = run({}, [{ keys: ['ctrl-c'] }]);
    await expect(outcome).rejects.toThrow('Stopped before the first answer; there was nothing to keep.');
    expect(store.draft).toBeUndefined();
  });

  test('Ctrl-C at the review keeps everything; --resume goes straight back to the review', async () => {
    const first = run({}, [...UP_TO_CORE, ...REST.slice(0, -1), { expect: 'What next?', keys: ['ctrl-c'] }]);
    await expect(first.outcome).rejects.toBeInstanceOf(InterruptedError);
    const second = run({ resume: true }, [{ expect: 'What next?', keys: ['enter'] }], first.store);
    expect(await second.outcome).toBe('success');
  });

  test('--resume with no draft, or a draft of another catalogue, is a usage error', async () => {
    await expect(run({ resume: true }, []).outcome).rejects.toThrow(
      'there is no draft to resume; run "study-planner plan" to start a plan.',
    );
    const store = new MemoryStore({
      draft: {
        catalogue: 'polyu-msc-health-informatics-2024',
        answers: { residency: 'local', picks: {}, routes: {} },
        updatedAt: new Date(0).toISOString(),
      },
    });
    await expect(run({ resume: true }, [], store, { catalogue: INVENTED }).outcome).rejects.toThrow(
      /the draft is for the catalogue "polyu-msc-health-informatics-2024"/,
    );
  });

  test('flags given with --resume override the draft', async () => {
    const store = new MemoryStore({
      draft: {
        catalogue: 'polyu-msc-health-informatics-2024',
        answers: { residency: 'local', mode: 'full-time', picks: {}, routes: {} },
        updatedAt: new Date(0).toISOString(),
      },
    });
    const { outcome, ask } = run(
      { resume: true, mode: 'part-time', residency: 'non-local' },
      [UP_TO_CORE[2]!, ...REST.filter((t) => t.expect !== 'Include the')],
      store,
    );
    expect(await outcome).toBe('success');
    expect(store.getPlan('resumed')?.plan).toMatchObject({ residency: 'non-local', mode: 'part-time', fellowship: false });
    expect(ask.left).toBe(0);
  });

  test('a new session says an earlier draft exists and how to continue it', async () => {
    const store = new MemoryStore({
      draft: { catalogue: 'polyu-msc-health-informatics-2024', answers: { picks: {}, routes: {} }, updatedAt: new Date(0).toISOString() },
    });
    const { outcome, stdout, stderr } = run({}, [{ keys: ['ctrl-c'] }], store);
    await expect(outcome).rejects.toBeInstanceOf(InterruptedError);
    expect(stderr()).toContain('to continue it instead, run study-planner plan --resume');
    expect(stdout()).toBe('');
  });
});

describe('answers that need no question', () => {
  test('saved defaults answer residency and mode; the environment beats them; a flag beats both', async () => {
    const defaults = new MemoryStore({ defaults: { residency: 'non-local', mode: 'part-time' } });
    const all = [UP_TO_CORE[2]!, ...REST.filter((t) => t.expect !== 'Include the')];
    expect(await run({}, all, defaults).outcome).toBe('success');
    expect(defaults.getPlan('resumed')?.plan).toMatchObject({ residency: 'non-local', mode: 'part-time' });

    const env = new MemoryStore({ defaults: { residency: 'non-local', mode: 'part-time' } });
    expect(await run({}, all, env, { env: { STUDY_PLANNER_MODE: 'full-time' } }).outcome).toBe('success');
    expect(env.getPlan('resumed')?.plan).toMatchObject({ residency: 'non-local', mode: 'full-time' });

    const flag = new MemoryStore({ defaults: { residency: 'non-local', mode: 'part-time' } });
    expect(await run({ mode: 'Full-time' }, all, flag, { env: { STUDY_PLANNER_MODE: 'part-time' } }).outcome).toBe('success');
    expect(flag.getPlan('resumed')?.plan).toMatchObject({ mode: 'full-time' });
  });

  test('a bad saved default is named as such', async () => {
    const store = new MemoryStore({ defaults: { mode: 'sandwich' } });
    await expect(run({}, [], store).outcome).rejects.toThrow(
      'the saved default mode "sandwich" is not a study mode of this programme; use full-time or part-time (change it with "study-planner config set mode VALUE").',
    );
  });
});

describe('saving', () => {
  test('save writes --out and stores the plan; a flag that named one core subject of two has the other asked first', async () => {
    const out = path.join(tempDir(), 'plan.json');
    const { outcome, store, stdout, stderr } = run({ out, core: ['epidemiology'], name: 'short' }, [
      UP_TO_CORE[0]!,
      UP_TO_CORE[1]!,
      // The core checklist, with Epidemiology ticked by the flag: one more is asked for.
      { expect: ['Choose at least 2 core subjects', '◉ Epidemiology'], keys: tick(9) },
      ...REST.slice(0, 4),
      { expect: ['What next?', `Save as "short" and write ${out}`], keys: ['enter'] },
    ]);
    expect(await outcome).toBe('success');
    expect(store.getPlan('short')?.plan.subjects).toEqual(expect.arrayContaining(['epidemiology', 'project-management']));
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(store.getPlan('short')?.plan);
    expect(stdout()).toContain('short: ✔ valid');
    expect(stderr()).toContain(`Wrote ${out}.`);
    expect(stdout()).not.toContain('Wrote');
  });

  test('saved, then --out cannot be written: says so, and no draft is left to resume a plan already saved', async () => {
    const out = path.join(tempDir(), 'no such folder', 'plan.json');
    const { outcome, store } = run({ out, name: 'kept' }, [
      ...UP_TO_CORE,
      ...REST.slice(0, 4),
      { expect: ['What next?', 'Save as "kept"'], keys: ['enter'] },
    ]);
    const error = await outcome.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Saved as "kept"; but /);
    expect((error as Error).message).not.toContain('kept as a draft');
    expect(store.getPlan('kept')).toBeDefined();
    expect(store.draft).toBeUndefined();
  });

  test('an existing --out is refused before the first question, unless --force', async () => {
    const out = path.join(tempDir(), 'plan.json');
    fs.writeFileSync(out, 'old');
    await expect(run({ out }, []).outcome).rejects.toThrow(
      `${out} already exists; pass --force to overwrite it, or choose another file with --out.`,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    const forced = run(
      {
        out,
        force: true,
        name: 'forced',
        residency: 'local',
        mode: 'full-time',
        core: ['epidemiology', 'lgt5037'],
        elective: ['comp5434', 'apss6403'],
        route: 'dissertation',
        fellowship: false,
      },
      [
        { expect: 'Accept this schedule', keys: ['enter'] },
        { expect: 'What next?', keys: ['enter'] },
      ],
    );
    expect(await forced.outcome).toBe('success');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).subjects).toContain('dissertation');
  });

  test('the review says when saving replaces a saved plan of that name', async () => {
    const store = new MemoryStore();
    store.savePlan('mine', { residency: 'local', mode: 'full-time', fellowship: false, subjects: [] });
    const { outcome } = run(
      {
        name: 'mine',
        residency: 'local',
        mode: 'full-time',
        core: ['epidemiology', 'lgt5037'],
        elective: ['comp5434', 'apss6403'],
        route: 'dissertation',
        fellowship: true,
      },
      [
        { expect: 'Accept this schedule', keys: ['enter'] },
        { expect: 'Save as "mine", replacing "mine"', keys: ['enter'] },
        // Replacing asks first (No is the default), so here Yes is chosen.
        { expect: 'The saved plan "mine" has this name. Replace it with this plan?', keys: choose(1) },
      ],
      store,
    );
    expect(await outcome).toBe('success');
    // Four compulsory (Academic Integrity and Ethics among them), 2 core, 2 elective and the Dissertation.
    expect(store.getPlan('mine')?.plan.subjects).toHaveLength(9);
  });

  test('discard keeps nothing and removes the draft', async () => {
    const { outcome, store, stdout, stderr } = run(
      {
        residency: 'local',
        mode: 'full-time',
        core: ['epidemiology', 'lgt5037'],
        elective: ['comp5434', 'apss6403'],
        route: 'dissertation',
        fellowship: true,
      },
      [
        { expect: 'Accept this schedule', keys: ['enter'] },
        { expect: 'A name for this plan:', keys: ['enter'] },
        { expect: 'What next?', keys: choose(9) },
        { expect: 'Discard this plan?', keys: choose(1) },
      ],
    );
    expect(await outcome).toBe('success');
    expect(store.listPlans()).toEqual([]);
    expect(store.draft).toBeUndefined();
    expect(store.draftSaves).toHaveLength(2);
    expect(stderr()).toBe('Discarded: nothing was saved, and the draft is gone.\n');
    // The conversation itself stays on stdout.
    expect(stdout()).toContain('Payable');
    expect(stdout()).not.toContain('Discarded');
  });
});

test('a flag that names no subject of the programme is a usage error with suggestions, before any question', async () => {
  const error = await run({ core: ['epidemology'] }, []).outcome.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toBe('--core "epidemology" is not a subject of this programme; did you mean "Epidemiology"?');
});

describe('a draft that cannot be saved (a full disk)', () => {
  /** A store whose draft saves succeed or fail in turn (`room`: true where there is room), then fail, as a full disk would. */
  class FullDiskStore extends MemoryStore {
    constructor(private readonly room: boolean[] = []) {
      super();
    }
    override saveDraft(draft: Parameters<MemoryStore['saveDraft']>[0]): void {
      if (!(this.room.shift() ?? false))
        throw new CannotWriteError('cannot save to the store (memory): no space left on the device; nothing was changed.');
      super.saveDraft(draft);
    }
  }
  const TO_CORE_THEN_STOP: Turn[] = [...UP_TO_CORE, { expect: 'Choose at least 2 elective subjects', keys: ['ctrl-c'] }];

  test('a plan saved when the draft then cannot be removed: saved is said, then why the draft is still there', async () => {
    class DraftStaysStore extends MemoryStore {
      override clearDraft(): void {
        throw new CannotWriteError('cannot save to the store (memory): no space left on the device; nothing was changed.');
      }
    }
    const store = new DraftStaysStore();
    const flags = {
      ...{ residency: 'local', mode: 'part-time', core: ['epidemiology', 'project-management'] },
      ...{ elective: ['big-data-computing', 'health-care-ethics'], route: 'dissertation', fellowship: true, name: 'kept' },
    };
    const { outcome, stderr } = run(
      flags,
      [
        { expect: 'Accept this schedule', keys: ['enter'] },
        { expect: 'What next?', keys: ['enter'] },
      ],
      store,
    );
    expect(await outcome).toBe('success');
    expect(store.getPlan('kept')).toBeDefined();
    const said = stderr().replace(/\s+/g, ' ');
    expect(said).toContain('Saved as "kept".');
    expect(said).toContain('The draft could not be removed, so study-planner plan --resume would open it again');
  });

  test('the session goes on, says so once, and a stop says nothing was kept', async () => {
    const store = new FullDiskStore();
    const { outcome, stderr } = run({}, TO_CORE_THEN_STOP, store);
    await expect(outcome).rejects.toThrow('Stopped. No draft could be saved, so nothing was kept.');
    expect(stderr().match(/no space left on the device/g)).toHaveLength(1);
    expect(stderr().replace(/\s+/g, ' ')).toContain('The planner goes on, and saves the draft again after your next answer.');
    expect(store.draft).toBeUndefined();
  });

  test('a stop after a failed save says only earlier answers are kept, and they are', async () => {
    const store = new FullDiskStore([true]);
    const { outcome } = run({}, TO_CORE_THEN_STOP, store);
    await expect(outcome).rejects.toThrow(
      'Stopped. Only your earlier answers are kept as a draft (the latest could not be\nsaved); to continue from them, run study-planner plan --resume',
    );
    expect(store.draft?.answers).toMatchObject({ residency: 'local' });
    expect(store.draft?.answers.mode).toBeUndefined();
  });

  test('once there is room again the draft is saved as usual', async () => {
    const store = new FullDiskStore([false, true, true, true]);
    const { outcome, stderr } = run({}, TO_CORE_THEN_STOP, store);
    await expect(outcome).rejects.toThrow(
      'Stopped. Your answers so far are kept as a draft; to continue, run study-planner\nplan --resume',
    );
    expect(stderr().match(/no space left on the device/g)).toHaveLength(1);
    expect(store.draft?.answers).toMatchObject({
      residency: 'local',
      mode: 'part-time',
      picks: { core: ['epidemiology', 'project-management'] },
    });
  });
});
