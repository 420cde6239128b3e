import { createRequire } from 'node:module';
import type * as Valibot from 'valibot';

let loaded: typeof Valibot | undefined;

/**
 * valibot, loaded on first use. Most runs never validate anything (the bundled catalogue is
 * validated when the program is built, and the store often does not exist), and loading valibot
 * costs a cold start as much as the rest of a `fees` run.
 */
export function valibot(): typeof Valibot {
  return (loaded ??= createRequire(import.meta.url)('valibot') as typeof Valibot);
}

/** A value built once, on first use. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
