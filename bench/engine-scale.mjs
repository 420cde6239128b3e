// The rules engine's cost as the catalogue and the plan grow: judgePlan (from dist/, in-process)
// over generated catalogues of 40, 400 and 4,000 subjects and valid plans of 10, 100 and 1,000
// subjects, with the growth from each size to the next. Also the time to load (validate) each
// catalogue, which runs the engine once over every subject.
// Usage: node bench/engine-scale.mjs [--ms N]   (N: milliseconds of timing per cell, default 400)
import fs from 'node:fs';
import path from 'node:path';
import { generateCatalogue, generatePlan } from '../test/hardening/generated-programme.mjs';
import { loadWarning, machine, positiveInt, ROOT } from './lib.mjs';

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
  throw new Error('dist/ is missing; run "npm run build" first (or "npm run bench").');
const { parseCatalogue } = await import(path.join(ROOT, 'dist', 'domain', 'catalogue', 'validate.js'));
const { parsePlan } = await import(path.join(ROOT, 'dist', 'domain', 'plan', 'parse.js'));
const { judgePlan } = await import(path.join(ROOT, 'dist', 'domain', 'plan', 'judge.js'));

const CATALOGUES = [40, 400, 4000];
const PLANS = [10, 100, 1000];
const budget = positiveInt('ms', 400);

/** Median time of one call of `fn`, in microseconds: batches sized to ~20 ms, for `budget` ms after a warm-up. */
function timeIt(fn) {
  const warmUntil = performance.now() + budget / 4;
  let calls = 0;
  while (performance.now() < warmUntil || calls < 3) {
    fn();
    calls++;
  }
  const perCall = budget / 4 / calls;
  const batch = Math.max(1, Math.round(20 / perCall));
  const samples = [];
  const end = performance.now() + budget;
  while (performance.now() < end || samples.length < 5) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const growth = (a, b) => (a === undefined || b === undefined ? '' : `x${(b / a).toFixed(1)}`);

console.log(machine());
if (loadWarning()) console.log(loadWarning());
console.log(`engine scale: judgePlan per check, median of ~20 ms batches over ${budget} ms per cell`);
const cells = new Map();
const loads = new Map();
for (const size of CATALOGUES) {
  const json = generateCatalogue(size);
  let catalogue;
  loads.set(
    size,
    timeIt(() => {
      const result = parseCatalogue(json);
      if (!result.ok) throw new Error(`generated catalogue of ${size} rejected: ${result.issues[0].message}`);
      catalogue = result.catalogue;
    }),
  );
  for (const planSize of PLANS.filter((p) => p <= size)) {
    const parsed = parsePlan(catalogue, generatePlan(json, planSize));
    if (!parsed.ok) throw new Error(`generated plan of ${planSize} rejected: ${parsed.issues[0].message}`);
    // A benchmark of a wrong answer measures nothing: every generated plan is valid.
    const verdict = judgePlan(catalogue, parsed.plan);
    if (!verdict.valid || verdict.subjects.length !== planSize)
      throw new Error(`plan of ${planSize} in catalogue of ${size}: ${JSON.stringify(verdict.errors)}`);
    cells.set(
      `${size}/${planSize}`,
      timeIt(() => judgePlan(catalogue, parsed.plan)),
    );
  }
}

const header = ['catalogue \\ plan', ...PLANS.map((p) => `${p.toLocaleString('en-US')} subjects`), 'load catalogue'];
const rows = CATALOGUES.map((size) => [
  `${size.toLocaleString('en-US')} subjects`,
  ...PLANS.map((p) => (cells.has(`${size}/${p}`) ? fmt(cells.get(`${size}/${p}`)) : '-')),
  fmt(loads.get(size)),
]);
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
for (const row of [header, ...rows])
  console.log(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')}`);

const largest = CATALOGUES[CATALOGUES.length - 1];
const planGrowth = PLANS.slice(1).map(
  (p, i) => `${PLANS[i]}->${p}: ${growth(cells.get(`${largest}/${PLANS[i]}`), cells.get(`${largest}/${p}`))}`,
);
const catalogueGrowth = CATALOGUES.slice(1).map(
  (c, i) => `${CATALOGUES[i]}->${c}: ${growth(cells.get(`${CATALOGUES[i]}/${PLANS[0]}`), cells.get(`${c}/${PLANS[0]}`))}`,
);
const loadGrowth = CATALOGUES.slice(1).map((c, i) => `${CATALOGUES[i]}->${c}: ${growth(loads.get(CATALOGUES[i]), loads.get(c))}`);
console.log(`  growth for 10x the plan (catalogue of ${largest.toLocaleString('en-US')}): ${planGrowth.join(', ')}`);
console.log(`  growth for 10x the catalogue (plan of ${PLANS[0]}): ${catalogueGrowth.join(', ')}`);
console.log(`  growth of the catalogue's load for 10x its subjects: ${loadGrowth.join(', ')}`);
const worst = Math.max(...PLANS.slice(1).map((p, i) => cells.get(`${largest}/${p}`) / cells.get(`${largest}/${PLANS[i]}`)));
console.log(`  aim: near-linear (at most x20 for 10x the plan): ${worst <= 20 ? 'met' : 'MISSED'} (x${worst.toFixed(1)} at worst)`);
