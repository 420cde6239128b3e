import type { Catalogue } from './model.js';
import { RESIDENCIES, type ModeData, type Residency } from './schema.js';

/** The residency a person's text names, exactly as flags and plan files spell it, or undefined. */
export function findResidency(text: string): Residency | undefined {
  return (RESIDENCIES as readonly string[]).includes(text) ? (text as Residency) : undefined;
}

/** The study mode a person's text names, by identifier or label, in any case, or undefined. */
export function findMode(catalogue: Catalogue, text: string): ModeData | undefined {
  const wanted = text.trim().toLowerCase();
  return catalogue.data.modes.find((m) => m.id === wanted || m.label.toLowerCase() === wanted);
}
