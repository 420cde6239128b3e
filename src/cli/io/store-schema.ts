import path from 'node:path';
import type * as V from 'valibot';
import { RESIDENCIES } from '../../domain/catalogue/schema.js';
import { issuesFromValibot } from '../../domain/issue.js';
import { once, valibot } from '../../domain/valibot.js';
import { safeLine } from '../render/sanitize.js';
import { upgradeStore, type DraftV1, type StoreDataV1 } from './store-migrate.js';
import { STORE_VERSION, type Defaults, type Draft, type FlagNamedAnswers, type SavedPlan, type StoreData } from './store-types.js';

export { STORE_VERSION, type StoreData };

export const MAX_PLAN_NAME_LENGTH = 80;

/** Why a store cannot hold a plan under this name, or undefined when it can (the rule stores were written by). */
function storedNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name !== name.trim()) return 'starts or ends with a space';
  if ([...name].length > MAX_PLAN_NAME_LENGTH) return `is longer than ${MAX_PLAN_NAME_LENGTH} characters`;
  // Control and invisible characters would let a name hide or rewrite text on a terminal.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name)) return 'contains control or invisible characters';
  return undefined;
}

/**
 * Draws nothing on its own: spaces of every kind, what the sanitiser escapes as hidden (format
 * characters, the Hangul fillers), combining marks with nothing to combine with, and the blank
 * Braille pattern, a well-known way to write a name that looks empty.
 */
function isBlank(char: string): boolean {
  return /^[\s\p{Z}\p{M}\u2800]$/u.test(char) || safeLine(char) !== char;
}

/** Why a name cannot name a saved plan, or undefined when it can. */
export function planNameProblem(name: string): string | undefined {
  const problem = storedNameProblem(name);
  if (problem !== undefined) return problem;
  // A name that shows as nothing cannot be told apart, or typed again (U+3164 alone, say).
  if ([...name].every(isBlank)) return 'has no visible character';
  return undefined;
}

// Built on first use: a run that finds no store never loads valibot.
function buildStoreSchema() {
  const v = valibot();
  const Timestamp = v.pipe(v.string('must be a time (a string)'), v.isoTimestamp('must be a time such as "2024-09-01T12:00:00.000Z"'));
  const Residency = v.picklist(RESIDENCIES, `must be one of ${RESIDENCIES.map((r) => `"${r}"`).join(', ')}`);
  const Names = v.array(v.string('must be a subject name (a string)'), 'must be a list of subject names');
  const PlanName = v.pipe(
    v.string('must be a plan name (a string)'),
    v.check(
      (name) => storedNameProblem(name) === undefined,
      `must be a plan name: 1 to ${MAX_PLAN_NAME_LENGTH} characters, no control characters, no spaces at either end`,
    ),
  );

  // A saved plan is checked here only as far as the store itself relies on; its subjects, mode and
  // any fields added to the plan file later are judged against the loaded catalogue when it is used,
  // exactly as `check` judges a plan file. Loose, so a newer plan field never makes the store "broken".
  const SavedPlanShape = v.strictObject({
    name: PlanName,
    plan: v.looseObject({
      catalogue: v.optional(v.string('must be a catalogue identifier (a string)')),
      residency: Residency,
      mode: v.optional(v.string('must be a study mode (a string)')),
      fellowship: v.optional(v.boolean('must be true or false')),
      subjects: Names,
    }),
    updatedAt: Timestamp,
  });

  const Mode = v.string('must be a study mode (a string)');
  const Schedule = v.array(v.looseObject({ term: v.string('must be a term (a string)'), subjects: Names }), 'must be a list of terms');
  const Picks = v.record(v.string(), Names, 'must map step keys to lists of subjects');
  const Routes = v.record(v.string(), v.string('must be an option identifier (a string)'), 'must map requirements to options');
  const FlagNamed = {
    core: v.optional(Names),
    elective: v.optional(Names),
    route: v.optional(v.string('must be a route (a string)')),
    extra: v.optional(Names),
  };

  // Loose, as the plans are: a field a later version adds to the answers never makes the store "broken".
  const AnswersShape = v.looseObject({
    residency: v.optional(Residency),
    mode: v.optional(Mode),
    picks: Picks,
    routes: Routes,
    schedule: v.optional(Schedule),
    fellowship: v.optional(v.boolean('must be true or false')),
    name: v.optional(v.string('must be a plan name (a string)')),
    record: v.optional(
      v.looseObject({
        grades: v.optional(v.record(v.string(), v.string('must be a grade (a string)'), 'must map subjects to grades')),
        transferred: v.optional(Names),
        exempted: v.optional(Names),
      }),
    ),
  });
  const ByFlagShape = v.strictObject(FlagNamed);
  const DraftShape = v.looseObject({
    catalogue: v.string('must be a catalogue identifier (a string)'),
    answers: AnswersShape,
    byFlag: v.optional(ByFlagShape),
    editing: v.optional(SavedPlanShape),
    updatedAt: Timestamp,
  });

  // Kept to read version-1 stores, which store-migrate.ts then brings up to date.
  const DraftShapeV1 = v.looseObject({
    catalogue: v.string('must be a catalogue identifier (a string)'),
    residency: v.optional(Residency),
    mode: v.optional(Mode),
    ...FlagNamed,
    fellowship: v.optional(v.boolean('must be true or false')),
    name: v.optional(v.string('must be a plan name (a string)')),
    picks: v.optional(Picks),
    routes: v.optional(Routes),
    schedule: v.optional(Schedule),
    updatedAt: Timestamp,
  });

  const storeShape = <const N extends number, D extends V.GenericSchema>(version: N, draft: D) =>
    v.strictObject({
      version: v.literal(version, `must be ${version}`),
      defaults: v.strictObject({
        residency: v.optional(Residency),
        mode: v.optional(v.pipe(Mode, v.minLength(1, 'must not be empty'))),
        catalogue: v.optional(
          v.pipe(
            v.string('must be a file path (a string)'),
            v.check((p) => path.isAbsolute(p), 'must be an absolute file path'),
          ),
        ),
      }),
      plans: v.pipe(
        v.array(SavedPlanShape, 'must be a list of saved plans'),
        v.check((plans) => new Set(plans.map((p) => p.name)).size === plans.length, 'must not hold two plans with the same name'),
      ),
      draft: v.optional(draft),
    });
  return {
    StoreShape: storeShape(STORE_VERSION, DraftShape),
    StoreShapeV1: storeShape(1, DraftShapeV1),
    DraftShape,
    AnswersShape,
    ByFlagShape,
    DraftShapeV1,
  };
}

const storeSchema = once(buildStoreSchema);

// The schemas and the interfaces the code works with must describe the same thing.
type Schemas = ReturnType<typeof buildStoreSchema>;
type Shape = V.InferOutput<Schemas['StoreShape']>;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// Loose schemas take fields they do not name, so compare the fields they do name.
type SameNamed<Entries, T> = SameKeys<Pick<T, keyof Entries & keyof T>, T> & SameKeys<Pick<Entries, keyof Entries & keyof T>, Entries>;
const shapeMatchesStoreData: SameKeys<Shape, StoreData> &
  SameKeys<Shape['defaults'], Defaults> &
  SameKeys<Shape['plans'][number], SavedPlan> &
  SameNamed<Schemas['DraftShape']['entries'], Draft> &
  SameNamed<Schemas['AnswersShape']['entries'], Draft['answers']> &
  SameKeys<Schemas['ByFlagShape']['entries'], FlagNamedAnswers> &
  SameNamed<Schemas['DraftShapeV1']['entries'], DraftV1> &
  SameKeys<V.InferOutput<Schemas['StoreShapeV1']>, StoreDataV1> = true;
void shapeMatchesStoreData;

export type Decoded =
  | { ok: true; data: StoreData }
  /** `broken`: not JSON, or not a store; `newer`: a store this version cannot read. */
  | { ok: false; kind: 'broken' | 'newer'; detail: string };

/** Validates parsed JSON as a store, and brings one of an older version up to date. */
export function decodeStore(json: unknown): Decoded {
  if (typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'number' && json.version > STORE_VERSION) {
    return { ok: false, kind: 'newer', detail: `was written by a newer version of study-planner (store version ${json.version})` };
  }
  // Valibot takes an array for an object with missing keys; say what it really is.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      kind: 'broken',
      detail: `is not a valid store: at the top level: must be a JSON object, not ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}`,
    };
  }
  // A version-1 store is read by its own schema, so its problems are named as before, then brought up to date.
  const { StoreShape, StoreShapeV1 } = storeSchema();
  const shape = 'version' in json && json.version === 1 ? StoreShapeV1 : StoreShape;
  const parsed = valibot().safeParse(shape, json);
  if (parsed.success) return { ok: true, data: upgradeStore(parsed.output as unknown as StoreDataV1 | StoreData) };
  const [first, ...rest] = issuesFromValibot(parsed.issues);
  const where = first!.path === '' ? 'the top level' : first!.path;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return { ok: false, kind: 'broken', detail: `is not a valid store: at ${where}: ${first!.message}${more}` };
}

/** True when `data` may be written: the store never writes what it would refuse to read. */
export function isValidStore(data: StoreData): boolean {
  return valibot().is(storeSchema().StoreShape, data);
}
