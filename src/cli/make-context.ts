import type { Catalogue } from '../domain/catalogue/model.js';
import type { Context, GlobalOptions, Io } from './context.js';
import { loadCatalogue } from './io/catalogue.js';
import { readSavedDefaults } from './io/saved-defaults.js';
import { UsageError } from './outcome.js';

export function makeContext(io: Io, options: GlobalOptions): Context {
  const noColourEnv = (io.env.NO_COLOR ?? '') !== '';
  const colour = options.color !== false && !noColourEnv && io.stdout.isTTY === true && io.env.TERM !== 'dumb';
  let catalogue: Catalogue | undefined;
  return {
    io,
    json: options.json === true,
    colour,
    // A --json run is for a program: it never stops to ask.
    interactive: options.input !== false && options.json !== true && io.stdin.isTTY === true && io.stdout.isTTY === true,
    width: outputWidth(io),
    catalogue: () => (catalogue ??= chosenCatalogue(io, options.catalogue)),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
  };
}

// Narrower than this, no table or summary can be laid out readably; wider, lines are too long to read.
const MIN_WIDTH = 40;
const MAX_WIDTH = 400;

/** The terminal's width, else COLUMNS (so piped output can be laid out for a known width), else 80. */
export function outputWidth(io: Pick<Io, 'stdout' | 'env'>): number {
  const columns = /^\d{1,5}$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : undefined;
  const width = (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined) ?? columns ?? 80;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}

/**
 * The catalogue to load: --catalogue, then STUDY_PLANNER_CATALOGUE, then the saved default, then
 * the bundled one. The store is read (a small file, without conf) only when neither of the first
 * two answers; it has to be read synchronously, as commands ask for the catalogue synchronously.
 */
function chosenCatalogue(io: Io, flag: string | undefined): Catalogue {
  const given = flag ?? envValue(io, 'CATALOGUE');
  if (given !== undefined) return loadCatalogue(given);
  const saved = readSavedDefaults(io.env).catalogue;
  try {
    return loadCatalogue(saved);
  } catch (error) {
    if (saved === undefined || !(error instanceof UsageError)) throw error;
    throw new UsageError(`${error.message.replace(/\.$/, '')} (it is the saved default catalogue: change it with "study-planner config set catalogue FILE" or remove it with "study-planner config unset catalogue").`);
  }
}

/** STUDY_PLANNER_<NAME>, when set and not empty. */
export function envValue(io: Io, name: string): string | undefined {
  const value = io.env[`STUDY_PLANNER_${name}`];
  return value === undefined || value === '' ? undefined : value;
}
