import stringWidth from 'string-width';

/** Columns a text takes in a terminal: a wide (CJK) character takes two, a combining mark none. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` that fits `width` columns, and the rest; never splits a character. */
export function splitAtWidth(text: string, width: number): [head: string, rest: string] {
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    // A character wider than the whole line still goes somewhere: alone at the start of one.
    if (used + w > width && end > 0) return [text.slice(0, index), text.slice(index)];
    used += w;
    end = index + segment.length;
  }
  return [text.slice(0, end), text.slice(end)];
}

/** Pads on the right (or, with `align` right, on the left) to `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const room = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(room) : ' '.repeat(room) + text;
}
