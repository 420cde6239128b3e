import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Catalogue } from '../../domain/catalogue/model.js';
import type { CatalogueData } from '../../domain/catalogue/schema.js';
import { parseCatalogue } from '../../domain/catalogue/validate.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { MAX_CATALOGUE_BYTES } from './limits.js';
import { FileError, parseJson, readTextFile } from './read-file.js';
import { refuseDuplicateKeys } from './duplicate-keys.js';

export const DEFAULT_CATALOGUE = fileURLToPath(new URL('../../../data/polyu-msc-health-informatics-2024.json', import.meta.url));
// Exact copies of the catalogues the build validated (scripts/validate-catalogues.mjs).
const VALIDATED = new URL('../../validated/', import.meta.url);

/** True when `text` is, byte for byte, a catalogue the build already validated. */
function validatedAtBuild(file: string, text: string): boolean {
  try {
    return fs.readFileSync(new URL(path.basename(file), VALIDATED), 'utf8') === text;
  } catch {
    return false;
  }
}

/** Loads and validates a catalogue file; a bad one is a UsageError (exit 2) naming file and place. */
export function loadCatalogue(file: string | undefined): Catalogue {
  const target = file ?? DEFAULT_CATALOGUE;
  const shown = file ?? path.relative(process.cwd(), target);
  let json: unknown;
  let text: string;
  try {
    text = readTextFile(target, MAX_CATALOGUE_BYTES);
    json = parseJson(text, target);
  } catch (error) {
    if (error instanceof FileError) throw new UsageError(`catalogue ${safeLine(shown)} ${error.message}`);
    throw error;
  }
  if (validatedAtBuild(target, text)) return buildCatalogue(json as CatalogueData);
  try {
    refuseDuplicateKeys(text, json, target);
  } catch (error) {
    if (error instanceof FileError) throw new UsageError(`catalogue ${safeLine(shown)} ${error.message}.`);
    throw error;
  }
  const result = parseCatalogue(json);
  if (result.ok) return result.catalogue;
  const [first, ...rest] = result.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  const where = first!.path === '' ? 'at the top level' : `at ${first!.path}`;
  throw new UsageError(
    `catalogue ${safeLine(shown)} is not valid: ${where}: ${safeLine(first!.message)}${more}; fix the catalogue file or load another with --catalogue FILE.`,
  );
}
