import fs from 'node:fs';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';

export function bundledCatalogue(): Catalogue {
  const result = parseCatalogue(
    JSON.parse(fs.readFileSync(new URL('../../data/polyu-msc-health-informatics-2024.json', import.meta.url), 'utf8')),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.catalogue;
}
