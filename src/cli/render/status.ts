import { wrapBetweenWords } from './wrap.js';

/** A status line (what was saved or written), and the command that shows it again, if any. */
export interface Status {
  said: string;
  /** Typed as it is shown: a shell word per argument (shellWord). */
  command?: string;
}

/**
 * A status for stderr: its words wrapped to the width, never broken inside one (a path or a name
 * stays whole), and its command on a line of its own, indented and never wrapped: a break inside
 * it could drop a run of spaces a name holds, and a terminal's own wrapping of a long line copies
 * back as the one line it is.
 */
export function statusText(status: Status, width: number): string {
  return `${wrapBetweenWords(status.said, width)}\n${status.command === undefined ? '' : `  ${status.command}\n`}`;
}
