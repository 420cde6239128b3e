/**
 * Word-wraps text that starts at column `indent` of a `width`-column screen: every line gets
 * `width - indent` columns, and lines after the first are indented to line up under the first.
 */
export function wrap(text: string, width: number, indent = 0): string {
  return wrapLines(text, width - indent).join(`\n${' '.repeat(indent)}`);
}

/** Lines of at most `width` columns. Long identifiers break after a hyphen; longer words are cut. */
export function wrapLines(text: string, width: number): string[] {
  const tokens = text.split(/(?<= )|(?<=-)(?=[^-\s])/);
  const lines: string[] = [];
  let line = '';
  const room = () => Math.max(8, width);
  for (let token of tokens) {
    while (token.length > room()) {
      if (line.trimEnd() !== '') lines.push(line.trimEnd());
      line = '';
      lines.push(token.slice(0, room()));
      token = token.slice(room());
    }
    if ((line + token).trimEnd().length > room()) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trimEnd() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
