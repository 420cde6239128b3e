import type { Catalogue } from '../../domain/catalogue/model.js';
import { RESIDENCIES, type Residency } from '../../domain/catalogue/schema.js';
import { findMode, findResidency } from '../../domain/catalogue/settings.js';

/** Each setting's value, once parsed. */
export interface SettingValues {
  residency: Residency;
  /** A study mode's identifier in the catalogue. */
  mode: string;
  /** The path of a catalogue file, as given; loading it is what checks it. */
  catalogue: string;
}
export type SettingName = keyof SettingValues;

/** Where one setting can come from, and how its text is read. */
export interface Setting<N extends SettingName = SettingName> {
  flag: `--${N}`;
  /** The environment variable that gives it when no flag does (an empty one counts as unset). */
  env: `STUDY_PLANNER_${Uppercase<N>}`;
  /** Its key among the saved defaults, for `config set KEY VALUE`. */
  savedKey: N;
  /** Its key among the planner's answers kept in the draft; the catalogue is not one of them. */
  draftKey?: N;
  /** What a value must be, as in "... is not a residency". */
  kind: string;
  /** The values a message suggests; a study mode's come from the catalogue. */
  choices(catalogue: Catalogue | undefined): readonly string[];
  /** What may be saved, in words that need no catalogue (`config get`). */
  allowed: string;
  /** The value a text names, or undefined when it names none. */
  parse(text: string, catalogue: Catalogue | undefined): SettingValues[N] | undefined;
}

function needed(catalogue: Catalogue | undefined): Catalogue {
  if (!catalogue) throw new Error('the mode setting is read against a catalogue; pass one');
  return catalogue;
}

/**
 * Every setting a flag, the environment, a saved default or the draft may give. A new setting is a
 * new row here (and a key of SettingValues); resolve.ts reads them all the same way.
 */
export const SETTINGS: { readonly [N in SettingName]: Setting<N> } = {
  residency: {
    flag: '--residency',
    env: 'STUDY_PLANNER_RESIDENCY',
    savedKey: 'residency',
    draftKey: 'residency',
    kind: 'a residency',
    choices: () => RESIDENCIES,
    allowed: RESIDENCIES.join(' or '),
    parse: (text) => findResidency(text),
  },
  mode: {
    flag: '--mode',
    env: 'STUDY_PLANNER_MODE',
    savedKey: 'mode',
    draftKey: 'mode',
    kind: 'a study mode of this programme',
    choices: (catalogue) => needed(catalogue).data.modes.map((m) => m.id),
    allowed: 'a study mode of the catalogue, such as full-time or part-time',
    parse: (text, catalogue) => findMode(needed(catalogue), text)?.id,
  },
  catalogue: {
    flag: '--catalogue',
    env: 'STUDY_PLANNER_CATALOGUE',
    savedKey: 'catalogue',
    kind: 'a catalogue file',
    choices: () => [],
    allowed: 'the path of a catalogue file',
    parse: (text) => text,
  },
};

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
