// Runs every benchmark and ends with the two ratios the README reports.
// Usage: node bench/run-all.mjs [--files N] [--runs N] [--start-runs N]   (npm run bench builds first)
import { checkThroughput } from './check-throughput.mjs';
import { coldStart } from './cold-start.mjs';
import { loadWarning, machine, positiveInt, runMain } from './lib.mjs';

runMain(() => {
  console.log(machine());
  const before = loadWarning();
  if (before) console.log(before);
  console.log();
  const throughput = checkThroughput({ files: positiveInt('files', 10_000), runs: positiveInt('runs', 5) });
  console.log();
  const start = coldStart({ runs: positiveInt('start-runs', 20) });
  console.log();

  const json = throughput.json.median / throughput.floor.median;
  const human = throughput.human.median / throughput.floor.median;
  const cold = start.fees.median / start.bare.median;
  const verdict = (x, aim) => `${x.toFixed(2)}x (aim ${aim}x: ${x <= aim ? 'met' : 'missed'})`;
  console.log('summary (medians)');
  console.log(`  check --json of ${throughput.count} files vs read-and-parse floor: ${verdict(json, 3)}`);
  console.log(`  check (report) of ${throughput.count} files vs read-and-parse floor: ${verdict(human, 3)}`);
  console.log(`  fees --residency local --json vs node -e 0: ${verdict(cold, 1.5)}`);
  const after = loadWarning();
  if (after) console.log(after);
});
