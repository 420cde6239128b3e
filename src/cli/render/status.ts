import { commandLines } from './command-lines.js';
import { displayWidth } from './text-width.js';
import { wrapBetweenWords } from './wrap.js';

/** A status line (what was saved or written), and the command that shows it again, if any. */
export interface Status {
  said: string;
  /** Typed as it is shown: a shell word per argument (shellWord). */
  command?: string;
}

/**
 * A status for stderr: its words wrapped to the width, never broken inside one (a path or a name
 * stays whole), and its command on lines of its own, indented, broken only between shell words
 * with the shell's " \\" (so a quoted name keeps every space it holds, and the lines pasted run as
 * the one command), where the terminal would have split "part-time-dis" / "sertation".
 */
export function statusText(status: Status, width: number): string {
  const command = status.command === undefined ? [] : commandLines(status.command, width - 2, displayWidth);
  return `${wrapBetweenWords(status.said, width)}\n${command.map((line) => `  ${line}\n`).join('')}`;
}
