import { styleText } from 'node:util';
import type { Io } from '../context.js';
import { displayWidth } from '../render/text-width.js';
import { wrap } from '../render/wrap.js';

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while the cursor is on this choice. */
  description?: string;
  /** What the answered prompt shows for this choice. */
  short?: string;
  checked?: boolean;
}

export interface SelectQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  /** true to accept, or a sentence saying what is wrong. */
  validate?: (values: readonly T[]) => true | string;
}

export interface InputQuestion {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
}

/**
 * The questions the planner asks, as a field of its context: the real prompts in a terminal,
 * scripted ones in tests. Ctrl-C rejects with inquirer's ExitPromptError.
 */
export interface Ask {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  input(question: InputQuestion): Promise<string>;
}

const PAGE_SIZE = 12;

/** The keys a list's help line names, each with what it does: ["↑↓", "navigate"]. */
type Keys = readonly (readonly [key: string, action: string])[];

/** The part of inquirer's theme we set: how the help line under a list is drawn. */
export interface ListTheme {
  style: { keysHelpTip: (keys: Keys) => string };
}

/** Inquirer's own prompt functions (or stand-ins with their shape), each with its streams bound. */
export interface PromptFunctions {
  select<T>(config: SelectQuestion<T> & { pageSize: number; theme?: ListTheme }): Promise<T>;
  checkbox<T>(config: {
    message: string;
    choices: readonly Choice<T>[];
    pageSize: number;
    validate?: (chosen: readonly { value: T }[]) => true | string;
    theme?: ListTheme;
  }): Promise<T[]>;
  input(config: InputQuestion): Promise<string>;
}

/**
 * Inquirer's help line under a list ("↑↓ navigate • space select • a all • i invert • ⏎ submit"),
 * drawn as inquirer draws it, but broken between keys to fit `width` columns: as one line, a
 * narrow terminal split it inside a word ("i i" / "nvert").
 */
export function keysHelpTip(width: number): (keys: Keys) => string {
  return (keys) => {
    const lines: string[] = [];
    let line = '';
    let used = 0;
    for (const [key, action] of keys) {
      const item = `${styleText('bold', key)} ${styleText('dim', action)}`;
      const itemWidth = displayWidth(`${key} ${action}`);
      if (line !== '' && used + 3 + itemWidth <= width) {
        line += `${styleText('dim', ' • ')}${item}`;
        used += 3 + itemWidth;
      } else {
        if (line !== '') lines.push(line);
        line = item;
        used = itemWidth;
      }
    }
    if (line !== '') lines.push(line);
    return lines.join('\n');
  };
}

/**
 * Our questions asked with inquirer's prompts: the one adapter, shared by the terminal and the
 * tests. Inquirer prints a message and a choice's description as they are, so long ones are
 * wrapped to `width` here rather than split mid-word by the terminal.
 */
export function askWith(prompts: PromptFunctions, width?: number): Ask {
  // The message follows inquirer's two-column mark ("? "), so its later lines are indented to match.
  const fitMessage = (message: string): string => (width === undefined ? message : wrap(message, width, 2));
  const fit = <T>(choices: readonly Choice<T>[]): Choice<T>[] =>
    choices.map((c) => (width === undefined || c.description === undefined ? c : { ...c, description: wrap(c.description, width) }));
  const theme = width === undefined ? {} : { theme: { style: { keysHelpTip: keysHelpTip(width) } } };
  return {
    select: (q) => prompts.select({ ...q, message: fitMessage(q.message), choices: fit(q.choices), pageSize: PAGE_SIZE, ...theme }),
    checkbox: <T>(q: CheckboxQuestion<T>) =>
      prompts.checkbox<T>({
        message: fitMessage(q.message),
        choices: fit(q.choices),
        pageSize: PAGE_SIZE,
        ...theme,
        ...(q.validate ? { validate: (chosen: readonly { value: T }[]) => q.validate!(chosen.map((c) => c.value)) } : {}),
      }),
    input: (q) => prompts.input({ ...q, message: fitMessage(q.message) }),
  };
}

/**
 * Inquirer's prompts on the context's streams. Loaded only here: they are slow to import. Without
 * colour (--no-color, NO_COLOR), inquirer must not colour either: it colours through node's
 * styleText, which reads NO_COLOR from this process's environment when it draws, so that is set.
 */
export async function inquirerAsk(io: Pick<Io, 'stdin' | 'stdout'>, colour = true, width?: number): Promise<Ask> {
  if (!colour) process.env.NO_COLOR = '1';
  const { select, checkbox, input } = await import('@inquirer/prompts');
  const streams = { input: io.stdin, output: io.stdout };
  return askWith(
    {
      select: (config) => select(config, streams),
      checkbox: (config) => checkbox(config, streams),
      input: (config) => input(config, streams),
    },
    width,
  );
}

/** Inquirer's Ctrl-C (or a closed input): the user stopped answering. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
