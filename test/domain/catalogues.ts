import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import type { PlanFile } from '../../src/domain/plan/schema.js';

export function readJson(relativeToRoot: string): unknown {
  return JSON.parse(fs.readFileSync(fileURLToPath(new URL(`../../${relativeToRoot}`, import.meta.url)), 'utf8'));
}

export function catalogueFrom(json: unknown): Catalogue {
  const result = parseCatalogue(json);
  if (!result.ok) throw new Error(`catalogue rejected: ${JSON.stringify(result.issues)}`);
  return result.catalogue;
}

export const REAL_PATH = 'data/polyu-msc-health-informatics-2024.json';
export const INVENTED_PATH = 'test/fixtures/invented-programme.json';

/** A fresh copy each call, so a test may change it freely. */
export const realJson = () => readJson(REAL_PATH) as Record<string, any>;
export const inventedJson = () => readJson(INVENTED_PATH) as Record<string, any>;

export const real = catalogueFrom(realJson());
export const invented = catalogueFrom(inventedJson());

export function subjectsOf(catalogue: Catalogue, ids: readonly string[]) {
  return ids.map((id) => {
    const subject = catalogue.subjectById.get(id);
    if (!subject) throw new Error(`no subject ${id} in the test catalogue`);
    return subject;
  });
}

/** A plan file as parsed, with the defaults a plan file gets. */
export function plan(subjects: string[], fields: Partial<PlanFile> = {}): PlanFile {
  return { residency: 'local', mode: 'full-time', fellowship: false, subjects, ...fields };
}

// The real programme's subjects, by identifier, for readable tables.
export const COMPULSORY = [
  'electronic-patient-records',
  'information-technology-in-healthcare',
  'professional-development-in-health-informatics',
  'academic-integrity-and-ethics',
];
export const CORE = [
  'epidemiology',
  'project-management',
  'business-analytics',
  'artificial-intelligence-concepts',
  'machine-learning-and-data-analytics',
  'digital-imaging-and-pacs',
];
export const ELECTIVE = [
  'big-data-computing',
  'health-care-ethics',
  'bioinformatics-in-health-sciences',
  'virtual-reality-in-healthcare',
  'medical-imaging-physics',
];
export const DISSERTATION = 'dissertation';

/**
 * A small version 2 catalogue file: one full-time mode, categories foundation, elective and project,
 * the subjects given as [identifier, category, credits], fees of AUD 100 a credit; `fields`
 * add or replace the rest (requirements, limits, exit awards, ...).
 */
export function smallV2Json(subjects: readonly [string, string, number][], fields: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: 'small-v2',
    programme: { name: 'Master of Testing', institution: 'Test University', intake: '2025-09' },
    modes: [{ id: 'full-time', label: 'Full-time', normalDurationYears: 1 }],
    creditsRequired: 24,
    categories: [
      { id: 'foundation', label: 'Foundation', adjective: 'foundation' },
      { id: 'elective', label: 'Electives', adjective: 'elective' },
      { id: 'project', label: 'Project', adjective: 'project' },
    ],
    subjects: subjects.map(([id, category, credits]) => ({ id, title: `Subject ${id}`, category, credits })),
    fees: { currency: 'AUD', perCredit: 100, initialRegistrationCredits: { local: 0, 'non-local': 0 } },
    ...fields,
  };
}
