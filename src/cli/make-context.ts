import type { Catalogue } from '../domain/catalogue/model.js';
import type { Context, GlobalOptions, Io } from './context.js';
import { loadCatalogue } from './io/catalogue.js';
import { readSavedDefaults } from './io/saved-defaults.js';
import { UsageError } from './outcome.js';
import { outputWidth } from './io/output-width.js';
import { resolveSetting } from './settings/resolve.js';

/**
 * Colour on stdout: never with --no-color or NO_COLOR; always with FORCE_COLOR (other than "0"),
 * even into a pipe; otherwise only into a terminal that is not "dumb".
 */
export function colourWanted(io: Pick<Io, 'stdout' | 'env'>, options: Pick<GlobalOptions, 'color'>): boolean {
  if (options.color === false || (io.env.NO_COLOR ?? '') !== '') return false;
  const forced = io.env.FORCE_COLOR;
  if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

export function makeContext(io: Io, options: GlobalOptions): Context {
  const colour = colourWanted(io, options);
  let catalogue: Catalogue | undefined;
  return {
    io,
    json: options.json === true,
    colour,
    // A --json run is for a program: it never stops to ask. Worked out when a command asks, so
    // that one which never does (fees, subjects) never makes the stdin stream (see processIo).
    get interactive() {
      return options.input !== false && options.json !== true && io.stdout.isTTY === true && io.stdin.isTTY === true;
    },
    width: outputWidth(io),
    catalogue: () => (catalogue ??= chosenCatalogue(io, options.catalogue)),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
  };
}

/**
 * The catalogue to load: --catalogue, then STUDY_PLANNER_CATALOGUE, then the saved default (see
 * settings/table.ts), then the bundled one. The store (a small file, read without conf) is read only
 * when neither of the first two answers, and synchronously, as commands ask for the catalogue so.
 */
function chosenCatalogue(io: Io, flag: string | undefined): Catalogue {
  const chosen = resolveSetting('catalogue', { flag, env: io.env, saved: () => readSavedDefaults(io.env) });
  try {
    return loadCatalogue(chosen?.value);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // Said where the file came from, when it was not the --catalogue the user just typed.
    if (chosen?.source === 'environment')
      throw new UsageError(
        `${error.message.replace(/\.$/, '')} (it is STUDY_PLANNER_CATALOGUE: correct it, or unset it to use the bundled catalogue).`,
      );
    if (chosen?.source !== 'saved default') throw error;
    throw new UsageError(
      `${error.message.replace(/\.$/, '')} (it is the saved default catalogue: change it with "study-planner config set catalogue FILE" or remove it with "study-planner config unset catalogue").`,
    );
  }
}
