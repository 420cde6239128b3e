import type * as V from 'valibot';
import { once, valibot } from '../valibot.js';
import { hasAtMostTwoDecimals } from '../hundredths.js';

// The catalogue file format. Structure is checked here; relations between parts
// (unknown categories, duplicate identifiers, ...) are checked in validate.ts.
function buildCatalogueSchema(version: 1 | 2) {
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
  // Version 2 takes exact decimals (0.25 credits, HK$4,650.50): at most two decimals, so every sum is
  // done in hundredths (whole cents) and never in binary fractions.
  const NonNegativeDecimal = v.pipe(
    v.number('must be a number'),
    v.finite('must be a number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(1_000_000_000, 'is implausibly large'),
    v.check(hasAtMostTwoDecimals, 'must have at most two decimals, such as 0.25'),
  );
  const PositiveDecimal = v.pipe(
    NonNegativeDecimal,
    v.check((n) => n > 0, 'must be more than 0'),
  );
  const Credits = version === 1 ? NonNegativeInteger : NonNegativeDecimal;
  const PositiveCredits = version === 1 ? PositiveInteger : PositiveDecimal;
  const Money = version === 1 ? NonNegativeInteger : NonNegativeDecimal;

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

  const RequirementV1 = v.pipe(
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

  // Version 2: a tree. A leaf counts subjects from a pool between bounds; allOf, anyOf and nOf combine
  // nodes to any depth (validate.ts caps the depth and the number of routes).
  const Bounds = v.pipe(
    v.strictObject({ subjects: v.optional(NonNegativeInteger), credits: v.optional(NonNegativeDecimal) }),
    v.check((b) => b.subjects !== undefined || b.credits !== undefined, 'must give "subjects", "credits" or both'),
  );
  const Node: V.GenericSchema<RequirementNodeData> = v.lazy(() =>
    v.union(
      [
        v.pipe(
          v.strictObject({
            id: Identifier,
            label: Text,
            from: Selector,
            all: v.optional(v.literal(true)),
            atLeast: v.optional(Bounds),
            atMost: v.optional(Bounds),
            shared: v.optional(v.boolean()),
          }),
          v.check((leaf) => leaf.all === true || leaf.atLeast !== undefined, 'must say "all": true or give "atLeast"'),
        ),
        v.strictObject({ id: Identifier, label: Text, allOf: v.pipe(v.array(Node), v.minLength(1, 'must hold at least one requirement')) }),
        v.strictObject({ id: Identifier, label: Text, anyOf: v.pipe(v.array(Node), v.minLength(2, 'must offer at least two options')) }),
        v.strictObject({
          id: Identifier,
          label: Text,
          nOf: PositiveInteger,
          of: v.pipe(v.array(Node), v.minLength(1, 'must hold at least one requirement')),
        }),
      ],
      'must be a requirement: a pool with "from" (and "all" or "atLeast"), or "allOf", "anyOf", or "nOf" with "of"',
    ),
  );
  const Requirement = version === 1 ? RequirementV1 : Node;
  // A version 2 part in a version 1 file.
  const OnlyInV2 = v.optional(v.never('needs "schemaVersion": 2'));
  const PerResidency = <T extends V.GenericSchema>(value: T) =>
    v.union([value, v.strictObject({ local: value, 'non-local': value })], 'must be an amount, or one for "local" and one for "non-local"');
  const Fees = v.strictObject({
    currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "HKD"')),
    perCredit: version === 1 ? NonNegativeInteger : PerResidency(Money),
    // Version 2: flat tuition for the programme's required credits; perCredit prices credits beyond them.
    programmeFee: version === 1 ? OnlyInV2 : v.optional(PerResidency(Money)),
    initialRegistrationCredits:
      version === 1
        ? v.strictObject({ local: NonNegativeInteger, 'non-local': NonNegativeInteger })
        : v.strictObject({
            local: v.union([NonNegativeDecimal, v.record(Identifier, NonNegativeDecimal)]),
            'non-local': v.union([NonNegativeDecimal, v.record(Identifier, NonNegativeDecimal)]),
          }),
    fellowship: v.optional(
      v.strictObject({
        name: Text,
        cap: Money,
        minimumStudentShare: Money,
        eligibleResidencies: v.array(v.picklist(['local', 'non-local'])),
        // How many are awarded for the intake, if published.
        awards: v.optional(PositiveInteger),
        // Conditions in words, without figures: the figures above make the rest of the summary.
        conditions: v.optional(Text),
        // Older catalogues' free-text summary: still accepted, no longer shown (it could contradict the figures).
        summary: v.optional(Text),
      }),
    ),
  });
  // Version 2: at most this much from a pool counts towards the degree, whatever requirement it counts for.
  const Limit = v.strictObject({ id: Identifier, label: Text, from: Selector, atMost: Bounds });
  // Version 2: a lesser award for a student who leaves with enough credits.
  const ExitAward = v.strictObject({
    id: Identifier,
    name: Text,
    credits: PositiveDecimal,
    requires: v.optional(v.array(Identifier)),
  });

  const Subject = v.strictObject({
    id: Identifier,
    code: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{2,16}$/, 'must be letters and digits, such as "SN5023"'))),
    title: Text,
    category: Identifier,
    credits: v.pipe(Credits, v.maxValue(1000, 'must be at most 1000')),
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
    v.check(hasAtMostTwoDecimals, 'must have at most two decimals, such as 4.3'),
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
    schemaVersion: v.literal(version),
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
    creditsRequired: PositiveCredits,
    categories: v.pipe(
      v.array(v.strictObject({ id: Identifier, label: Text, adjective: Text })),
      v.minLength(1, 'must list at least one category'),
    ),
    subjects: v.pipe(
      v.array(Subject),
      v.minLength(1, 'must list at least one subject'),
      v.maxLength(100_000, 'may list at most 100,000 subjects'),
    ),
    fees: Fees,
    requirements: v.pipe(
      v.array(Requirement),
      v.minLength(1, 'must list at least one requirement'),
      v.maxLength(64, 'may list at most 64 requirements'),
    ),
    limits: version === 1 ? OnlyInV2 : v.optional(v.pipe(v.array(Limit), v.maxLength(64, 'may list at most 64 limits'))),
    exitAwards: version === 1 ? OnlyInV2 : v.optional(v.pipe(v.array(ExitAward), v.maxLength(16, 'may list at most 16 awards'))),
    // Rules for a student's record of study (grades, GPA, credit transfer); absent: no GPA rules.
    record: v.optional(RecordRules),
    provenance: v.optional(v.array(Provenance)),
  });
}

const schemas = { 1: once(() => buildCatalogueSchema(1)), 2: once(() => buildCatalogueSchema(2)) };

/** The catalogue formats this version understands. */
export const SCHEMA_VERSIONS = [1, 2] as const;

/** The schema of one catalogue format version, built on first use. */
export function catalogueSchema(version: (typeof SCHEMA_VERSIONS)[number]) {
  return schemas[version]();
}

export interface SelectorData {
  categories?: string[] | undefined;
  subjects?: string[] | undefined;
}
export interface BoundsData {
  subjects?: number | undefined;
  credits?: number | undefined;
}
/** A version 2 pool: what a requirement counts, between bounds. */
export interface LeafData {
  id: string;
  label: string;
  from: SelectorData;
  all?: true | undefined;
  atLeast?: BoundsData | undefined;
  atMost?: BoundsData | undefined;
  shared?: boolean | undefined;
}
export type RequirementNodeData =
  | LeafData
  | { id: string; label: string; allOf: RequirementNodeData[] }
  | { id: string; label: string; anyOf: RequirementNodeData[] }
  | { id: string; label: string; nOf: number; of: RequirementNodeData[] };

export type CatalogueData = V.InferOutput<ReturnType<typeof buildCatalogueSchema>>;
export type SubjectData = CatalogueData['subjects'][number];
/** A requirement as a file gives it: version 1's rule or options, or a version 2 node. */
export type RequirementData = CatalogueData['requirements'][number];
export type RequirementV1Data = Extract<RequirementData, { rule?: unknown }>;
export type RuleData = NonNullable<RequirementV1Data['rule']>;
/** The fees as a file gives them; commands use the catalogue's normalised `fees` (model.ts). */
export type FeeData = CatalogueData['fees'];
export type FellowshipRules = NonNullable<FeeData['fellowship']>;
export type LimitData = NonNullable<CatalogueData['limits']>[number];
export type ExitAwardData = NonNullable<CatalogueData['exitAwards']>[number];
export type TermKind = NonNullable<CatalogueData['terms']>[number];
export type ModeData = CatalogueData['modes'][number];
export type RecordRules = NonNullable<CatalogueData['record']>;
/** A mode's normal load for one kind of term: subjects, credits, or both. */
export type LoadGuidance = NonNullable<ModeData['load']>[string];
export type Residency = 'local' | 'non-local';
export const RESIDENCIES: readonly Residency[] = ['local', 'non-local'];
