import { FileError } from './file-error.js';
import { lineAndColumn } from './read-file.js';
import { safeLine } from '../render/sanitize.js';

/**
 * The keys of every object in a parsed JSON value, counted, recursively and allocating nothing:
 * `check` counts those of every plan of a cohort. Undefined when the value nests too deep for the
 * stack (JSON may nest 100,000 deep); the text is then scanned instead.
 */
function keysIn(value: object): number | undefined {
  try {
    return countKeys(value);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function countKeys(value: object): number {
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) count += countKeys(item);
    }
    return count;
  }
  for (const key in value) {
    count++;
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) count += countKeys(item);
  }
  return count;
}

function colonsIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** Skips JSON whitespace from `at`. */
function skipSpace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 32 || c === 10 || c === 13 || c === 9) at++;
    else return at;
  }
}

/** The first key an object of valid JSON `text` gives twice, and where its second one starts. */
function scanForDuplicate(text: string): { key: string; offset: number } | undefined {
  // One set of keys per open object; null for an open array.
  const open: (Set<string> | null)[] = [];
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 123 /* { */) open.push(new Set());
    else if (c === 91 /* [ */) open.push(null);
    else if (c === 125 /* } */ || c === 93 /* ] */) open.pop();
    else if (c === 34 /* " */) {
      const start = at;
      let escaped = false;
      for (at++; at < text.length && text.charCodeAt(at) !== 34; at++) {
        if (text.charCodeAt(at) === 92 /* \ */) {
          escaped = true;
          at++;
        }
      }
      const keys = open.at(-1);
      if (keys === null || keys === undefined || text.charCodeAt(skipSpace(text, at + 1)) !== 58 /* : */) continue;
      // "a" and "\u0061" are the same key.
      const key = escaped ? (JSON.parse(text.slice(start, at + 1)) as string) : text.slice(start + 1, at);
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    }
  }
  return undefined;
}

/**
 * Refuses JSON that gives a key twice in one object, which JSON.parse takes silently, keeping the
 * last: a plan saying "residency" twice would be priced on whichever came last. `parsed` is
 * JSON.parse(text). Cheap for nearly every file: a colon outside a string is always a key's, so
 * when the text has no more colons than the parsed value has keys, no key was given twice and no
 * string holds a colon; only otherwise is the text scanned.
 */
export function refuseDuplicateKeys(text: string, parsed: unknown, file: string): void {
  if (typeof parsed !== 'object' || parsed === null || colonsIn(text) === keysIn(parsed)) return;
  const duplicate = scanForDuplicate(text);
  if (duplicate === undefined) return;
  const place = lineAndColumn(text, duplicate.offset);
  throw new FileError(
    'MALFORMED',
    file,
    `gives the key ${JSON.stringify(safeLine(duplicate.key))} twice in one object, the second time at line ${place.line}, column ${place.column}; JSON keeps only the last, so remove the one you do not mean`,
    place,
  );
}
