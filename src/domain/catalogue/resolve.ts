import type { Catalogue, Subject } from './model.js';
import { nameKey } from '../text/normalize.js';
import { closest, type Candidate } from '../text/suggest.js';
import { joinWords } from '../rules/wording.js';

const candidateLists = new WeakMap<Catalogue, Candidate<Subject>[]>();

function candidates(catalogue: Catalogue): Candidate<Subject>[] {
  let list = candidateLists.get(catalogue);
  if (!list) {
    list = [...catalogue.names].map(([key, id]) => ({ key, value: catalogue.subjectById.get(id)! }));
    candidateLists.set(catalogue, list);
  }
  return list;
}

// `check` of a cohort meets the same few hundred spellings thousands of times, and normalising a
// name (NFKC, Unicode classes) costs more than judging with it; so each catalogue remembers what
// a spelling found. Bounded, so a hostile file of endless distinct names cannot grow it without end.
const lookups = new WeakMap<Catalogue, Map<string, Subject | null>>();
const MAX_REMEMBERED = 10_000;
const MAX_REMEMBERED_LENGTH = 200;

/** The subject a name (identifier, code or title, any case) stands for, or undefined. */
export function findSubject(catalogue: Catalogue, name: string): Subject | undefined {
  let memo = lookups.get(catalogue);
  if (!memo) lookups.set(catalogue, (memo = new Map()));
  const known = memo.get(name);
  if (known !== undefined) return known ?? undefined;
  const id = catalogue.names.get(nameKey(name));
  const subject = id === undefined ? undefined : catalogue.subjectById.get(id);
  if (memo.size < MAX_REMEMBERED && name.length <= MAX_REMEMBERED_LENGTH) memo.set(name, subject ?? null);
  return subject;
}

/** Up to three subjects whose names are closest to one that matched nothing. */
export function suggestSubjects(catalogue: Catalogue, name: string): Subject[] {
  const key = nameKey(name);
  if (key.length > 200) return [];
  return closest(key, candidates(catalogue));
}

/** `"Epidemology" is not a subject of this programme. Did you mean Epidemiology?` */
export function notASubject(catalogue: Catalogue, name: string): string {
  const hint = suggestSubjects(catalogue, name);
  const next =
    hint.length > 0
      ? ` Did you mean ${joinWords(
          hint.map((s) => s.title),
          'or',
        )}?`
      : ' Run "study-planner subjects" to list them.';
  return `"${name}" is not a subject of this programme.${next}`;
}
