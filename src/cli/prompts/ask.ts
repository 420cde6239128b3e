import { styleText } from 'node:util';
import type { Io } from '../context.js';
import { displayWidth } from '../render/text-width.js';
import { wrap, wrapBetweenWords } from '../render/wrap.js';

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

// What inquirer's select and checkbox name in their help lines, to know how many lines they take.
const SELECT_KEYS: Keys = [
  ['↑↓', 'navigate'],
  ['⏎', 'select'],
];
const CHECKBOX_KEYS: Keys = [
  ['↑↓', 'navigate'],
  ['space', 'select'],
  ['a', 'all'],
  ['i', 'invert'],
  ['⏎', 'submit'],
];

/** The part of inquirer's theme we set: how an answer follows its question, and the help line under a list. */
export interface ListTheme {
  style: { answer: (text: string) => string; keysHelpTip: (keys: Keys) => string };
}

/** The part of the theme an input (no list, no keys) takes: its answer, and its default before anything is typed. */
export type InputTheme = { style: Pick<ListTheme['style'], 'answer'> & { defaultAnswer: (text: string) => string } };

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
  input(config: InputQuestion & { theme?: InputTheme }): Promise<string>;
}

/**
 * How an answered question shows its answer, as inquirer draws it (in cyan), after the last line
 * of the question `fitted` (wrapped for `width`, after the two-column mark) when it fits there,
 * else on lines of its own under it, wrapped: inquirer writes "question answer" as one line, which
 * a narrow terminal split inside a word ("Stream in Nat" / "ural Language Processing").
 */
export function answerAfter(fitted: string, width: number): (text: string) => string {
  return afterQuestion(fitted, width, 0, (text) => styleText('cyan', text));
}

/**
 * An input's default, "(part-time-dissertation)", dim as inquirer draws it, placed as answerAfter
 * places an answer; inquirer writes one more space after it, before what is typed.
 */
export function defaultAfter(fitted: string, width: number): (text: string) => string {
  const place = afterQuestion(fitted, width, 1, (text) => styleText('dim', text));
  return (text) => place(`(${text})`);
}

/**
 * `text`, drawn by `draw`, on the question's last line when it fits there with `after` columns to
 * spare, else wrapped on lines of its own under it.
 */
function afterQuestion(fitted: string, width: number, after: number, draw: (text: string) => string): (text: string) => string {
  const lastLine = fitted.slice(fitted.lastIndexOf('\n') + 1).trimStart();
  const used = 2 + displayWidth(lastLine);
  return (text) => (used + 1 + displayWidth(text) + after <= width ? draw(text) : `\n  ${draw(wrap(text, width - after, 2))}`);
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
export function askWith(prompts: PromptFunctions, width?: number, rows?: () => number | undefined): Ask {
  // The message follows inquirer's two-column mark ("? "), so its later lines are indented to match;
  // one column is left for the space inquirer writes after it, before the answer.
  const fitMessage = (message: string): string => (width === undefined ? message : wrap(message, width - 1, 2));
  // Inquirer writes a refusal after "> ": wrapped to fit beside it, never split inside a word.
  const fitVerdict = (verdict: true | string): true | string =>
    verdict === true || width === undefined ? verdict : wrapBetweenWords(verdict, width - 2).replace(/\n/g, '\n  ');
  const fit = <T>(choices: readonly Choice<T>[]): Choice<T>[] =>
    choices.map((c) => (width === undefined || c.description === undefined ? c : { ...c, description: wrap(c.description, width) }));
  const listTheme = (fitted: string) =>
    width === undefined ? {} : { theme: { style: { answer: answerAfter(fitted, width), keysHelpTip: keysHelpTip(width) } } };
  /**
   * As many choices as fit the terminal's height under the question, the highlighted choice's
   * description and the keys' help (at most PAGE_SIZE, at least 1): a list taller than the screen
   * scrolls its question and cursor out of sight, and each key then leaves a copy in the scrollback.
   */
  const pageSize = (message: string, choices: readonly Choice<unknown>[], keys: Keys): number => {
    const height = rows?.();
    if (height === undefined || !(height > 0)) return PAGE_SIZE;
    const lines = (text: string) => text.split('\n').length;
    const description = Math.max(0, ...choices.map((c) => (c.description === undefined ? 0 : lines(c.description))));
    const help = width === undefined ? 1 : lines(keysHelpTip(width)(keys));
    // The question, the blank line inquirer draws under the list (description or none), the
    // description, the help, and two lines for a validation message. On a screen too short for all
    // of them, a shorter list: the question and the cursor must stay in sight.
    return Math.max(1, Math.min(PAGE_SIZE, height - lines(message) - 1 - description - help - 2));
  };
  return {
    select: (q) => {
      const message = fitMessage(q.message);
      const choices = fit(q.choices);
      return prompts.select({ ...q, message, choices, pageSize: pageSize(message, choices, SELECT_KEYS), ...listTheme(message) });
    },
    checkbox: <T>(q: CheckboxQuestion<T>) => {
      const message = fitMessage(q.message);
      const choices = fit(q.choices);
      return prompts.checkbox<T>({
        message,
        choices,
        pageSize: pageSize(message, choices, CHECKBOX_KEYS),
        ...listTheme(message),
        ...(q.validate ? { validate: (chosen: readonly { value: T }[]) => fitVerdict(q.validate!(chosen.map((c) => c.value))) } : {}),
      });
    },
    input: (q) => {
      const message = fitMessage(q.message);
      return prompts.input({
        ...q,
        message,
        ...(q.validate ? { validate: (value: string) => fitVerdict(q.validate!(value)) } : {}),
        ...(width === undefined
          ? {}
          : { theme: { style: { answer: answerAfter(message, width), defaultAnswer: defaultAfter(message, width) } } }),
      });
    },
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
    // Read at each question: the terminal may have been resized since the last.
    () => (io.stdout as { rows?: number }).rows,
  );
}

/** Inquirer's Ctrl-C (or a closed input): the user stopped answering. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
