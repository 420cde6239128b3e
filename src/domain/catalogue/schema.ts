import type * as V from 'valibot';
import { once, valibot } from '../valibot.js';

// The catalogue file format. Structure is checked here; relations between parts
// (unknown categories, duplicate identifiers, ...) are checked in validate.ts.
function buildCatalogueSchema() {
  const v = valibot();
  const Identifier = v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, such as "big-data-computing"'),
    v.maxLength(100, 'must be at most 100 characters'),
  );
  const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(500, 'must be at most 500 characters'));
  const NonNegativeInteger = v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(1_000_000_000, 'is implausibly large'),
  );
  const PositiveInteger = v.pipe(NonNegativeInteger, v.minValue(1, 'must be at least 1'));

  const Selector = v.pipe(
    v.strictObject({
      categories: v.optional(v.array(Identifier)),
      subjects: v.optional(v.array(Identifier)),
    }),
    v.check((s) => (s.categories?.length ?? 0) + (s.subjects?.length ?? 0) > 0, 'must name at least one category or subject'),
  );

  const Rule = v.variant('type', [
    // every subject the selector names must be taken
    v.strictObject({ type: v.literal('all'), from: Selector }),
    // at least `min` subjects from the selector
    v.strictObject({ type: v.literal('subjects'), min: PositiveInteger, from: Selector }),
    // at least `min` credits from the selector
    v.strictObject({ type: v.literal('credits'), min: PositiveInteger, from: Selector }),
  ]);

  const Option = v.strictObject({ id: Identifier, label: Text, rule: Rule });

  const Requirement = v.pipe(
    v.strictObject({
      id: Identifier,
      label: Text,
      rule: v.optional(Rule),
      anyOf: v.optional(
        v.pipe(v.array(Option), v.minLength(2, 'must offer at least two options'), v.maxLength(16, 'may offer at most 16 options')),
      ),
    }),
    v.check((r) => (r.rule === undefined) !== (r.anyOf === undefined), 'must have either "rule" or "anyOf", not both or neither'),
  );

  const Subject = v.strictObject({
    id: Identifier,
    code: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{2,16}$/, 'must be letters and digits, such as "SN5023"'))),
    title: Text,
    category: Identifier,
    credits: v.pipe(NonNegativeInteger, v.maxValue(1000, 'must be at most 1000')),
    // A credit-bearing subject may carry no tuition (an integrity module, say).
    tuitionFree: v.optional(v.boolean()),
    // Term kinds (ids from "terms") the subject is offered in; absent means every term.
    offeredIn: v.optional(v.array(Identifier)),
    // Best taken at the end of the studies (a dissertation).
    scheduleLate: v.optional(v.boolean()),
  });

  // Grade points are kept in hundredths, so every GPA sum stays a whole number.
  const GradePoints = v.pipe(
    v.number('must be a number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(100, 'is implausibly large'),
    v.check((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'must have at most two decimals, such as 4.3'),
  );
  const RecordRules = v.strictObject({
    // The grade scale; `points: null` is a pass without a grade point (P), `fails` a failing grade (F).
    grades: v.pipe(
      v.array(
        v.strictObject({
          grade: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z+-]{0,3}$/, 'must be a grade such as "B+"')),
          points: v.nullable(GradePoints),
          fails: v.optional(v.boolean()),
        }),
      ),
      v.minLength(1, 'must list at least one grade'),
    ),
    // A GPA below `below` is a warning saying `consequence`.
    lowGpa: v.optional(v.strictObject({ below: GradePoints, consequence: Text })),
    // At most this per cent of the credits required may be transferred from earlier study.
    transferLimitPercent: v.optional(v.pipe(NonNegativeInteger, v.maxValue(100, 'must be at most 100'))),
  });

  const Provenance = v.strictObject({
    path: v.pipe(v.string(), v.startsWith('/', 'must be a path such as "/fees/perCredit"')),
    confidence: v.picklist(['high', 'medium', 'low']),
    source: Text,
    // When the entry was last checked against its source.
    checked: v.optional(
      v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a date such as "2026-12-01"')),
    ),
  });

  return v.strictObject({
    $schema: v.optional(v.string()),
    schemaVersion: v.literal(1, 'must be 1 (the only catalogue format this version understands)'),
    id: Identifier,
    programme: v.strictObject({
      name: Text,
      institution: Text,
      faculty: v.optional(Text),
      intake: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a year and month such as "2024-09"')),
      intakeLabel: v.optional(Text),
      contacts: v.optional(v.array(Text)),
    }),
    modes: v.pipe(
      v.array(
        v.strictObject({
          id: Identifier,
          label: Text,
          normalDurationYears: v.pipe(v.number(), v.minValue(0.5), v.maxValue(10)),
          // Normal load a term, by term kind, in subjects (as PolyU gives it: the 9-credit Dissertation
          // is one subject), in credits, or both; validate.ts wants at least one whole min/max pair. A
          // kind left out has no guidance (see proposeSchedule for what such a term is given).
          // Without a prototype, so looking up a term called "constructor" finds no guidance.
          load: v.optional(
            v.pipe(
              v.record(
                Identifier,
                v.strictObject({
                  minSubjects: v.optional(NonNegativeInteger),
                  maxSubjects: v.optional(PositiveInteger),
                  minCredits: v.optional(NonNegativeInteger),
                  maxCredits: v.optional(PositiveInteger),
                }),
              ),
              v.transform((load) => Object.assign(Object.create(null) as typeof load, load)),
            ),
          ),
        }),
      ),
      v.minLength(1, 'must list at least one study mode'),
    ),
    // The terms of an academic year, in order from the one the year starts with.
    terms: v.optional(
      v.pipe(
        v.array(
          v.strictObject({
            id: Identifier,
            label: Text,
            startMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
            endMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
            billed: v.optional(Text),
            // Credits' fee billed before a later term of this kind starts, the rest after add/drop
            // (PolyU: 3, except the Summer Term); absent: billed once, after add/drop.
            instalmentCredits: v.optional(PositiveInteger),
            // Days after the term starts (taken as the 1st of startMonth) that a bill issued after
            // add/drop, or a new student's first-semester debit note, falls due: an estimate that
            // dates the calendar of `fees --by-term --format ics|csv`; absent: those bills have no date.
            addDropDueDays: v.optional(v.pipe(NonNegativeInteger, v.maxValue(366, 'must be at most 366 days'))),
          }),
        ),
        v.minLength(1, 'must list at least one term'),
        v.maxLength(12, 'may list at most 12 terms a year'),
      ),
    ),
    creditsRequired: PositiveInteger,
    categories: v.pipe(
      v.array(v.strictObject({ id: Identifier, label: Text, adjective: Text })),
      v.minLength(1, 'must list at least one category'),
    ),
    subjects: v.pipe(
      v.array(Subject),
      v.minLength(1, 'must list at least one subject'),
      v.maxLength(100_000, 'may list at most 100,000 subjects'),
    ),
    fees: v.strictObject({
      currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "HKD"')),
      perCredit: NonNegativeInteger,
      initialRegistrationCredits: v.strictObject({ local: NonNegativeInteger, 'non-local': NonNegativeInteger }),
      fellowship: v.optional(
        v.strictObject({
          name: Text,
          cap: NonNegativeInteger,
          minimumStudentShare: NonNegativeInteger,
          eligibleResidencies: v.array(v.picklist(['local', 'non-local'])),
          // How many are awarded for the intake, if published.
          awards: v.optional(PositiveInteger),
          // Conditions in words, without figures: the figures above make the rest of the summary.
          conditions: v.optional(Text),
          // Older catalogues' free-text summary: still accepted, no longer shown (it could contradict the figures).
          summary: v.optional(Text),
        }),
      ),
    }),
    requirements: v.pipe(
      v.array(Requirement),
      v.minLength(1, 'must list at least one requirement'),
      v.maxLength(64, 'may list at most 64 requirements'),
    ),
    // Rules for a student's record of study (grades, GPA, credit transfer); absent: no GPA rules.
    record: v.optional(RecordRules),
    provenance: v.optional(v.array(Provenance)),
  });
}

/** The catalogue schema, built on first use. */
export const catalogueSchema = once(buildCatalogueSchema);

export type CatalogueData = V.InferOutput<ReturnType<typeof buildCatalogueSchema>>;
export type SubjectData = CatalogueData['subjects'][number];
export type RequirementData = CatalogueData['requirements'][number];
export type RuleData = NonNullable<RequirementData['rule']>;
export type SelectorData = RuleData['from'];
export type FeeRules = CatalogueData['fees'];
export type TermKind = NonNullable<CatalogueData['terms']>[number];
export type ModeData = CatalogueData['modes'][number];
export type RecordRules = NonNullable<CatalogueData['record']>;
/** A mode's normal load for one kind of term: subjects, credits, or both. */
export type LoadGuidance = NonNullable<ModeData['load']>[string];
export type Residency = keyof FeeRules['initialRegistrationCredits'];
export const RESIDENCIES: readonly Residency[] = ['local', 'non-local'];
