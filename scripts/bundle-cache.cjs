// Writes V8's code caches for dist/bundle.cjs, each taken after running commands people run most,
// so it holds the compiled code of every function they reach, not only of the bundle's top level:
// `node scripts/bundle-cache.cjs` writes dist/bundle.cache, from all of them; with a command's
// name (fees, check, subjects, plan), that command's own cache, from it alone, which the bin loads
// for it (bin/study-planner). Run by scripts/bundle.mjs, each in a process of its own (plain
// `node`, no flags: V8 rejects a cache made under other flags), since a cache holds everything the
// process compiled. Output of the commands is discarded.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { compileBundle, runBundle, cacheOf, COMMANDS_WITH_OWN_CACHE } = require('../bin/study-planner');

const ROOT = path.join(__dirname, '..');
const example = (name) => path.join(ROOT, 'examples', name);
const PLAN_FLAGS = ['--residency', 'local', '--mode', 'part-time', '--route', 'dissertation', '--core', 'epidemiology', 'LGT5037'];
const CHOICES = [...PLAN_FLAGS, '--elective', 'COMP5434', 'APSS6403', '--fellowship', '--no-input'];

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'study-planner-cache-'));
  try {
    const misspelt = path.join(work, 'misspelt.json');
    const plan = JSON.parse(fs.readFileSync(example('dissertation.json'), 'utf8'));
    fs.writeFileSync(misspelt, JSON.stringify({ ...plan, subjects: [...plan.subjects.slice(1), 'Big Dta Computing'] }));
    // exit codes: 0 success, 1 a plan that breaks the rules (contract.md)
    const commands = [
      [0, 'fees', '--residency', 'local', '--json'],
      [0, 'fees', '--residency', 'local'],
      [0, 'check', example('dissertation.json')],
      [0, 'check', '--json', example('dissertation.json')],
      [1, 'check', misspelt],
      [1, 'check', '--json', misspelt],
      [0, 'subjects'],
      [0, 'subjects', '--json'],
      [0, 'plan', ...CHOICES, '--json'],
      [0, 'plan', ...CHOICES],
      [0, '--help'],
      [0, 'check', '--help'],
    ];
    const only = process.argv[2];
    if (only !== undefined && !COMMANDS_WITH_OWN_CACHE.includes(only)) throw new Error(`no command "${only}" has a cache of its own`);
    const runs = only === undefined ? commands : commands.filter(([, ...argv]) => argv[0] === only);
    process.env.STUDY_PLANNER_STORE_DIR = path.join(work, 'store');
    const script = compileBundle(undefined);
    const { run } = runBundle(script);
    const write = { stdout: process.stdout.write, stderr: process.stderr.write };
    const failures = [];
    for (const [expected, ...argv] of runs) {
      process.stdout.write = process.stderr.write = () => true;
      let code;
      try {
        code = await run([process.execPath, 'study-planner', ...argv]);
      } finally {
        Object.assign(process.stdout, { write: write.stdout });
        Object.assign(process.stderr, { write: write.stderr });
      }
      if (code !== expected) failures.push(`study-planner ${argv.join(' ')}: exit ${code}, expected ${expected}`);
    }
    process.exitCode = 0;
    if (failures.length > 0) throw new Error(`the commands run to fill the code cache did not behave:\n  ${failures.join('\n  ')}`);
    fs.writeFileSync(cacheOf(only), script.createCachedData());
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bundle-cache: ${error.message}\n`);
  process.exitCode = 1;
});
