import { nameKey } from '../../domain/text/normalize.js';
import type { Surface } from './surface.js';

/** The values completion offers that depend on the catalogue and the store. */
export interface CompletionValues {
  subjects(category?: 'core' | 'elective'): string[];
  categories: string[];
  modes: string[];
  planNames: string[];
}

/** Either words to offer, or "let the shell complete a file name". */
export type Candidates = { kind: 'words'; words: string[] } | { kind: 'files' };

const FILES: Candidates = { kind: 'files' };

// Flags whose value is one of a known set, or a file; every other flag with a value gets nothing.
function valuesOfFlag(flag: string, values: CompletionValues, path: string): Candidates | string[] {
  switch (flag) {
    case '--residency':
      return ['local', 'non-local'];
    case '--mode':
      return values.modes;
    case '--route':
      return ['dissertation', 'coursework'];
    case '--core':
      return values.subjects('core');
    case '--elective':
      return values.subjects('elective');
    case '--extra':
      return [...values.subjects('core'), ...values.subjects('elective')];
    case '--grade':
    case '--transferred':
    case '--exempted':
      return values.subjects();
    case '--category':
      return values.categories;
    case '--format':
      // fees --by-term writes term bills for a spreadsheet or a calendar; plans export a plan file or a report.
      return path === 'fees' ? ['text', 'csv', 'ics'] : ['json', 'md'];
    case '--catalogue':
    case '--plan':
    case '--out':
      return FILES;
    default:
      return [];
  }
}

// What a command's own arguments are, by its path ("plans show"): files, saved plans, or a set.
function valuesOfArgument(path: string, position: number, values: CompletionValues): Candidates | string[] {
  switch (path) {
    case 'check':
    case 'catalogue check':
      return FILES;
    case 'compare':
      return values.planNames;
    case 'plans show':
    case 'plans delete':
    case 'plans export':
    case 'plans edit':
    case 'plans rename':
      return position === 0 ? values.planNames : [];
    case 'plans import':
      return FILES;
    case 'completion':
      return position === 0 ? ['bash', 'zsh', 'fish'] : [];
    case 'config get':
    case 'config set':
    case 'config unset':
      return position === 0 ? ['residency', 'mode', 'catalogue'] : [];
    default:
      return [];
  }
}

function matching(words: readonly string[], current: string): string[] {
  // A word being typed may start with a quote ("Big Da); the match ignores it and the letter case.
  const typed = nameKey(current.replace(/^["']/, ''));
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = nameKey(w);
    // An identifier and a title that read the same ("epidemiology", "Epidemiology") are offered once.
    if (seen.has(key) || !key.startsWith(typed)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What to offer for the word being typed (`current`), after the words before it (the program's
 * name left out). Pure: the command tree and the values are given.
 */
export function completeWords(root: Surface, before: readonly string[], current: string, values: CompletionValues): Candidates {
  let command = root;
  const path: string[] = [];
  const globalFlags = root.flags;
  let positional = 0;
  let pendingFlag: string | undefined;
  // A variadic flag (--core a b c) keeps taking values until the next flag.
  let variadic: string | undefined;
  for (const word of before) {
    if (pendingFlag !== undefined) {
      pendingFlag = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      variadic = undefined;
      const flag = [...command.flags, ...globalFlags].find((f) => f.name === word);
      if (flag?.takesValue) {
        if (['--core', '--elective', '--extra', '--grade', '--transferred', '--exempted'].includes(word)) variadic = word;
        else pendingFlag = word;
      }
      continue;
    }
    if (variadic !== undefined) continue;
    const sub = command.commands.find((c) => c.name === word);
    if (sub && positional === 0) {
      command = sub;
      path.push(word);
      continue;
    }
    positional++;
  }
  const flagValue = pendingFlag ?? (current.startsWith('-') ? undefined : variadic);
  if (flagValue !== undefined) {
    const offered = valuesOfFlag(flagValue, values, path.join(' '));
    return Array.isArray(offered) ? { kind: 'words', words: matching(offered, current) } : offered;
  }
  if (current.startsWith('-')) {
    const inherited = command === root ? [] : globalFlags.filter((f) => f.name !== '--version' && f.name !== '-V');
    const flags = [...command.flags, ...inherited].map((f) => f.name).filter((f) => f.startsWith('--') || current === '-');
    return { kind: 'words', words: [...flags, '--help'].filter((f) => f.startsWith(current)) };
  }
  if (command.commands.length > 0 && positional === 0) {
    return { kind: 'words', words: matching([...command.commands.map((c) => c.name), ...(command === root ? ['help'] : [])], current) };
  }
  const offered = valuesOfArgument(path.join(' '), positional, values);
  return Array.isArray(offered) ? { kind: 'words', words: matching(offered, current) } : offered;
}
