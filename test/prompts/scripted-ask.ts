import { checkbox, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { askWith, type Ask } from '../../src/cli/prompts/ask.js';

/** A key as @inquirer/testing presses it: a name ('enter', 'down', 'space', 'a'), text to type, or Ctrl-C. */
export type Key = string | { type: string } | 'ctrl-c';

/** One question's turn: what its screen must show before the keys are pressed, then the keys. */
export interface Turn {
  expect?: string | RegExp | (string | RegExp)[];
  keys: Key[];
  /** What the screen must show after the keys (a refusal, say), the question still open. */
  then?: { expect: string | RegExp; keys: Key[] };
}

export interface ScriptedAsk extends Ask {
  /** Every screen shown, first look at each question, in order. */
  readonly screens: string[];
  /** Turns not yet used: a test ends with none. */
  readonly left: number;
}

type Rendered = Awaited<ReturnType<typeof render>>;

function press(rendered: Rendered, key: Key): void {
  if (key === 'ctrl-c') rendered.events.keypress({ name: 'c', ctrl: true });
  else if (typeof key === 'string') rendered.events.keypress(key);
  else rendered.events.type(key.type);
}

function assertShows(screen: string, expected: Turn['expect'], turn: number): void {
  for (const e of expected === undefined ? [] : Array.isArray(expected) ? expected : [expected]) {
    const ok = typeof e === 'string' ? screen.includes(e) : e.test(screen);
    if (!ok) throw new Error(`question ${turn + 1}: expected the screen to show ${String(e)}, but it shows:\n${screen}`);
  }
}

/**
 * Questions answered by pressing keys in inquirer's real prompts (rendered by @inquirer/testing),
 * through the same adapter the terminal uses. A question with no turn left fails the test.
 */
export function scriptedAsk(turns: readonly Turn[]): ScriptedAsk {
  const queue = [...turns];
  const screens: string[] = [];
  let asked = 0;
  const play = async <T>(prompt: (config: never) => Promise<T>, config: unknown): Promise<T> => {
    const turn = queue.shift();
    const index = asked++;
    const rendered = await render(prompt as never, config as never);
    const screen = rendered.getScreen();
    screens.push(screen);
    if (!turn) throw new Error(`an unexpected question ${index + 1}:\n${screen}`);
    assertShows(screen, turn.expect, index);
    for (const key of turn.keys) press(rendered, key);
    if (turn.then) {
      await new Promise((resolve) => setImmediate(resolve));
      assertShows(rendered.getScreen(), turn.then.expect, index);
      for (const key of turn.then.keys) press(rendered, key);
    }
    return rendered.answer as Promise<T>;
  };
  const ask = askWith({
    select: <T>(config: unknown) => play(select, config) as Promise<T>,
    checkbox: <T>(config: unknown) => play(checkbox, config) as Promise<T[]>,
    input: (config) => play(input, config) as Promise<string>,
  });
  return {
    ...ask,
    screens,
    get left() {
      return queue.length;
    },
  };
}
