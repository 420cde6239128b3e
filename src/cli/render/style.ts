import { Chalk, type ChalkInstance } from 'chalk';

/** Colours for human output, or none: status is always told by a mark and a word as well. */
export interface Style {
  ok(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  heading(text: string): string;
  readonly colour: boolean;
}

export function makeStyle(colour: boolean): Style {
  const chalk: ChalkInstance = new Chalk({ level: colour ? 1 : 0 });
  return {
    ok: (t) => chalk.green(t),
    bad: (t) => chalk.red(t),
    warn: (t) => chalk.yellow(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    heading: (t) => chalk.bold.underline(t),
    colour,
  };
}

export const MARK = { ok: '✔', bad: '✖', warn: '!' } as const;
