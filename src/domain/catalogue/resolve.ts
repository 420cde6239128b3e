import type { Catalogue, Subject } from './model.js';
import { nameKey } from '../text/normalize.js';
import { closest, type Candidate } from '../text/suggest.js';

const candidateLists = new WeakMap<Catalogue, Candidate<Subject>[]>();

function candidates(catalogue: Catalogue): Candidate<Subject>[] {
  let list = candidateLists.get(catalogue);
  if (!list) {
    list = [...catalogue.names].map(([key, id]) => ({ key, value: catalogue.subjectById.get(id)! }));
    candidateLists.set(catalogue, list);
  }
  return list;
}

/** The subject a name (identifier, code or title, any case) stands for, or undefined. */
export function findSubject(catalogue: Catalogue, name: string): Subject | undefined {
  const id = catalogue.names.get(nameKey(name));
  return id === undefined ? undefined : catalogue.subjectById.get(id);
}

/** Up to three subjects whose names are closest to one that matched nothing. */
export function suggestSubjects(catalogue: Catalogue, name: string): Subject[] {
  const key = nameKey(name);
  if (key.length > 200) return [];
  return closest(key, candidates(catalogue));
}
