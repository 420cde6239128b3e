// Times the cold start of `study-planner fees --residency local --json` against bare `node -e 0`,
// with `subjects --json`, `check` of one plan and `--version` for context.
// Usage: node bench/cold-start.mjs [--runs N] [--breakdown]   (build first: npm run build)
// --breakdown times layer by layer where the start-up goes, instead.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, loadWarning, machine, needBuild, positiveInt, printTable, ratio, ROOT, runMain, timeInterleaved, WORK } from './lib.mjs';

const PLAN = path.join('examples', 'dissertation.json');

export function coldStart({ runs = 20 } = {}) {
  needBuild();
  const node = process.execPath;
  const results = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'study-planner fees --residency local --json', argv: [node, BIN, 'fees', '--residency', 'local', '--json'] },
      { label: 'study-planner subjects --json', argv: [node, BIN, 'subjects', '--json'] },
      { label: `study-planner check ${PLAN}`, argv: [node, BIN, 'check', PLAN] },
      { label: 'study-planner --version', argv: [node, BIN, '--version'] },
    ],
    { runs, warmup: 3, cwd: ROOT },
  );
  const [bare, fees] = results;
  for (const r of results.slice(1)) r.extra = `${ratio(r.median, bare.median)} (min ${ratio(r.min, bare.min)})`;
  console.log(`cold start: ${runs} runs each after 3 warm-up runs, interleaved`);
  printTable(results, 'vs node -e 0');
  const x = fees.median / bare.median;
  console.log(
    `  aim: fees --json within 1.5x of node -e 0: ${x <= 1.5 ? 'met' : 'MISSED'} (${x.toFixed(2)}x, +${(fees.median - bare.median).toFixed(1)} ms, medians)`,
  );
  return { bare, fees, results };
}

/**
 * Where the start-up time goes: entry scripts that load one more layer each (an empty ES module,
 * the command-line parser, the schema library, the whole program without running it).
 */
export function breakdown({ runs = 20 } = {}) {
  needBuild();
  const dir = path.join(WORK, 'breakdown');
  fs.mkdirSync(dir, { recursive: true });
  const stub = (name, source) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, source);
    return file;
  };
  const fromRoot = (specifier) => JSON.stringify(pathToFileURL(path.join(ROOT, specifier)).href);
  // Bare specifiers resolve from the stub's own folder, so packages are imported by their path.
  const pkg = (name) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    const entry = manifest.exports?.['.']?.import ?? manifest.exports?.['.']?.default ?? manifest.module ?? manifest.main;
    const target = typeof entry === 'object' ? entry.default : entry;
    return fromRoot(path.join('node_modules', name, target));
  };
  const node = process.execPath;
  const results = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'an empty ES module', argv: [node, stub('empty.mjs', '')] },
      { label: 'import commander', argv: [node, stub('commander.mjs', `import ${pkg('commander')};\n`)] },
      { label: 'import valibot', argv: [node, stub('valibot.mjs', `import ${pkg('valibot')};\n`)] },
      { label: 'import commander and valibot', argv: [node, stub('both.mjs', `import ${pkg('commander')};\nimport ${pkg('valibot')};\n`)] },
      { label: 'import dist/cli/main.js (nothing run)', argv: [node, stub('main.mjs', `import ${fromRoot('dist/cli/main.js')};\n`)] },
      { label: 'study-planner --version', argv: [node, BIN, '--version'] },
      { label: 'study-planner fees --residency local --json', argv: [node, BIN, 'fees', '--residency', 'local', '--json'] },
    ],
    { runs, warmup: 3, cwd: ROOT },
  );
  const [bare] = results;
  for (const r of results.slice(1)) {
    const extra = r.median - bare.median;
    r.extra = `${extra >= 0 ? '+' : ''}${extra.toFixed(1)} ms, ${ratio(r.median, bare.median)}`;
  }
  console.log(`start-up breakdown: ${runs} runs each after 3 warm-up runs, interleaved`);
  printTable(results, 'vs node -e 0 (medians)');
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(() => {
    console.log(machine());
    const warning = loadWarning();
    if (warning) console.log(warning);
    const runs = positiveInt('runs', 20);
    if (process.argv.includes('--breakdown')) breakdown({ runs });
    else coldStart({ runs });
  });
}
