import type { Io } from '../context.js';
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

/** Inquirer's own prompt functions (or stand-ins with their shape), each with its streams bound. */
export interface PromptFunctions {
  select<T>(config: SelectQuestion<T> & { pageSize: number }): Promise<T>;
  checkbox<T>(config: {
    message: string;
    choices: readonly Choice<T>[];
    pageSize: number;
    validate?: (chosen: readonly { value: T }[]) => true | string;
  }): Promise<T[]>;
  input(config: InputQuestion): Promise<string>;
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
  return {
    select: (q) => prompts.select({ ...q, message: fitMessage(q.message), choices: fit(q.choices), pageSize: PAGE_SIZE }),
    checkbox: <T>(q: CheckboxQuestion<T>) =>
      prompts.checkbox<T>({
        message: fitMessage(q.message),
        choices: fit(q.choices),
        pageSize: PAGE_SIZE,
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
