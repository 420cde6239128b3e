import path from 'node:path';
import type * as V from 'valibot';
import { RESIDENCIES } from '../../domain/catalogue/schema.js';
import { issuesFromValibot } from '../../domain/issue.js';
import { once, valibot } from '../../domain/valibot.js';
import { safeLine } from '../render/sanitize.js';
import type { Defaults, Draft, SavedPlan } from './store-types.js';

/** Bumped when the store's shape changes in a way an older program could not read. */
export const STORE_VERSION = 1;

/** Everything the store file holds. */
export interface StoreData {
  version: typeof STORE_VERSION;
  defaults: Defaults;
  plans: SavedPlan[];
  draft?: Draft;
}

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
    v.check((name) => storedNameProblem(name) === undefined, `must be a plan name: 1 to ${MAX_PLAN_NAME_LENGTH} characters, no control characters, no spaces at either end`),
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

  const DraftShape = v.looseObject({
    catalogue: v.string('must be a catalogue identifier (a string)'),
    residency: v.optional(Residency),
    mode: v.optional(v.string('must be a study mode (a string)')),
    core: v.optional(Names),
    elective: v.optional(Names),
    route: v.optional(v.string('must be a route (a string)')),
    extra: v.optional(Names),
    fellowship: v.optional(v.boolean('must be true or false')),
    name: v.optional(v.string('must be a plan name (a string)')),
    picks: v.optional(v.record(v.string(), Names, 'must map step keys to lists of subjects')),
    routes: v.optional(v.record(v.string(), v.string('must be an option identifier (a string)'), 'must map requirements to options')),
    schedule: v.optional(v.array(v.looseObject({ term: v.string('must be a term (a string)'), subjects: Names }), 'must be a list of terms')),
    updatedAt: Timestamp,
  });

  const StoreShape = v.strictObject({
    version: v.literal(STORE_VERSION, `must be ${STORE_VERSION}`),
    defaults: v.strictObject({
      residency: v.optional(Residency),
      mode: v.optional(v.pipe(v.string('must be a study mode (a string)'), v.minLength(1, 'must not be empty'))),
      catalogue: v.optional(v.pipe(v.string('must be a file path (a string)'), v.check((p) => path.isAbsolute(p), 'must be an absolute file path'))),
    }),
    plans: v.pipe(
      v.array(SavedPlanShape, 'must be a list of saved plans'),
      v.check((plans) => new Set(plans.map((p) => p.name)).size === plans.length, 'must not hold two plans with the same name'),
    ),
    draft: v.optional(DraftShape),
  });
  return { StoreShape, DraftShape };
}

const storeSchema = once(buildStoreSchema);

// The schema and the interfaces the commands code against must describe the same thing.
type Schemas = ReturnType<typeof buildStoreSchema>;
type Shape = V.InferOutput<Schemas['StoreShape']>;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// The draft's schema is loose (an older program keeps a newer draft's fields), so check its named fields.
type DraftEntries = Schemas['DraftShape']['entries'];
type DraftFields = keyof DraftEntries;
const shapeMatchesStoreData: SameKeys<Shape, StoreData> &
  SameKeys<Shape['defaults'], Defaults> &
  SameKeys<Shape['plans'][number], SavedPlan> &
  SameKeys<Pick<Draft, DraftFields & keyof Draft>, Draft> &
  SameKeys<Pick<DraftEntries, DraftFields & keyof Draft>, DraftEntries> = true;
void shapeMatchesStoreData;

export type Decoded =
  | { ok: true; data: StoreData }
  /** `broken`: not JSON, or not a store; `newer`: a store this version cannot read. */
  | { ok: false; kind: 'broken' | 'newer'; detail: string };

/** Validates parsed JSON as a store. */
export function decodeStore(json: unknown): Decoded {
  if (typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'number' && json.version > STORE_VERSION) {
    return { ok: false, kind: 'newer', detail: `was written by a newer version of study-planner (store version ${json.version})` };
  }
  // Valibot takes an array for an object with missing keys; say what it really is.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, kind: 'broken', detail: `is not a valid store: at the top level: must be a JSON object, not ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}` };
  }
  const parsed = valibot().safeParse(storeSchema().StoreShape, json);
  if (parsed.success) return { ok: true, data: parsed.output as unknown as StoreData };
  const [first, ...rest] = issuesFromValibot(parsed.issues);
  const where = first!.path === '' ? 'the top level' : first!.path;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return { ok: false, kind: 'broken', detail: `is not a valid store: at ${where}: ${first!.message}${more}` };
}

/** True when `data` may be written: the store never writes what it would refuse to read. */
export function isValidStore(data: StoreData): boolean {
  return valibot().is(storeSchema().StoreShape, data);
}
