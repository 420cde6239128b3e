import type { Readable, Writable } from 'node:stream';
import type { Catalogue } from '../domain/catalogue/model.js';

export type Output = Writable & { isTTY?: boolean; columns?: number };
export type Input = Readable & { isTTY?: boolean };

/** The world a command may touch, passed in so tests can replace it. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: Input;
  env: NodeJS.ProcessEnv;
}

export interface GlobalOptions {
  catalogue?: string;
  json?: boolean;
  color?: boolean;
  input?: boolean;
}

export interface Context {
  io: Io;
  json: boolean;
  colour: boolean;
  /** Prompts are allowed: stdin and stdout are terminals and --no-input is absent. */
  interactive: boolean;
  width: number;
  catalogue(): Catalogue;
  out(text: string): void;
  err(text: string): void;
}

/**
 * Colour on stderr: where stdout may have it (Context.colour) and stderr is itself a terminal, so
 * findings sent to a file with 2> are plain text even when the results on screen are coloured.
 */
export function colourOnStderr(ctx: Pick<Context, 'colour' | 'io'>): boolean {
  return ctx.colour && ctx.io.stderr.isTTY === true;
}
