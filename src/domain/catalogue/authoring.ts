import type { Issue } from '../issue.js';
import { nameKey } from '../text/normalize.js';
import type { Catalogue } from './model.js';
import { pointsAtSomething } from './json-pointer.js';

/** How much a finding matters to a catalogue's author: an error stops the catalogue loading; a note is for reading only. */
export type Severity = 'error' | 'warning' | 'note';

/** One thing `catalogue check` tells an author, placed by a path such as `requirements[2].from`. */
export interface Finding {
  code: string;
  severity: Severity;
  path: string;
  message: string;
  /** The problem is the member's key (an unknown field), not its value. */
  atKey?: true;
}

/** parseCatalogue's issue as an error finding, with the code it was made with (INVALID for one made without). */
export function errorFinding(issue: Issue): Finding {
  const code = issue.code ?? 'INVALID';
  return { code, severity: 'error', path: issue.path, message: issue.message, ...(code === 'UNKNOWN_FIELD' ? { atKey: true } : {}) };
}

/**
 * What a loadable catalogue may still get wrong: subjects no requirement can count (nor any limit
 * name), categories with
 * no subject, names a student could mistake for another subject's, provenance that points at
 * nothing (warnings), and provenance of low confidence (notes). `json` is the file as parsed, for
 * the provenance paths.
 */
export function authoringFindings(catalogue: Catalogue, json: unknown): Finding[] {
  return [...unusedSubjects(catalogue), ...unusedCategories(catalogue), ...lookalikeNames(catalogue), ...provenance(catalogue, json)];
}

function unusedSubjects(catalogue: Catalogue): Finding[] {
  const usable = new Set<string>();
  for (const r of catalogue.requirements) for (const o of r.options) for (const l of o.leaves) for (const id of l.eligible) usable.add(id);
  // A subject a limit names is meant to count towards the credits (free electives under a cap).
  for (const l of catalogue.limits) for (const id of l.eligible) usable.add(id);
  return catalogue.subjects.flatMap((s, i) =>
    usable.has(s.id)
      ? []
      : [
          {
            code: 'UNUSED_SUBJECT',
            severity: 'warning' as const,
            path: `subjects[${i}]`,
            message: `"${s.title}" is in no pool of any route or limit, so no requirement can count it; name it (or its category) in a requirement's "from", or remove it`,
          },
        ],
  );
}

function unusedCategories(catalogue: Catalogue): Finding[] {
  const used = new Set(catalogue.subjects.map((s) => s.category));
  return catalogue.data.categories.flatMap((c, i) =>
    used.has(c.id)
      ? []
      : [
          {
            code: 'UNUSED_CATEGORY',
            severity: 'warning' as const,
            path: `categories[${i}]`,
            message: `"${c.id}" has no subject, so a pool that names it counts nothing; give it subjects or remove it`,
          },
        ],
  );
}

/**
 * Names that differ only in spacing, punctuation or case ("Healthcare Ethics", "Health Care
 * Ethics"; a code "DATAMINING" and a title "Data Mining"): the loader already refuses names equal
 * once case and punctuation are set aside, so these are the ones a student can still mistake.
 */
function lookalikeNames(catalogue: Catalogue): Finding[] {
  // Titles first: a subject's identifier often reads as its own title, and the title is what a student knows.
  const fields = ['title', 'code', 'id'] as const;
  const first = new Map<string, { subject: number; field: (typeof fields)[number]; name: string }>();
  const findings: Finding[] = [];
  catalogue.subjects.forEach((s, i) => {
    for (const field of fields) {
      const name = s[field];
      if (name === undefined) continue;
      const compact = nameKey(name).replace(/ /g, '');
      const seen = first.get(compact);
      if (seen === undefined) first.set(compact, { subject: i, field, name });
      else if (seen.subject !== i)
        findings.push({
          code: 'AMBIGUOUS_NAME',
          severity: 'warning',
          path: `subjects[${i}].${field}`,
          message: `"${name}" differs from subjects[${seen.subject}]'s ${seen.field} "${seen.name}" only in spacing, punctuation or letter case; a student who types one may mean the other, so rename one`,
        });
    }
  });
  return findings;
}

function provenance(catalogue: Catalogue, json: unknown): Finding[] {
  return (catalogue.data.provenance ?? []).flatMap((p, i): Finding[] => {
    if (!pointsAtSomething(json, p.path))
      return [
        {
          code: 'PROVENANCE_PATH',
          severity: 'warning',
          path: `provenance[${i}].path`,
          message: `"${p.path}" points at nothing in this catalogue; a step into a list may be an index, an element's id, or *`,
        },
      ];
    if (p.confidence === 'low')
      return [
        {
          code: 'LOW_CONFIDENCE',
          severity: 'note',
          path: `provenance[${i}].confidence`,
          message: `"low" for ${p.path}: confirm it against the programme's own pages before relying on it`,
        },
      ];
    return [];
  });
}
