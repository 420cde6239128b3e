import { eastAsianWidth } from 'get-east-asian-width';

// Printable ASCII is one column a character: most text is, and it is measured without a table.
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
// Code points that take no column of their own: combining and enclosing marks, format characters
// (the zero-width joiner among them) and controls; and, by number, the variation selectors and the
// emoji skin-tone modifiers, which change the character before them.
const MARK_OR_FORMAT = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
function isZeroWidth(codePoint: number, char: string): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    MARK_OR_FORMAT.test(char)
  );
}
const ZWJ = 0x200d;

/**
 * Columns a code point sequence takes in a terminal, by the East Asian Width tables (a wide or
 * fullwidth character, CJK and most emoji, takes two), marks and format characters none, and the
 * character after a zero-width joiner none (an emoji sequence shows as one picture).
 */
function measure(text: string): number {
  let width = 0;
  let joined = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint === ZWJ) {
      joined = true;
      continue;
    }
    if (joined) {
      joined = false;
      continue;
    }
    if (isZeroWidth(codePoint, char)) continue;
    width += eastAsianWidth(codePoint);
  }
  return width;
}

/** Columns a text takes in a terminal: a wide (CJK) character takes two, a combining mark none. */
export function displayWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : measure(text);
}

/** The longest start of `text` that fits `width` columns, and the rest; never splits a character or a mark from it. */
export function splitAtWidth(text: string, width: number): [head: string, rest: string] {
  if (PLAIN_ASCII.test(text)) return [text.slice(0, Math.max(1, width)), text.slice(Math.max(1, width))];
  let used = 0;
  let end = 0;
  let joined = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    // What follows a zero-width joiner is part of the picture before it, as a mark is part of its
    // letter: neither takes a column, and neither is split from what it belongs to.
    const attached = joined || codePoint === ZWJ || isZeroWidth(codePoint, char);
    joined = codePoint === ZWJ;
    const w = attached ? 0 : eastAsianWidth(codePoint);
    // A character wider than the whole line still goes somewhere: alone at the start of one.
    if (w > 0 && used + w > width && end > 0) break;
    used += w;
    end += char.length;
  }
  return [text.slice(0, end), text.slice(end)];
}

/** Pads on the right (or, with `align` right, on the left) to `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const room = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(room) : ' '.repeat(room) + text;
}

/** The text cut to `width` columns, with an ellipsis where it was cut. */
export function clipToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  return `${splitAtWidth(text, Math.max(1, width - 1))[0].trimEnd()}…`;
}
