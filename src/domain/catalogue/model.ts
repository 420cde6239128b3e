import type { CatalogueData, RuleData, SelectorData, SubjectData } from './schema.js';
import { nameKey } from '../text/normalize.js';

export type Subject = SubjectData;

export interface RequirementOption {
  id: string;
  label: string;
  rule: RuleData;
  /** Identifiers of every catalogue subject the rule's selector names. */
  eligible: ReadonlySet<string>;
}

export interface Requirement {
  id: string;
  label: string;
  /** One option for a plain rule; several for "anyOf". */
  options: readonly RequirementOption[];
}

/** A validated catalogue with the indexes every command needs. Build it with `loadCatalogue`. */
export interface Catalogue {
  data: CatalogueData;
  id: string;
  subjects: readonly Subject[];
  subjectById: ReadonlyMap<string, Subject>;
  categoryById: ReadonlyMap<string, CatalogueData['categories'][number]>;
  requirements: readonly Requirement[];
  /** Normalised identifier, code or title to subject identifier. */
  names: ReadonlyMap<string, string>;
}

export function selectSubjects(data: CatalogueData, selector: SelectorData): Set<string> {
  const categories = new Set(selector.categories ?? []);
  const out = new Set<string>(selector.subjects ?? []);
  if (categories.size > 0) for (const subject of data.subjects) if (categories.has(subject.category)) out.add(subject.id);
  return out;
}

export function buildCatalogue(data: CatalogueData): Catalogue {
  const subjectById = new Map(data.subjects.map((s) => [s.id, s]));
  const names = new Map<string, string>();
  // Titles first, then codes, then identifiers, so an identifier always wins a clash.
  for (const s of data.subjects) names.set(nameKey(s.title), s.id);
  for (const s of data.subjects) if (s.code) names.set(nameKey(s.code), s.id);
  for (const s of data.subjects) names.set(nameKey(s.id), s.id);
  const requirements = data.requirements.map((r): Requirement => {
    const options = r.anyOf ?? [{ id: r.id, label: r.label, rule: r.rule! }];
    return {
      id: r.id,
      label: r.label,
      options: options.map((o) => ({ ...o, eligible: selectSubjects(data, o.rule.from) })),
    };
  });
  return {
    data,
    id: data.id,
    subjects: data.subjects,
    subjectById,
    categoryById: new Map(data.categories.map((c) => [c.id, c])),
    requirements,
    names,
  };
}
