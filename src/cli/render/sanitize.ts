// C0 and C1 controls (but tab and newline), DEL, bidirectional overrides and isolates, and
// zero-width characters that can hide text. Escape sequences lose their ESC and become inert text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text from a file or a user, made safe to print: every control character shown as an escape. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** As safeText, and newlines and tabs escaped too, for text that must stay on one line. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_ONE_LINE, escape);
}

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls, bidi and zero-width characters
// raw. They can only occur inside strings, so escaping them keeps the JSON's meaning exactly.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** JSON.stringify for output: the same JSON, with every character a terminal could act on escaped. */
export function safeJson(value: unknown, space?: number): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
