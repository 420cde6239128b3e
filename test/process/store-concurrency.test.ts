import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStore } from '../../src/cli/io/store-file.js';
import { makeTempDir, ROOT, runCli } from '../support/run-process.js';

const PROCESSES = 20;
const storeUrl = pathToFileURL(path.join(ROOT, 'dist', 'cli', 'io', 'store.js')).href;

/**
 * One process: opens the store (loading conf and all), says it is ready, waits for the go file so
 * that every process saves at the same moment, then saves its own plan and a default.
 */
const script = (dir: string, index: number) => `
  import fs from 'node:fs';
  import { openStore } from ${JSON.stringify(storeUrl)};
  const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: ${JSON.stringify(dir)} }, notice: (m) => console.error(m) });
  fs.writeFileSync(${JSON.stringify(path.join(dir, `ready-${index}`))}, '');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(${JSON.stringify(path.join(dir, 'go'))})) Atomics.wait(pause, 0, 0, 20);
  store.savePlan('plan ${index}', { residency: ${index % 2 === 0 ? '"local"' : '"non-local"'}, mode: 'full-time', fellowship: false, subjects: ['SN5023', 'subject ${index}'] });
  store.setDefault('mode', ${index % 2 === 0 ? '"full-time"' : '"part-time"'});
`;

function run(dir: string, index: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script(dir, index)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it(`${PROCESSES} processes saving a plan each at the same moment lose none of them`, async () => {
  const storeDir = makeTempDir();
  const work = path.join(storeDir, 'store');
  fs.mkdirSync(work);
  const runs = Array.from({ length: PROCESSES }, (_, i) => run(work, i));
  const deadline = Date.now() + 30_000;
  while (fs.readdirSync(work).filter((f) => f.startsWith('ready-')).length < PROCESSES) {
    if (Date.now() > deadline) throw new Error('the processes did not all start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  fs.writeFileSync(path.join(work, 'go'), '');
  const results = await Promise.all(runs);

  expect(results.filter((r) => r.code !== 0)).toEqual([]);
  const read = readStore(path.join(work, 'store.json'));
  if (read.state !== 'ok') throw new Error(`store not readable: ${JSON.stringify(read)}`);
  const names = read.data.plans.map((p) => p.name).sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1]));
  expect(names).toEqual(Array.from({ length: PROCESSES }, (_, i) => `plan ${i}`));
  for (const saved of read.data.plans) expect(saved.plan.subjects).toEqual(['SN5023', `subject ${saved.name.split(' ')[1]}`]);
  expect(['full-time', 'part-time']).toContain(read.data.defaults.mode);
  // No lock left behind, no temporary file, no backup: nothing was ever judged broken.
  expect(
    fs
      .readdirSync(work)
      .filter((f) => f.startsWith('store'))
      .sort(),
  ).toEqual(['store.json']);
});

// Whether a name is taken is decided inside the lock. Three processes race to save
// under the same new name, 20 times over (one process each, looping over the rounds, so the 20
// races cost three process starts): in every round exactly one saves and the others are refused.
const RACERS = 3;
const ROUNDS = 20;

const racer = (dir: string, index: number) => `
  import fs from 'node:fs';
  import path from 'node:path';
  import { openStore } from ${JSON.stringify(storeUrl)};
  const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: ${JSON.stringify(dir)} }, notice: () => {} });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const won = [];
  for (let round = 0; round < ${ROUNDS}; round++) {
    // A barrier: every racer at the start line of this round before any of them saves.
    fs.writeFileSync(path.join(${JSON.stringify(dir)}, 'ready-' + round + '-' + ${index}), '');
    while (fs.readdirSync(${JSON.stringify(dir)}).filter((f) => f.startsWith('ready-' + round + '-')).length < ${RACERS}) Atomics.wait(pause, 0, 0, 1);
    try {
      store.savePlan('Race ' + round, { residency: 'local', mode: 'full-time', fellowship: false, subjects: ['racer ${index}'] });
      won.push(round);
    } catch (error) {
      if (error.name !== 'PlanNameTakenError') throw error;
    }
  }
  process.stdout.write(JSON.stringify(won));
`;

it(`${RACERS} processes saving under one new name, ${ROUNDS} rounds: each round exactly one saves, without --force none replaces`, async () => {
  const dir = makeTempDir();
  const runs = Array.from(
    { length: RACERS },
    (_, i) =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', racer(dir, i)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`racer ${i} failed (exit ${code}): ${err}`)),
        );
      }),
  );
  const won = await Promise.all(runs);
  // Every round won once, by one racer.
  expect(won.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: ROUNDS }, (_, round) => round));
  const read = readStore(path.join(dir, 'store.json'));
  if (read.state !== 'ok') throw new Error(`store not readable: ${JSON.stringify(read)}`);
  expect(read.data.plans).toHaveLength(ROUNDS);
  // The plan kept in each round is the winner's: nobody replaced it afterwards.
  for (const [index, rounds] of won.entries()) {
    for (const round of rounds) expect(read.data.plans.find((p) => p.name === `Race ${round}`)?.plan.subjects).toEqual([`racer ${index}`]);
  }
});

// Names that differ only in letter case or Unicode form are one name, between processes too.
describe('two processes saving one name at once', () => {
  const storeUrl = pathToFileURL(path.join(ROOT, 'dist', 'cli', 'io', 'store.js')).href;
  const PROCESSES = 6;
  const script = (dir: string, index: number, name: string) => `
    import fs from 'node:fs';
    import { openStore } from ${JSON.stringify(storeUrl)};
    const store = await openStore({ env: { STUDY_PLANNER_STORE_DIR: ${JSON.stringify(dir)} }, notice: () => {} });
    fs.writeFileSync(${JSON.stringify(path.join(dir, `ready-${index}`))}, '');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (!fs.existsSync(${JSON.stringify(path.join(dir, 'go'))})) Atomics.wait(pause, 0, 0, 5);
    try {
      store.savePlan(${JSON.stringify(name)}, { residency: 'local', subjects: ['SN5023', 'subject ${index}'] });
    } catch (error) {
      if (error.name !== 'PlanNameTakenError') throw error;
      process.exit(2);
    }
  `;
  const run = (dir: string, index: number, name: string) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script(dir, index, name)], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });

  it('exactly one saves; every other is told the name is taken, and one plan remains', async () => {
    const dir = makeTempDir();
    // The same name in every case and Unicode form the processes might type.
    const names = ['My café', 'my café', 'MY CAFÉ', 'My cafe\u0301', 'my cafe\u0301', 'My Café'];
    const runs = names.slice(0, PROCESSES).map((name, i) => run(dir, i, name));
    const deadline = Date.now() + 30_000;
    while (fs.readdirSync(dir).filter((f) => f.startsWith('ready-')).length < PROCESSES) {
      if (Date.now() > deadline) throw new Error('the processes did not all start');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    fs.writeFileSync(path.join(dir, 'go'), '');
    const codes = await Promise.all(runs);
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === 2)).toHaveLength(PROCESSES - 1);
    const read = readStore(path.join(dir, 'store.json'));
    if (read.state !== 'ok') throw new Error(`store not readable: ${JSON.stringify(read)}`);
    expect(read.data.plans).toHaveLength(1);
    expect(read.data.plans[0]!.name).toBe(names[codes.indexOf(0)]!.normalize('NFC'));
  });
});

// `plans edit --force` reads the plan, changes it, then saves it: four edits of one plan at once
// must never save over each other. Each either saves, and its grade is then in the store, or says
// that another edit came between and saves nothing (exit 2).
it('four plans edit --force of one plan at once: every edit reported saved is in the store', async () => {
  const storeDir = makeTempDir();
  const imported = await runCli(['plans', 'import', path.join(ROOT, 'examples', 'second-year.json'), '--name', 'sy'], { storeDir });
  expect(imported.code).toBe(0);
  const subjects = ['Project Management', 'Big Data Computing', 'Health Care Ethics', 'Dissertation'];
  const edits = await Promise.all(subjects.map((s) => runCli(['plans', 'edit', 'sy', '--grade', `${s}=A`, '--force'], { storeDir })));
  for (const edit of edits) {
    if (edit.code === 0) expect(edit.stderr).toContain('Saved the changes to "sy"');
    else expect(edit.stderr).toContain('was changed by another study-planner while this edit ran; nothing was saved');
  }
  const saved = subjects.filter((_, i) => edits[i]!.code === 0);
  expect(saved.length).toBeGreaterThan(0);
  const read = readStore(path.join(storeDir, 'store.json'));
  if (read.state !== 'ok') throw new Error(`store not readable: ${JSON.stringify(read)}`);
  const grades = read.data.plans[0]!.plan.grades!;
  const ids = ['project-management', 'big-data-computing', 'health-care-ethics', 'dissertation'];
  for (const [i, id] of ids.entries()) expect(grades[id] === 'A').toBe(edits[i]!.code === 0);
});
