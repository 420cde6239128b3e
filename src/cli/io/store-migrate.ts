import type { Residency } from '../../domain/catalogue/schema.js';
import type { ScheduleEntry } from '../../domain/plan/schema.js';
import type { Answers } from '../../domain/plan/steps.js';
import type { Defaults, Draft, FlagNamedAnswers, SavedPlan, StoreData } from './store-types.js';

/**
 * A draft as a version-1 store kept it: the answers that the plan command's flags give under the
 * flags' names (core, elective, route, extra), every other step's answer in `picks` and `routes`.
 */
export interface DraftV1 extends FlagNamedAnswers {
  catalogue: string;
  residency?: Residency;
  mode?: string;
  fellowship?: boolean;
  name?: string;
  picks?: Record<string, string[]>;
  routes?: Record<string, string>;
  schedule?: ScheduleEntry[];
  updatedAt: string;
}

/** A version-1 store: the same defaults and plans as now; only the draft's shape differs. */
export interface StoreDataV1 {
  version: 1;
  defaults: Defaults;
  plans: SavedPlan[];
  draft?: DraftV1;
}

const FLAG_NAMES = ['core', 'elective', 'route', 'extra'] as const;

/** Only the keys whose value is given: a stored answer that is missing is a step not yet taken. */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * A version-1 draft with its answers as the planner holds them. The answers under flag names move
 * as they are to `byFlag`: which of the catalogue's steps a flag answers is the catalogue's to say,
 * and the store is read without one, so they are placed when the draft is resumed.
 */
export function draftFromVersion1(old: DraftV1): Draft {
  const answers: Answers = {
    picks: { ...old.picks },
    routes: { ...old.routes },
    ...given({ residency: old.residency, mode: old.mode, schedule: old.schedule, fellowship: old.fellowship, name: old.name }),
  };
  const byFlag: FlagNamedAnswers = given(Object.fromEntries(FLAG_NAMES.map((flag) => [flag, old[flag]])));
  return { catalogue: old.catalogue, answers, ...(Object.keys(byFlag).length > 0 ? { byFlag } : {}), updatedAt: old.updatedAt };
}

/** A store of any version this program reads, brought to the current one; the plans and defaults are kept as they are. */
export function upgradeStore(data: StoreDataV1 | StoreData): StoreData {
  if (data.version !== 1) return data;
  const { draft, ...rest } = data;
  return { ...rest, version: 2, ...(draft !== undefined ? { draft: draftFromVersion1(draft) } : {}) };
}
