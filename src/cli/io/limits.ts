const MEBIBYTE = 1024 * 1024;

/** A plan lists a few dozen subjects; anything near this is not a plan. */
export const MAX_PLAN_BYTES = 4 * MEBIBYTE;
/** Room for a catalogue of 100,000 subjects. */
export const MAX_CATALOGUE_BYTES = 64 * MEBIBYTE;
