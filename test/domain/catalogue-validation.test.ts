import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import type { IssueCode } from '../../src/domain/issue.js';
import { inventedJson, realJson } from './catalogues.js';

type Json = Record<string, any>;

interface Row {
  name: string;
  change: (c: Json) => void;
  path: string;
  code: IssueCode;
  message: RegExp;
  base?: () => Json;
}

const rows: Row[] = [
  {
    name: 'a duplicate subject identifier',
    change: (c) => (c.subjects[5].id = c.subjects[4].id),
    path: 'subjects[5].id',
    code: 'DUPLICATE_ID',
    message: /subject identifier "artificial-intelligence-concepts" is already used by subjects\[4\]\.id; each must be unique/,
  },
  {
    name: 'a duplicate category identifier',
    change: (c) => c.categories.push({ ...c.categories[1] }),
    path: 'categories[4].id',
    code: 'DUPLICATE_ID',
    message: /category identifier "core" is already used by categories\[1\]\.id/,
  },
  {
    name: 'a requirement naming an unknown category',
    change: (c) => (c.requirements[1].rule.from.categories = ['cores']),
    path: 'requirements[1].rule.from.categories[0]',
    code: 'UNKNOWN_REFERENCE',
    message: /names category "cores", which is not in "categories" \(compulsory, core, elective, dissertation\)/,
  },
  {
    name: 'an option naming an unknown subject',
    change: (c) => (c.requirements[3].anyOf[0].rule.from.subjects = ['disertation']),
    path: 'requirements[3].anyOf[0].rule.from.subjects[0]',
    code: 'UNKNOWN_REFERENCE',
    message: /names subject "disertation", which is not in "subjects"/,
  },
  {
    name: 'a subject in an unknown category',
    change: (c) => (c.subjects[0].category = 'mandatory'),
    path: 'subjects[0].category',
    code: 'UNKNOWN_REFERENCE',
    message: /names category "mandatory"/,
  },
  {
    name: 'a negative fee per credit',
    change: (c) => (c.fees.perCredit = -5750),
    path: 'fees.perCredit',
    code: 'INVALID',
    message: /must not be negative/,
  },
  {
    name: 'a negative fellowship cap',
    change: (c) => (c.fees.fellowship.cap = -1),
    path: 'fees.fellowship.cap',
    code: 'INVALID',
    message: /must not be negative/,
  },
  {
    name: 'a negative initial registration',
    change: (c) => (c.fees.initialRegistrationCredits['non-local'] = -6),
    path: 'fees.initialRegistrationCredits.non-local',
    code: 'INVALID',
    message: /must not be negative/,
  },
  {
    name: 'a fractional fee',
    change: (c) => (c.fees.perCredit = 5750.5),
    path: 'fees.perCredit',
    code: 'INVALID',
    message: /must be a whole number/,
  },
  {
    name: 'a fee as text',
    change: (c) => (c.fees.perCredit = '5750'),
    path: 'fees.perCredit',
    code: 'INVALID',
    message: /must be a number/,
  },
  {
    name: 'an unknown top-level field',
    change: (c) => (c.colour = 'blue'),
    path: 'colour',
    code: 'UNKNOWN_FIELD',
    message: /is not a known field; remove it or check its spelling/,
  },
  {
    name: 'an unknown subject field',
    change: (c) => (c.subjects[2].credit = 3),
    path: 'subjects[2].credit',
    code: 'UNKNOWN_FIELD',
    message: /is not a known field/,
  },
  { name: 'a missing field', change: (c) => delete c.fees, path: 'fees', code: 'MISSING_FIELD', message: /is required but missing/ },
  {
    name: 'a requirement with both a rule and alternatives',
    change: (c) => (c.requirements[3].rule = { type: 'subjects', min: 1, from: { categories: ['core'] } }),
    path: 'requirements[3]',
    code: 'INVALID',
    message: /must have either "rule" or "anyOf", not both or neither/,
  },
  {
    name: 'a requirement with neither',
    change: (c) => delete c.requirements[1].rule,
    path: 'requirements[1]',
    code: 'INVALID',
    message: /must have either "rule" or "anyOf", not both or neither/,
  },
  {
    name: 'alternatives with a single option',
    change: (c) => c.requirements[3].anyOf.pop(),
    path: 'requirements[3].anyOf',
    code: 'INVALID',
    message: /must offer at least two options/,
  },
  {
    name: 'an unknown rule type',
    change: (c) => (c.requirements[1].rule.type = 'most'),
    path: 'requirements[1].rule.type',
    code: 'INVALID',
    message: /./,
  },
  {
    name: 'a rule selecting nothing',
    change: (c) => (c.requirements[1].rule.from = {}),
    path: 'requirements[1].rule.from',
    code: 'INVALID',
    message: /must name at least one category or subject/,
  },
  {
    name: 'a code equal to another subject’s title',
    change: (c) => (c.subjects[4].code = 'EPIDEMIOLOGY'),
    path: 'subjects[8]',
    code: 'NAME_CLASH',
    message:
      /the name "epidemiology" also names subjects\[4\] \("Artificial Intelligence Concepts"\); identifiers, codes and titles must not clash/,
  },
  {
    name: 'two titles that differ only in case and "&"',
    change: (c) => (c.subjects[5].title = 'digital imaging and pacs'),
    path: 'subjects[7]',
    code: 'NAME_CLASH',
    message: /also names subjects\[5\]/,
  },
  {
    name: 'a requirement no plan can meet',
    change: (c) => (c.requirements[1].rule.min = 13),
    path: 'requirements[1]',
    code: 'UNMEETABLE',
    message:
      /"Core subjects" cannot be met by any plan, even one with every subject in the catalogue \(it would still need 1 more core subject\)/,
  },
  {
    name: 'requirements that compete for too few subjects',
    change: (c) => {
      c.requirements[1].rule.min = 10;
      c.requirements[3].anyOf[1].rule.from = { categories: ['core'] };
      c.requirements[3].anyOf[0].rule.from = { categories: ['core'] };
    },
    path: 'requirements[3]',
    code: 'UNMEETABLE',
    message: /cannot be met by any plan/,
  },
  {
    name: 'more credits required than the subjects carry',
    change: (c) => (c.creditsRequired = 1000),
    path: 'creditsRequired',
    code: 'UNMEETABLE',
    message: /is 1000, but all the subjects together carry only 121 credits/,
  },
  {
    name: 'a provenance entry pointing outside the catalogue',
    change: (c) => c.provenance.push({ path: '/tuition', confidence: 'low', source: 'a guess' }),
    path: `provenance[${realJson().provenance.length}].path`,
    code: 'PROVENANCE_PATH',
    message: /"\/tuition" does not point into this catalogue/,
  },
  {
    name: 'an unknown format version',
    change: (c) => (c.schemaVersion = 3),
    path: 'schemaVersion',
    code: 'INVALID',
    message: /must be 1 or 2/,
  },
  {
    name: 'a fellowship for no one',
    change: (c) => (c.fees.fellowship.eligibleResidencies = []),
    path: 'fees.fellowship.eligibleResidencies',
    code: 'INVALID',
    message: /names no residency/,
  },
  {
    name: 'the invented programme’s credit rule made unreachable',
    base: inventedJson,
    change: (c) => (c.requirements[2].rule.min = 16),
    path: 'requirements[2]',
    code: 'UNMEETABLE',
    message: /"Optional credits" cannot be met by any plan.*1 more credit of optional subjects/,
  },
];

describe('catalogue validation', () => {
  it.each(rows)('$name: reported at $path as $code', (row) => {
    const json = (row.base ?? realJson)();
    row.change(json);
    const result = parseCatalogue(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toEqual({ path: row.path, code: row.code, message: expect.stringMatching(row.message) });
  });

  it.each([
    ['an array', [], 'must be a JSON object, not an array'],
    ['null', null, 'must be a JSON object'],
    ['a string', 'catalogue', 'must be a JSON object'],
  ])('the whole file as %s is reported at the top level', (_name, json, message) => {
    const result = parseCatalogue(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toEqual({ path: '', code: 'INVALID', message: expect.stringContaining(message) });
  });

  it('the two catalogues under test are valid', () => {
    expect(parseCatalogue(realJson()).ok).toBe(true);
    expect(parseCatalogue(inventedJson()).ok).toBe(true);
  });
});
