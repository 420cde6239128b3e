// The floor for `check`: a bare Node.js process that only reads and parses the files it is given.
import fs from 'node:fs';

let parsed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
    parsed++;
  } catch {
    failed++;
  }
}
process.stdout.write(`${parsed} parsed, ${failed} failed\n`);
