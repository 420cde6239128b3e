import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { parsePlan } from '../../src/domain/plan/parse.js';
import { expectSoundCounting } from './assertions.js';
import { invented, inventedJson, plan, real } from './catalogues.js';

// The same engine, another programme: 2 foundation subjects (one of 1 credit and no tuition),
// at least 3 methods subjects, at least 8 credits of optional subjects (2, 3 and 4 credits each),
// and a capstone, or a placement with its seminar, or 2 more methods or optional subjects.
const F = ['data-stewardship-principles', 'academic-integrity'];
const M = ['survey-methods', 'causal-inference', 'qualitative-research'];

interface Row {
  name: string;
  subjects: string[];
  valid: boolean;
  codes: string[];
  finale: 'capstone' | 'placement' | 'broad';
  counted?: Record<string, string[]>;
  missing?: Record<string, string>;
  credits: number;
}

const rows: Row[] = [
  {
    name: 'capstone route',
    subjects: [...F, ...M, 'data-curation-lab', 'digital-preservation', 'capstone-project'],
    valid: true,
    codes: [],
    finale: 'capstone',
    credits: 27,
    counted: { options: ['data-curation-lab', 'digital-preservation'], finale: ['capstone-project'] },
  },
  {
    name: 'placement route: both subjects of the option',
    subjects: [...F, ...M, 'archival-science', 'open-data-law', 'data-curation-lab', 'industry-placement', 'placement-seminar'],
    valid: true,
    codes: [],
    finale: 'placement',
    credits: 27,
    counted: { options: ['archival-science', 'open-data-law', 'data-curation-lab'], finale: ['industry-placement', 'placement-seminar'] },
  },
  {
    // The optional subjects must go where credits matter: the two 4-credit ones to the credit
    // rule, the two 2-credit ones to "2 more subjects", whatever order they are listed in.
    name: 'broad route: the small subjects are spent on the count, the large ones on the credits',
    subjects: [...F, ...M, 'data-curation-lab', 'digital-preservation', 'archival-science', 'open-data-law'],
    valid: false,
    codes: ['CREDITS_SHORT'],
    finale: 'broad',
    credits: 25,
    counted: { options: ['data-curation-lab', 'digital-preservation'], finale: ['archival-science', 'open-data-law'] },
  },
  {
    name: 'broad route with a fourth methods subject and enough credits',
    subjects: [...F, 'record-linkage', ...M, 'data-curation-lab', 'metadata-design', 'archival-science', 'digital-preservation'],
    valid: true,
    codes: [],
    finale: 'broad',
    credits: 29,
    // Methods by identifier, whatever the order listed; the credit rule counts the fewest credits
    // that reach its 8 (4 + 4), leaving Metadata Design extra.
    counted: {
      methods: ['record-linkage', 'causal-inference', 'qualitative-research'],
      options: ['data-curation-lab', 'digital-preservation'],
      finale: ['survey-methods', 'archival-science'],
    },
  },
  {
    name: 'the tuition-free subject is still compulsory',
    subjects: [F[0]!, ...M, 'data-curation-lab', 'digital-preservation', 'capstone-project'],
    valid: false,
    codes: ['REQUIREMENT_UNMET'],
    finale: 'capstone',
    credits: 26,
    missing: { foundation: 'Academic Integrity' },
  },
  {
    name: 'only 2 methods subjects',
    subjects: [...F, M[0]!, M[1]!, 'data-curation-lab', 'digital-preservation', 'capstone-project'],
    valid: false,
    codes: ['REQUIREMENT_UNMET'],
    finale: 'capstone',
    credits: 24,
    missing: { methods: '1 more methods subject' },
  },
  {
    name: 'three optional subjects, one credit short',
    subjects: [...F, ...M, 'archival-science', 'open-data-law', 'metadata-design', 'capstone-project'],
    valid: false,
    codes: ['REQUIREMENT_UNMET'],
    finale: 'capstone',
    credits: 26,
    missing: { options: '1 more credit of optional subjects' },
  },
  {
    name: 'an empty plan',
    subjects: [],
    valid: false,
    codes: ['REQUIREMENT_UNMET', 'REQUIREMENT_UNMET', 'REQUIREMENT_UNMET', 'REQUIREMENT_UNMET'],
    finale: 'capstone',
    credits: 0,
    missing: {
      foundation: 'Data Stewardship Principles and Academic Integrity',
      methods: '3 more methods subjects',
      options: '8 more credits of optional subjects',
      finale: 'the Capstone Project, or Industry Placement and Placement Seminar, or 2 more methods or optional subjects',
    },
  },
];

describe('an invented programme, judged by the same engine', () => {
  it('loads with parseCatalogue', () => {
    const result = parseCatalogue(inventedJson());
    expect(result.ok).toBe(true);
    expect(invented.subjectById.get('academic-integrity')).toMatchObject({ credits: 1, tuitionFree: true });
    expect(invented.requirements.map((r) => [r.id, r.options.map((o) => o.rule.type)])).toEqual([
      ['foundation', ['all']],
      ['methods', ['subjects']],
      ['options', ['credits']],
      ['finale', ['all', 'all', 'subjects']],
    ]);
  });

  it.each(rows)('$name', (row) => {
    const j = judgePlan(invented, plan(row.subjects, { residency: 'non-local', mode: 'evening' }));
    expect(j.errors.map((e) => e.code)).toEqual(row.codes);
    expect(j.valid).toBe(row.valid);
    expect(j.credits).toEqual({ planned: row.credits, required: 27 });
    expect(j.requirements.find((r) => r.id === 'finale')!.option?.id).toBe(row.finale);
    for (const [id, counted] of Object.entries(row.counted ?? {})) {
      expect(
        j.requirements.find((r) => r.id === id)!.counted.map((s) => s.id),
        id,
      ).toEqual(counted);
    }
    for (const [id, missing] of Object.entries(row.missing ?? {})) {
      expect(j.requirements.find((r) => r.id === id)!.missing, id).toBe(missing);
    }
    expectSoundCounting(invented, j.requirements);
  });

  it('a placement without its seminar names what each alternative still needs', () => {
    const j = judgePlan(
      invented,
      plan([...F, ...M, 'archival-science', 'open-data-law', 'data-curation-lab', 'industry-placement'], { residency: 'non-local' }),
    );
    const finale = j.requirements.find((r) => r.id === 'finale')!;
    expect(finale.option?.id).toBe('placement');
    expect(finale.missing).toMatch(/^the Capstone Project, or Placement Seminar, or /);
  });

  // Known bug (reported): the "2 more subjects" alternative would take two optional subjects the
  // credit rule needs, so in isolation it looks met and the wording says "0 more". Drop `.fails`
  // once the engine words that alternative from what the other requirements leave free.
  it('never asks for "0 more" of anything', () => {
    const j = judgePlan(
      invented,
      plan([...F, ...M, 'archival-science', 'open-data-law', 'data-curation-lab', 'industry-placement'], { residency: 'non-local' }),
    );
    expect(j.requirements.find((r) => r.id === 'finale')!.missing).not.toMatch(/\b0 more\b/);
  });

  it('fees from the invented figures: EUR 400 a credit, no tuition for Academic Integrity, a bursary for non-local students', () => {
    const subjects = [...F, ...M, 'data-curation-lab', 'digital-preservation', 'capstone-project'];
    expect(judgePlan(invented, plan(subjects, { residency: 'non-local' })).fees).toEqual({
      currency: 'EUR',
      credits: 27,
      chargedCredits: 26,
      perCredit: 400,
      tuition: 26 * 400,
      initialPayment: 10 * 400,
      fellowship: 0,
      payable: 26 * 400,
    });
    // Bursary: min(3,000, 10,400 - 5,000) = 3,000.
    expect(judgePlan(invented, plan(subjects, { residency: 'non-local', fellowship: true })).fees).toMatchObject({
      fellowship: 3000,
      payable: 7400,
    });
    expect(judgePlan(invented, plan(subjects, { residency: 'local' })).fees).toMatchObject({ tuition: 10_400, initialPayment: 5 * 400 });
  });

  it('the bursary is for non-local students only, as the catalogue says', () => {
    const subjects = [...F, ...M, 'data-curation-lab', 'digital-preservation', 'capstone-project'];
    const local = judgePlan(invented, plan(subjects, { residency: 'local', fellowship: true }));
    expect(local.errors.map((e) => e.code)).toEqual(['FELLOWSHIP_NOT_ELIGIBLE']);
    expect(local.errors[0]!.message).toContain('non-local students only');
    expect(local.fees.fellowship).toBe(0);
    expect(judgePlan(invented, plan(subjects, { residency: 'non-local', fellowship: true })).errors).toEqual([]);
  });

  it('an extra subject is priced in the catalogue’s currency', () => {
    const j = judgePlan(
      invented,
      plan([...F, ...M, 'data-curation-lab', 'digital-preservation', 'capstone-project', 'metadata-design'], { residency: 'non-local' }),
    );
    expect(j.valid).toBe(true);
    expect(j.warnings).toEqual([
      {
        code: 'EXTRA_CREDITS',
        message:
          'the plan has 30 credits, 3 more than the 27 required (Metadata Design); they add EUR 1,200 to the tuition and no fellowship covers them.',
      },
    ]);
  });

  it('the plan file follows the catalogue: its modes, its identifier', () => {
    expect(parsePlan(invented, { residency: 'local', subjects: [] })).toMatchObject({ ok: true, plan: { mode: 'evening' } });
    const wrongMode = parsePlan(invented, { residency: 'local', mode: 'full-time', subjects: [] });
    expect(wrongMode.ok).toBe(false);
    const mismatch = judgePlan(invented, plan(F, { catalogue: real.id }));
    expect(mismatch.errors[0]).toMatchObject({ code: 'CATALOGUE_MISMATCH' });
    expect(mismatch.errors[0]!.message).toContain(`"${real.id}"`);
  });

  it('names resolve the same way: code, title, any case, "and" for "&"', () => {
    const j = judgePlan(invented, plan(['ds100', 'ACADEMIC INTEGRITY', 'open data and law', 'Capstone-Project']));
    expect(j.subjects.map((s) => s.id)).toEqual(['data-stewardship-principles', 'academic-integrity', 'open-data-law', 'capstone-project']);
  });
});

describe('no programme rule lives in TypeScript', () => {
  const src = fileURLToPath(new URL('../../src/', import.meta.url));
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  // Comments may quote a figure as an example; code may not use one.
  const code = (file: string) => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it('no fee figure of the real programme appears in the source', () => {
    for (const file of files(src)) expect(code(file), file).not.toMatch(/\b(5[_,]?750|42[_,]?100|120[_,]?000|172[_,]?500)\b/);
  });

  it('no category or subject of the real programme is a string literal in the domain', () => {
    const names = [
      ...real.data.categories.map((c) => c.id),
      ...real.subjects.map((s) => s.id),
      ...real.subjects.flatMap((s) => (s.code ? [s.code] : [])),
    ];
    // A whole literal such as 'dissertation' (messages may quote an example inside double quotes).
    const literal = new RegExp(`(['\`])(${names.join('|')})\\1`, 'i');
    for (const file of files(path.join(src, 'domain'))) expect(code(file), file).not.toMatch(literal);
  });
});
