import type { Catalogue } from '../../domain/catalogue/model.js';
import { joinWords } from '../../domain/rules/wording.js';
import { UsageError } from '../outcome.js';
import { safeLine } from '../render/sanitize.js';
import { SETTINGS, type SettingName, type SettingValues } from './table.js';

/** Where a setting's value came from. */
export type SettingSource = 'flag' | 'draft' | 'environment' | 'saved default';

/** Values by setting name, as the saved defaults and the draft's answers hold them. */
export type SettingTexts = { readonly [N in SettingName]?: string };

export interface SettingLayers {
  /** The flag's text, when the flag was given (an empty text is a bad value, not an absent flag). */
  flag?: string | undefined;
  /** The environment, where the setting's STUDY_PLANNER_* variable is looked up. */
  env: NodeJS.ProcessEnv;
  /** The saved defaults; a function, to read the store only when nothing before it answers. */
  saved?: SettingTexts | (() => SettingTexts);
  /** The planner's answers kept from an earlier session (`plan --resume`). */
  draft?: SettingTexts;
}

export interface ResolvedSetting<T> {
  value: T;
  source: SettingSource;
}

/** The setting's environment variable, when set and not empty: the one place the environment is read for a setting. */
export function settingFromEnv(name: SettingName, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[SETTINGS[name].env];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A setting's value and where it came from: the flag, then the draft (the user's own earlier
 * answer, which only a flag replaces), then the environment, then the saved default; undefined when
 * none gives one. A value that is not allowed throws a UsageError naming where it came from. Pure:
 * the caller passes in the environment, the saved defaults and, for a study mode, the catalogue.
 */
export function resolveSetting<N extends SettingName>(
  name: N,
  layers: SettingLayers,
  catalogue?: Catalogue,
): ResolvedSetting<SettingValues[N]> | undefined {
  const setting = SETTINGS[name];
  const draftKey = setting.draftKey;
  const candidates: [SettingSource, () => string | undefined][] = [
    ['flag', () => layers.flag],
    ['draft', () => (draftKey === undefined ? undefined : layers.draft?.[draftKey])],
    ['environment', () => settingFromEnv(name, layers.env)],
    ['saved default', () => (typeof layers.saved === 'function' ? layers.saved() : layers.saved)?.[setting.savedKey]],
  ];
  for (const [source, read] of candidates) {
    const text = read();
    if (text !== undefined) return { value: parseSetting(name, text, source, catalogue), source };
  }
  return undefined;
}

/**
 * The value a text names, or a UsageError in the one wording every command uses:
 * `--residency "martian" is not a residency; use local or non-local.` `config set` is a source of
 * its own: the value about to be saved.
 */
export function parseSetting<N extends SettingName>(
  name: N,
  text: string,
  source: SettingSource | 'config set',
  catalogue?: Catalogue,
): SettingValues[N] {
  const setting = SETTINGS[name];
  const value = setting.parse(text, catalogue);
  if (value !== undefined) return value;
  const [where, fix] = {
    flag: [setting.flag, ''],
    draft: [`the draft's ${name}`, ` (pass ${setting.flag} VALUE to replace it)`],
    environment: [setting.env, ''],
    'saved default': [`the saved default ${name}`, ` (change it with "study-planner config set ${name} VALUE")`],
    'config set': [`config set ${name}:`, ''],
  }[source];
  throw new UsageError(`${where} "${safeLine(text)}" is not ${setting.kind}; use ${joinWords(setting.choices(catalogue), 'or')}${fix}.`);
}
