import type { Catalogue } from '../domain/catalogue/model.js';
import type { Context, GlobalOptions, Io } from './context.js';
import { loadCatalogue } from './io/catalogue.js';

export function makeContext(io: Io, options: GlobalOptions): Context {
  const noColourEnv = (io.env.NO_COLOR ?? '') !== '';
  const colour = options.color !== false && !noColourEnv && io.stdout.isTTY === true && io.env.TERM !== 'dumb';
  let catalogue: Catalogue | undefined;
  return {
    io,
    json: options.json === true,
    colour,
    interactive: options.input !== false && io.stdin.isTTY === true && io.stdout.isTTY === true,
    width: io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
    catalogue: () => (catalogue ??= loadCatalogue(options.catalogue ?? envValue(io, 'CATALOGUE'))),
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
  };
}

/** STUDY_PLANNER_<NAME>, when set and not empty. */
export function envValue(io: Io, name: string): string | undefined {
  const value = io.env[`STUDY_PLANNER_${name}`];
  return value === undefined || value === '' ? undefined : value;
}
