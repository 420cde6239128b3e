// The rules engine's cost per plan (issue 13): for each programme fixture in
// test/fixtures/programmes/ with its plans, for the bundled catalogue with examples/, and for
// adversarial catalogues (wide pools with many shared pools and limits, deep nOf, many maxima),
// including ones the loader refuses as too hard to judge: with the message, and how long refusing took.
// Per plan: the median time of `evaluate` (the engine alone) and of `judgePlan` (what `check` does),
// in microseconds. Per catalogue: the time to load it (which searches every route once for the plan
// of every subject) and those search states (searchStates, the figure the loader holds to its budget).
// Runs dist/: build first (npx tsc -p tsconfig.json).
// Usage: node bench/engine-cost.mjs [--ms N]   (N: milliseconds of timing per plan, default 200)
import fs from 'node:fs';
import path from 'node:path';
import { loadWarning, machine, positiveInt, ROOT } from './lib.mjs';

if (!fs.existsSync(path.join(ROOT, 'dist', 'domain', 'rules', 'engine.js')))
  throw new Error('dist/ is missing; run "npx tsc -p tsconfig.json" first.');
const dist = (file) => import(path.join(ROOT, 'dist', file));
const { parseCatalogue } = await dist('domain/catalogue/validate.js');
const { parsePlan } = await dist('domain/plan/parse.js');
const { judgePlan } = await dist('domain/plan/judge.js');
const { evaluate } = await dist('domain/rules/engine.js');
const { searchStates } = await dist('domain/catalogue/check-cost.js');
const { STATE_BUDGET } = await dist('domain/rules/search/state-search.js');

const budget = positiveInt('ms', 200);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Median microseconds of one call of `fn`: batches of about 10 ms for `ms` ms (at least 3 calls; one call when a call is slow). */
function timeIt(fn, ms = budget) {
  const first = performance.now();
  fn();
  const once = (performance.now() - first) * 1000;
  if (once > ms * 1000) return once;
  const batch = Math.max(1, Math.round(10_000 / Math.max(once, 1)));
  const samples = [];
  const end = performance.now() + ms;
  while (performance.now() < end || samples.length < 3) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const fmt = (us) => (us >= 1e6 ? `${(us / 1e6).toFixed(2)} s` : us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const pad = (text, width) => String(text).padEnd(width);

/** Loads a catalogue once, timed; the search states its plans can need, for a catalogue the search judges. */
function load(json) {
  const start = performance.now();
  const result = parseCatalogue(json);
  const loadUs = (performance.now() - start) * 1000;
  if (!result.ok) return { loadUs, refused: result.issues[0] };
  const c = result.catalogue;
  const engine = c.v1Shaped ? 'flow' : 'search';
  const states = c.v1Shaped ? '-' : searchStates(c).toLocaleString('en-US');
  const routes = c.requirements.reduce((product, r) => product * r.options.length, 1);
  return { loadUs, catalogue: c, engine, states, routes };
}

function report(name, json, plans) {
  const loaded = load(json);
  if (loaded.refused) {
    console.log(`\n${name}: REFUSED in ${fmt(loaded.loadUs)}`);
    console.log(`  ${loaded.refused.path}: ${loaded.refused.message}`);
    return;
  }
  const { catalogue, engine, states, routes, loadUs } = loaded;
  console.log(
    `\n${name}: ${catalogue.subjects.length} subjects, ${routes} routes, engine ${engine}, load ${fmt(loadUs)}, search states for every subject: ${states}`,
  );
  for (const [planName, plan] of plans) {
    const subjects = plan.subjects ? resolve(catalogue, plan) : plan;
    const verdict = evaluate(catalogue, subjects);
    const engineUs = timeIt(() => evaluate(catalogue, subjects));
    const judgeUs = plan.subjects ? fmt(timeIt(() => judgePlan(catalogue, plan))) : '-';
    const met = verdict.satisfied ? 'met  ' : 'unmet';
    console.log(
      `  ${pad(planName, 44)} ${pad(subjects.length, 3)} subjects  ${met}  evaluate ${pad(fmt(engineUs), 10)} judgePlan ${judgeUs}`,
    );
  }
}

/** A plan file's subjects, as the judge resolves them. */
function resolve(catalogue, plan) {
  const parsed = parsePlan(catalogue, plan);
  if (!parsed.ok) throw new Error(`plan rejected: ${parsed.issues[0].message}`);
  return judgePlan(catalogue, parsed.plan).subjects;
}

function planFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const json = readJson(path.join(dir, f));
      const parsed = { subjects: json.subjects ?? [] };
      return [f.replace(/\.json$/, ''), { ...json, ...parsed }];
    });
}

// ---------------------------------------------------------------------------------------------
// Adversarial catalogues

function frame(id, subjects, categories = ['c0']) {
  return {
    schemaVersion: 2,
    id,
    programme: { name: id, institution: 'Bench', intake: '2030-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    creditsRequired: 1,
    categories: categories.map((c) => ({ id: c, label: c, adjective: c })),
    subjects: subjects.map((s, i) => ({ id: `s${i}`, title: `Subject ${i}`, category: s.category ?? 'c0', credits: s.credits })),
    fees: { currency: 'HKD', perCredit: 1, initialRegistrationCredits: { local: 0, 'non-local': 0 } },
  };
}

const QUARTERS = [0.25, 0.5, 1, 1.5, 3];

/** `n` subjects in one pool and `shared` shared pools over all of them (half with a maximum), plus an exclusive pool and two limits. */
function wideShared(n, shared) {
  const subjects = Array.from({ length: n }, (_, i) => ({ credits: QUARTERS[i % QUARTERS.length] }));
  const pools = Array.from({ length: shared }, (_, k) => ({
    id: `shared-${k}`,
    label: `Shared pool ${k}`,
    from: { categories: ['c0'] },
    atLeast: { subjects: 2 },
    ...(k % 2 === 1 ? { atMost: { subjects: 4 } } : {}),
    shared: true,
  }));
  return {
    ...frame(`wide-shared-${n}-${shared}`, subjects),
    requirements: [
      { id: 'core', label: 'Core', from: { categories: ['c0'] }, atLeast: { subjects: 3 } },
      { id: 'streams', label: 'Streams', allOf: pools },
    ],
    limits: [
      { id: 'cap-count', label: 'At most n-1 subjects', from: { categories: ['c0'] }, atMost: { subjects: n - 1 } },
      { id: 'cap-credits', label: 'At most 9 credits', from: { subjects: ['s0', 's1', 's2', 's3'] }, atMost: { credits: 9 } },
    ],
  };
}

/** nOf 2 of 3, nested `depth` deep, over pools of 2 subjects each: many routes, each cheap. */
function deepNOf(depth) {
  let next = 0;
  const subjects = [];
  const node = (d) => {
    const id = `n${next++}`;
    if (d === 0) {
      const a = subjects.length;
      subjects.push({ credits: 1 }, { credits: 0.5 });
      return { id, label: `Pool ${id}`, from: { subjects: [`s${a}`, `s${a + 1}`] }, atLeast: { credits: 1 } };
    }
    return { id, label: `Group ${id}`, nOf: 2, of: [node(d - 1), node(d - 1), node(d - 1)] };
  };
  const root = node(depth);
  return { ...frame(`deep-nof-${depth}`, subjects), requirements: [{ ...root, id: 'root', label: 'Everything' }] };
}

/** `k` pools over the same 10 subjects, each with a maximum in credits (tracked exactly, in hundredths). */
function manyMaxima(k) {
  const subjects = Array.from({ length: 10 }, (_, i) => ({ credits: QUARTERS[i % QUARTERS.length] }));
  return {
    ...frame(`many-maxima-${k}`, subjects),
    requirements: Array.from({ length: k }, (_, j) => ({
      id: `r${j}`,
      label: `Requirement ${j}`,
      from: { categories: ['c0'] },
      atLeast: { credits: 0.5 },
      atMost: { credits: 4.5 },
    })),
  };
}

const everySubject = (json) => json.subjects.map((s) => s.id);
const firstHalf = (json) => everySubject(json).slice(0, Math.ceil(json.subjects.length / 2));

/** Plans by subject identifier: every subject (met), half, and one subject (unmet: the path that describes alternatives). */
function adversarialPlans(json) {
  return [
    ['every subject', { subjects: everySubject(json) }],
    ['first half of the subjects', { subjects: firstHalf(json) }],
    ['one subject', { subjects: everySubject(json).slice(0, 1) }],
  ].map(([name, p]) => [name, { catalogue: json.id, residency: 'local', mode: 'full-time', ...p }]);
}

// Found by test/domain/engine-v2-property.test.ts's generator before it was limited to cheap
// catalogues: 5 subjects, 4 routes, 9 shared pools (refused as too hard); and 8 subjects that no
// plan can meet, which the loader takes its whole budget, several times over, to find out.
const FOUND = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'engine-cost-found.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------

console.log(machine());
if (loadWarning()) console.log(loadWarning());
console.log(
  `engine cost per plan: median of ~10 ms batches over ${budget} ms per plan; search budget ${STATE_BUDGET.toLocaleString('en-US')} states`,
);

const fixtures = path.join(ROOT, 'test', 'fixtures', 'programmes');
for (const file of fs
  .readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const json = readJson(path.join(fixtures, file));
  report(file, json, planFiles(path.join(fixtures, 'plans', json.id)));
}
report(
  'bundled: data/polyu-msc-health-informatics-2024.json',
  readJson(path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json')),
  planFiles(path.join(ROOT, 'examples')),
);

for (const json of [
  wideShared(10, 2),
  wideShared(10, 4),
  wideShared(10, 6),
  wideShared(12, 8),
  deepNOf(2),
  deepNOf(3),
  manyMaxima(2),
  manyMaxima(3),
  manyMaxima(4),
])
  report(`adversarial: ${json.id}`, json, adversarialPlans(json));
for (const [name, json] of Object.entries(FOUND)) report(`found: ${name}`, json, adversarialPlans(json));
