import type { Catalogue } from '../../../domain/catalogue/model.js';
import type { Answers, RecordAnswer } from '../../../domain/plan/steps.js';
import type { Draft, FlagNamedAnswers, SavedPlan } from '../../io/store-types.js';
import { flagSlots } from './flag-slots.js';

/**
 * The draft of the planner's answers: kept as they are, as the store will write them (no key left
 * undefined), with the saved plan they edit, if any, as it was read.
 */
export function draftFromAnswers(catalogue: Catalogue, answers: Answers, now: Date, editing?: SavedPlan): Draft {
  return {
    catalogue: catalogue.id,
    answers: JSON.parse(JSON.stringify(answers)) as Answers,
    ...(editing !== undefined ? { editing } : {}),
    updatedAt: now.toISOString(),
  };
}

/**
 * Answers a version-1 store kept under flag names, placed on the steps those flags answer in this
 * catalogue (over anything kept for the same step by its key, as version 1 read them).
 */
function withFlagNamed(catalogue: Catalogue, answers: Answers, byFlag: FlagNamedAnswers | undefined): Answers {
  if (byFlag === undefined) return answers;
  const slots = flagSlots(catalogue);
  const picks: Record<string, readonly string[]> = { ...answers.picks };
  const routes: Record<string, string> = { ...answers.routes };
  if (slots.core && byFlag.core) picks[slots.core] = byFlag.core;
  if (slots.elective && byFlag.elective) picks[slots.elective] = byFlag.elective;
  if (slots.extra && byFlag.extra) picks[slots.extra] = byFlag.extra;
  if (slots.route && byFlag.route !== undefined) routes[slots.route.id] = byFlag.route;
  return { ...answers, picks, routes };
}

/** The answers a draft holds; anything the catalogue no longer knows is dropped, to be asked again. */
export function answersFromDraft(catalogue: Catalogue, draft: Draft): Answers {
  const { picks, routes, residency, mode, schedule, fellowship, name, record } = withFlagNamed(catalogue, draft.answers, draft.byFlag);
  const known = (ids: readonly string[]) => ids.filter((id) => catalogue.subjectById.has(id));
  const knownMode = mode !== undefined && catalogue.data.modes.some((m) => m.id === mode);
  return {
    picks: Object.fromEntries(Object.entries(picks).map(([key, ids]) => [key, known(ids)])),
    routes: { ...routes },
    ...(residency !== undefined ? { residency } : {}),
    ...(knownMode ? { mode } : {}),
    // Fitted to the plan's subjects wherever it is used, so a term or subject no longer known does no harm.
    ...(schedule !== undefined ? { schedule: schedule.map((e) => ({ term: e.term, subjects: known(e.subjects) })) } : {}),
    ...(fellowship !== undefined ? { fellowship } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(record !== undefined ? { record: knownRecord(record, known) } : {}),
  };
}

/** The record of a draft, without subjects the catalogue no longer knows. */
function knownRecord(record: RecordAnswer, known: (ids: readonly string[]) => string[]): RecordAnswer {
  return {
    ...(record.grades !== undefined
      ? { grades: Object.fromEntries(known(Object.keys(record.grades)).map((id) => [id, record.grades![id]!])) }
      : {}),
    ...(record.transferred !== undefined ? { transferred: known(record.transferred) } : {}),
    ...(record.exempted !== undefined ? { exempted: known(record.exempted) } : {}),
  };
}
