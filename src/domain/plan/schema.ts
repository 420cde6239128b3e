import type * as V from 'valibot';
import type { Catalogue } from '../catalogue/model.js';
import { RESIDENCIES } from '../catalogue/schema.js';
import { valibot } from '../valibot.js';

/** One term of a schedule: the term's name and the subjects taken in it (names or identifiers). */
export interface ScheduleEntry {
  term: string;
  subjects: string[];
}

/** The plan file's shape for one catalogue: its modes are the ones allowed. */
export function planSchema(catalogue: Catalogue) {
  const v = valibot();
  const SubjectName = v.pipe(
    v.string('must be a subject name (a string)'),
    v.maxLength(500, 'is longer than any subject name (500 characters at most)'),
  );
  const modes = catalogue.data.modes.map((m) => m.id);
  return v.strictObject({
    catalogue: v.optional(v.string('must be a catalogue identifier (a string)')),
    residency: v.picklist(RESIDENCIES, `must be one of ${RESIDENCIES.map((r) => `"${r}"`).join(', ')}`),
    mode: v.optional(v.picklist(modes, `must be one of ${modes.map((m) => `"${m}"`).join(', ')}`), modes[0]!),
    fellowship: v.optional(v.boolean('must be true or false'), false),
    subjects: v.array(SubjectName, 'must be a list of subject names'),
    // The record of study so far (src/domain/record/): a grade per subject, credit transferred, exemptions.
    // Without a prototype, so a subject called "constructor" or "__proto__" is an entry like any other.
    grades: v.optional(
      v.pipe(
        // A list is an object too, which a record would take as grades of subjects "0", "1", ...
        v.custom<Record<string, unknown>>(
          (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
          'must map subjects to grades, as {"Epidemiology": "B+"}',
        ),
        v.record(SubjectName, v.pipe(v.string('must be a grade such as "B+" (a string)'), v.maxLength(10, 'is longer than any grade'))),
        v.transform((grades) => Object.assign(Object.create(null) as typeof grades, grades)),
      ),
    ),
    transferred: v.optional(v.array(SubjectName, 'must be a list of subject names')),
    exempted: v.optional(v.array(SubjectName, 'must be a list of subject names')),
    schedule: v.optional(
      v.array(
        v.strictObject({
          term: v.pipe(v.string('must be a term name such as "Semester One 2024/25"'), v.maxLength(100, 'is longer than any term name')),
          subjects: v.array(SubjectName, 'must be a list of subject names'),
        }),
        'must be a list of terms, each {"term": ..., "subjects": [...]}',
      ),
    ),
  });
}

export type PlanFile = V.InferOutput<ReturnType<typeof planSchema>>;

// The schema's schedule and ScheduleEntry must stay the same shape: everything else uses the type.
type Entry = NonNullable<PlanFile['schedule']>[number];
const scheduleEntryMatchesSchema: [Entry, ScheduleEntry] extends [ScheduleEntry, Entry] ? true : false = true;
void scheduleEntryMatchesSchema;
