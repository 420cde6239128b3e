// No imports: the help text, loaded at every start, uses this too.

/** A shell word: quoted text ('...' or "...") and backslash escapes stay inside it. */
const SHELL_WORD = /(?:'[^']*'|"(?:[^"\\]|\\.)*"|\\.|[^\s'"\\])+/g;

/**
 * A shell command as lines of at most `width` columns (as `measure` counts them), broken between
 * its words with the shell's " \" and its later lines indented by two: pasted into a shell, the
 * lines run as the one command they are. A word wider than a line is left whole, to overflow:
 * breaking inside it would change the command.
 */
export function commandLines(command: string, width: number, measure: (text: string) => number = (text) => text.length): string[] {
  if (measure(command) <= width) return [command];
  const words: string[] = [];
  let end = 0;
  for (const match of command.matchAll(SHELL_WORD)) {
    // Only blank space between words: a quote left open would lose what lies between, so such a
    // command stays whole.
    if (command.slice(end, match.index).trim() !== '') return [command];
    words.push(match[0]);
    end = match.index + match[0].length;
  }
  if (command.slice(end).trim() !== '') return [command];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const indent = lines.length === 0 ? 0 : 2;
    if (line !== '' && indent + measure(line) + 1 + measure(word) + 2 > width) {
      lines.push(`${' '.repeat(indent)}${line} \\`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, `${lines.length === 0 ? '' : '  '}${line}`];
}
