// Build step: validates every catalogue in data/ with the compiled validator and keeps an exact
// copy of each in dist/validated/. At run time a catalogue whose text equals its copy is known
// valid and is not validated again, which keeps valibot and the reachability check out of a cold
// start. Any other text, or an edited file, is validated in full as usual.
import fs from 'node:fs';
import path from 'node:path';
import { parseCatalogue } from '../dist/domain/catalogue/validate.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, 'data');
const outDir = path.join(root, 'dist', 'validated');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
/** Deep equality of JSON values, whatever the order of object keys. */
function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

let failed = false;
for (const name of fs.readdirSync(dataDir).filter((n) => n.endsWith('.json'))) {
  const text = fs.readFileSync(path.join(dataDir, name), 'utf8');
  const result = parseCatalogue(JSON.parse(text));
  if (!result.ok) {
    failed = true;
    for (const issue of result.issues) console.error(`data/${name}: at ${issue.path || 'the top level'}: ${issue.message}`);
    continue;
  }
  // Only a file that validation leaves as it is (no trimmed text, no defaults) may skip it later.
  if (sameJson(result.catalogue.data, JSON.parse(text))) fs.writeFileSync(path.join(outDir, name), text);
  else console.warn(`data/${name}: validation changes it (trims text, say), so it will be validated at every run`);
}
if (failed) process.exit(1);
