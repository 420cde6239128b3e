// Kills saves with SIGKILL, again and again, with SNAP set (as when Node is installed as a snap,
// where conf used to write the store in place), and counts what was lost. Each round starts
// test/hardening/save-loop.mjs (plans, the draft and a default saved in a tight loop through the
// built store), kills it at a random moment, then reads the store back: it must parse and validate,
// and hold every plan a save had confirmed before the kill.
// Usage: node bench/kill-saves.mjs [--kills N] [--seed N] [--json]   (build first: npm run build)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, needBuild, positiveInt, ROOT } from './lib.mjs';
import { random } from '../test/hardening/random.mjs';

const SAVE_LOOP = path.join(ROOT, 'test', 'hardening', 'save-loop.mjs');

/** One round: the loop started, killed `delayMs` after it is ready; the plans it confirmed, and whether a save was in hand. */
function killOnce(env, prefix, delayMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, prefix], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the save loop ended otherwise than by SIGKILL (exit ${code}): ${err.trim()}`));
      const said = out.split('\n').filter(Boolean);
      resolve({
        confirmed: said.flatMap((line) => (line.startsWith('saved plan ') ? [line.slice('saved plan '.length)] : [])),
        midSave: said.at(-1)?.startsWith('saving ') ?? false,
      });
    });
  });
}

export async function killSaves({ kills = 200, seed = 1, maxDelayMs = 120 } = {}) {
  needBuild();
  const { readStore } = await import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'io', 'store-file.js')).href);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-kill-saves-'));
  const env = { ...cleanEnv(), STUDY_PLANNER_STORE_DIR: dir, SNAP: '/snap/node/current' };
  const next = random(seed);
  const confirmed = new Set();
  const lost = new Set();
  let midSave = 0;
  let invalid = 0;
  let saves = 0;
  const problems = [];
  try {
    for (let round = 0; round < kills; round++) {
      // Ten prefixes of 25 names each: the store stays at most 250 plans, whatever the number of kills.
      const result = await killOnce(env, `k${round % 10}`, Math.floor(next() * maxDelayMs));
      saves += result.confirmed.length;
      if (result.midSave) midSave++;
      for (const name of result.confirmed) confirmed.add(name);
      const read = readStore(path.join(dir, 'store.json'));
      // No store yet is right only while nothing has been saved.
      if (read.state === 'missing' && saves === 0) continue;
      if (read.state !== 'ok') {
        invalid++;
        problems.push(`after kill ${round + 1}: the store ${read.state === 'broken' ? read.detail : 'is missing'}`);
        continue;
      }
      const names = new Set(read.data.plans.map((p) => p.name));
      for (const name of confirmed) if (!names.has(name)) lost.add(name);
    }
    const entries = fs.readdirSync(dir);
    return {
      kills,
      killedMidSave: midSave,
      savesConfirmed: saves,
      plansConfirmed: confirmed.size,
      plansLost: lost.size,
      invalidStores: invalid,
      backups: entries.filter((name) => name.includes('.corrupt-')).length,
      tempFilesLeft: entries.filter((name) => name.includes('.tmp-')).length,
      problems,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await killSaves({ kills: positiveInt('kills', 200), seed: positiveInt('seed', 1) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else {
    console.log(
      `SIGKILL during saves, SNAP set: ${figures.kills} kills (${figures.killedMidSave} in the middle of a save), ${figures.savesConfirmed} saves confirmed`,
    );
    console.log(`  plans lost: ${figures.plansLost} of ${figures.plansConfirmed} confirmed`);
    console.log(
      `  store valid after every kill: ${figures.invalidStores === 0 ? 'yes' : `no (${figures.invalidStores} times broken)`}; set aside as broken: ${figures.backups}`,
    );
    for (const problem of figures.problems) console.log(`  ${problem}`);
    console.log(`  temporary files left by killed saves (removed by a later save once a minute old): ${figures.tempFilesLeft}`);
  }
  if (figures.plansLost > 0 || figures.invalidStores > 0 || figures.backups > 0) process.exitCode = 1;
}
