// What a terminal could act on, or what hides text from the reader: C0 and C1 controls (but tab and
// newline), DEL, every Unicode format character (category Cf: bidirectional overrides and isolates,
// zero-width characters, the soft hyphen, interlinear annotations, tag characters, deprecated
// format controls, musical-notation formatters), the line and paragraph separators, and the Hangul
// fillers, which draw as blank space. Escape sequences lose their ESC and become inert text.
const HIDDEN = String.raw`\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0`;
// Each made on first use: parsing a Unicode property class costs every start a little, and most
// output is plain ASCII that never needs them.
let unsafe: RegExp | undefined;
let unsafeOneLine: RegExp | undefined;
let unsafeInJson: RegExp | undefined;

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Text from a file or a user, made safe to print: every control or invisible format character shown as an escape. */
export function safeText(text: string): string {
  return text.replace((unsafe ??= new RegExp(String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f${HIDDEN}]`, 'gu')), escape);
}

/** As safeText, and newlines and tabs escaped too, for text that must stay on one line. */
export function safeLine(text: string): string {
  return text.replace((unsafeOneLine ??= new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${HIDDEN}]`, 'gu')), escape);
}

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls and format characters raw. They
// can only occur inside strings, so escaping them (as UTF-16 units) keeps the JSON's meaning exactly.
function jsonEscape(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

// Every character unsafeInJson matches is above U+007E: text without one (nearly every result)
// is returned as it is, and this plain search (no backtracking, whatever the length) is cheaper
// than the Unicode-aware replace.
const ABOVE_TILDE = /[^\u0000-\u007e]/;

/** JSON.stringify for output: the same JSON, with every character a terminal could act on escaped. */
export function safeJson(value: unknown, space?: number): string {
  const json = JSON.stringify(value, null, space) ?? 'null';
  return !ABOVE_TILDE.test(json)
    ? json
    : json.replace((unsafeInJson ??= new RegExp(String.raw`[\u007f-\u009f${HIDDEN}]`, 'gu')), jsonEscape);
}
