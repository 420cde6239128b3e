import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../domain/catalogue/model.js';
import { parseCatalogue } from '../../domain/catalogue/validate.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { MAX_CATALOGUE_BYTES } from './limits.js';
import { FileError, readJsonFile } from './read-file.js';

export const DEFAULT_CATALOGUE = fileURLToPath(new URL('../../../data/polyu-msc-health-informatics-2024.json', import.meta.url));

/** Loads and validates a catalogue file; a bad one is a UsageError (exit 2) naming file and place. */
export function loadCatalogue(file: string | undefined): Catalogue {
  const target = file ?? DEFAULT_CATALOGUE;
  const shown = file ?? path.relative(process.cwd(), target);
  let json: unknown;
  try {
    json = readJsonFile(target, MAX_CATALOGUE_BYTES);
  } catch (error) {
    if (error instanceof FileError) throw new UsageError(`catalogue ${safeLine(shown)} ${error.message}`);
    throw error;
  }
  const result = parseCatalogue(json);
  if (result.ok) return result.catalogue;
  const [first, ...rest] = result.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  const where = first!.path === '' ? 'at the top level' : `at ${first!.path}`;
  throw new UsageError(`catalogue ${safeLine(shown)} is not valid: ${where}: ${safeLine(first!.message)}${more}; fix the catalogue file or load another with --catalogue FILE.`);
}
