import type { Readable } from 'node:stream';
import type { Catalogue } from '../../domain/catalogue/model.js';
import { planIssueText, type Issue } from '../../domain/issue.js';
import { parsePlan } from '../../domain/plan/parse.js';
import type { PlanFile } from '../../domain/plan/schema.js';
import { MAX_PLAN_BYTES } from './limits.js';
import { FileError, parseJson, readTextFile } from './read-file.js';
import { readStdinText } from './stdin.js';
import { refuseDuplicateKeys } from './duplicate-keys.js';

// A file with thousands of wrong entries gets a readable report, not thousands of lines.
const MAX_ISSUES_SHOWN = 20;

/** Why a plan file could not be read, or is not a plan: messages that name the file. */
export type PlanFailure = { ok: false; code: 'UNREADABLE' | 'MALFORMED'; messages: string[] };

export type LoadedPlan = { ok: true; plan: PlanFile } | PlanFailure;

/** A plan file's text, read and not yet parsed. */
export type PlanText = { ok: true; text: string } | PlanFailure;

function fileFailure(error: FileError): PlanFailure {
  return { ok: false, code: error.kind, messages: [`${error.file === '-' ? 'standard input' : error.file} ${error.message}`] };
}

/** Reads a plan file's text (`-` for `stdin`); failures are values, never thrown. */
export function readPlanText(file: string, stdin: Readable): PlanText {
  try {
    return { ok: true, text: file === '-' ? readStdinText(stdin, MAX_PLAN_BYTES) : readTextFile(file, MAX_PLAN_BYTES) };
  } catch (error) {
    if (error instanceof FileError) return fileFailure(error);
    throw error;
  }
}

/** Parses and validates a plan file's text, read by readPlanText; failures are values, never thrown. */
export function planFromText(catalogue: Catalogue, file: string, read: PlanText): LoadedPlan {
  if (!read.ok) return read;
  let json: unknown;
  try {
    json = parseJson(read.text, file);
    refuseDuplicateKeys(read.text, json, file);
  } catch (error) {
    if (error instanceof FileError) return fileFailure(error);
    throw error;
  }
  const parsed = parsePlan(catalogue, json);
  if (parsed.ok) return parsed;
  const shown = file === '-' ? 'standard input' : file;
  const messages = parsed.issues.slice(0, MAX_ISSUES_SHOWN).map((i: Issue) => `${shown}: ${planIssueText(i)}`);
  const more = parsed.issues.length - MAX_ISSUES_SHOWN;
  if (more > 0) messages.push(`${shown}: and ${more} more problem${more === 1 ? '' : 's'} like these`);
  return { ok: false, code: 'MALFORMED', messages };
}

/** Reads and validates a plan file (`-` for `stdin`, the context's standard input); failures are values, never thrown. */
export function loadPlanFile(catalogue: Catalogue, file: string, stdin: Readable): LoadedPlan {
  return planFromText(catalogue, file, readPlanText(file, stdin));
}
