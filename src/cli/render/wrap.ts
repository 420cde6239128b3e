import { displayWidth, splitAtWidth } from './text-width.js';

/**
 * Word-wraps text that starts at column `indent` of a `width`-column screen: every line gets
 * `width - indent` columns, and lines after the first are indented to line up under the first.
 */
export function wrap(text: string, width: number, indent = 0): string {
  return wrapLines(text, width - indent).join(`\n${' '.repeat(indent)}`);
}

/** Splits a word too long for a line after its hyphens, and cuts what is still too long. */
function splitLongWord(word: string, width: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of word.split(/(?<=-)/)) {
    if (current !== '' && displayWidth(current) + displayWidth(piece) > width) {
      parts.push(current);
      current = '';
    }
    current += piece;
    while (displayWidth(current) > width) {
      const [head, rest] = splitAtWidth(current, width);
      parts.push(head);
      current = rest;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Lines of at most `width` columns (wide characters count two), broken at spaces where possible.
 * A run of spaces inside a line is kept as it is (a plan named "my  plan" is shown, and quoted in a
 * command to copy, as named); spaces where the text breaks, and at its start and end, are dropped.
 */
export function wrapLines(text: string, width: number): string[] {
  return breakAtSpaces(text, Math.max(4, width), true);
}

/**
 * The lines of `text` broken at spaces to `room` columns; a word wider than `room` is cut into
 * pieces when `cut` (splitLongWord), else left whole on a line of its own.
 */
function breakAtSpaces(text: string, room: number, cut: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  // Split at each space: an empty word stands for one more space of a run.
  for (const word of text.split(' ')) {
    const pieces = cut && displayWidth(word) > room ? splitLongWord(word, room) : [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (displayWidth(line) + 1 + displayWidth(piece) <= room) line += ` ${piece}`;
      else {
        lines.push(line.replace(TRAILING_SPACES, ''));
        line = piece;
      }
    }
  }
  // Spaces that ended the text would otherwise make a line of nothing.
  if (line !== '' || lines.length === 0) lines.push(line.replace(TRAILING_SPACES, ''));
  return lines;
}

// Only the spaces the text is split at: a no-break or ideographic space is part of a word.
const TRAILING_SPACES = / +$/;

/**
 * Lines of at most `width` columns broken only at spaces: a word wider than a line (a path, a
 * command to copy) stands whole on a line of its own, for the terminal to fold, and so copies back
 * as the one word it is.
 */
export function wrapBetweenWords(text: string, width: number): string {
  return breakAtSpaces(text, width, false).join('\n');
}

/**
 * A message for stderr: at a terminal, each line broken between words to `width`, which it would
 * otherwise split anywhere ("l" / "ock file"); piped or redirected, the one line a script reads.
 */
export function forStderr(text: string, width: number, atTerminal: boolean): string {
  if (!atTerminal) return text;
  return text
    .split('\n')
    .map((line) => wrapBetweenWords(line, width))
    .join('\n');
}
