import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Answers } from '../../domain/plan/steps.js';
import type { Draft } from '../io/store-types.js';
import { flagSlots } from './slots.js';

/**
 * The draft keeps answers under the contract's flag names where a flag answers the step (core,
 * elective, route, extra), and every other catalogue step's answer in `picks` and `routes`.
 */
export function draftFromAnswers(catalogue: Catalogue, answers: Answers, now: Date): Draft {
  const slots = flagSlots(catalogue);
  const picks: Record<string, string[]> = {};
  for (const [key, ids] of Object.entries(answers.picks)) picks[key] = [...ids];
  const routes: Record<string, string> = { ...answers.routes };
  const take = (key: string | undefined) => {
    if (key === undefined || picks[key] === undefined) return undefined;
    const ids = picks[key];
    delete picks[key];
    return ids;
  };
  const draft: Draft = { catalogue: catalogue.id, updatedAt: now.toISOString() };
  if (answers.residency !== undefined) draft.residency = answers.residency;
  if (answers.mode !== undefined) draft.mode = answers.mode;
  const core = take(slots.core);
  if (core) draft.core = core;
  const elective = take(slots.elective);
  if (elective) draft.elective = elective;
  if (slots.route && routes[slots.route.id] !== undefined) {
    draft.route = routes[slots.route.id];
    delete routes[slots.route.id];
  }
  const extra = take(slots.extra);
  if (extra) draft.extra = extra;
  if (answers.schedule !== undefined) draft.schedule = answers.schedule.map((e) => ({ term: e.term, subjects: [...e.subjects] }));
  if (answers.fellowship !== undefined) draft.fellowship = answers.fellowship;
  if (answers.name !== undefined) draft.name = answers.name;
  if (Object.keys(picks).length > 0) draft.picks = picks;
  if (Object.keys(routes).length > 0) draft.routes = routes;
  return draft;
}

/** The answers a draft holds; anything the catalogue no longer knows is dropped, to be asked again. */
export function answersFromDraft(catalogue: Catalogue, draft: Draft): Answers {
  const slots = flagSlots(catalogue);
  const picks: Record<string, string[]> = { ...draft.picks };
  const routes: Record<string, string> = { ...draft.routes };
  if (slots.core && draft.core) picks[slots.core] = draft.core;
  if (slots.elective && draft.elective) picks[slots.elective] = draft.elective;
  if (slots.extra && draft.extra) picks[slots.extra] = draft.extra;
  if (slots.route && draft.route !== undefined) routes[slots.route.id] = draft.route;
  for (const key of Object.keys(picks)) picks[key] = picks[key]!.filter((id) => catalogue.subjectById.has(id));
  const knownMode = draft.mode !== undefined && catalogue.data.modes.some((m) => m.id === draft.mode);
  return {
    picks,
    routes,
    ...(draft.residency !== undefined ? { residency: draft.residency } : {}),
    ...(knownMode ? { mode: draft.mode } : {}),
    // Fitted to the plan's subjects wherever it is used, so a term or subject no longer known does no harm.
    ...(draft.schedule !== undefined ? { schedule: draft.schedule.map((e) => ({ term: e.term, subjects: e.subjects.filter((id) => catalogue.subjectById.has(id)) })) } : {}),
    ...(draft.fellowship !== undefined ? { fellowship: draft.fellowship } : {}),
    ...(draft.name !== undefined ? { name: draft.name } : {}),
  };
}
