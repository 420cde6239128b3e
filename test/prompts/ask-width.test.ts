import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { answerAfter, askWith, defaultAfter, keysHelpTip, type PromptFunctions } from '../../src/cli/prompts/ask.js';
import { displayWidth } from '../../src/cli/render/text-width.js';

// What inquirer would be handed: the adapter's own work, without a terminal.
function recording() {
  const seen: { description?: string | undefined }[][] = [];
  const prompts: PromptFunctions = {
    select: async (config) => (seen.push(config.choices.map((c) => ({ description: c.description }))), config.choices[0]!.value),
    checkbox: async (config) => (seen.push(config.choices.map((c) => ({ description: c.description }))), []),
    input: async () => '',
  };
  return { prompts, seen };
}

const long =
  'Natural Language Processing, Artificial Intelligence Concepts (COMP5511), Machine Learning and Data Analytics (COMP5541): 12 credits, included as a whole';

describe('choice descriptions fit the terminal', () => {
  it.each([40, 80])('at %i columns every line of a long description fits, and no word is split', async (width) => {
    const { prompts, seen } = recording();
    const ask = askWith(prompts, width);
    await ask.select({
      message: 'Which?',
      choices: [
        { value: 'a', name: 'A', description: long },
        { value: 'b', name: 'B' },
      ],
    });
    await ask.checkbox({ message: 'Which?', choices: [{ value: 'a', name: 'A', description: long }] });
    for (const choices of seen) {
      const text = choices[0]!.description!;
      expect(text.split('\n').every((line) => line.length <= width)).toBe(true);
      expect(text.replace(/\n/g, ' ')).toBe(long);
    }
    expect(seen[0]![1]!.description).toBeUndefined();
  });

  it.each([40, 80])('at %i columns a long question wraps after the two-column mark', async (width) => {
    const messages: string[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => (messages.push(config.message), config.choices[0]!.value),
      checkbox: async (config) => (messages.push(config.message), []),
      input: async (config) => (messages.push(config.message), ''),
    };
    const ask = askWith(prompts, width);
    const question = `Choose 4 more elective, NLP stream core or visual computing stream core subjects`;
    await ask.select({ message: question, choices: [{ value: 'a', name: 'A' }] });
    await ask.checkbox({ message: question, choices: [{ value: 'a', name: 'A' }] });
    await ask.input({ message: question });
    for (const message of messages) {
      const lines = message.split('\n');
      expect(lines.every((line) => 2 + line.length <= width || line.startsWith('  '))).toBe(true);
      expect(lines.every((line) => line.length <= width)).toBe(true);
      expect(lines.slice(1).every((line) => line.startsWith('  '))).toBe(true);
      expect(message.replace(/\n {2}/g, ' ')).toBe(question);
    }
  });

  it('without a width, descriptions pass as they are', async () => {
    const { prompts, seen } = recording();
    await askWith(prompts).select({ message: 'Which?', choices: [{ value: 'a', name: 'A', description: long }] });
    expect(seen[0]![0]!.description).toBe(long);
  });
});

describe('the help line of keys under a list fits the terminal', () => {
  const CHECKBOX_KEYS = [
    ['↑↓', 'navigate'],
    ['space', 'select'],
    ['a', 'all'],
    ['i', 'invert'],
    ['⏎', 'submit'],
  ] as const;
  const plain = (text: string) => stripVTControlCharacters(text);

  it.each([
    [40, ['↑↓ navigate • space select • a all', 'i invert • ⏎ submit']],
    [80, ['↑↓ navigate • space select • a all • i invert • ⏎ submit']],
    [20, ['↑↓ navigate', 'space select • a all', 'i invert • ⏎ submit']],
    [5, ['↑↓ navigate', 'space select', 'a all', 'i invert', '⏎ submit']],
  ])('at %i columns it breaks only between keys: %j', (width, lines) => {
    expect(plain(keysHelpTip(width)(CHECKBOX_KEYS)).split('\n')).toEqual(lines);
  });

  it('is handed to inquirer for every list, and not without a width', async () => {
    const themes: unknown[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => (themes.push(config.theme), config.choices[0]!.value),
      checkbox: async (config) => (themes.push(config.theme), []),
      input: async () => '',
    };
    await askWith(prompts, 40).select({ message: 'Which?', choices: [{ value: 'a', name: 'A' }] });
    await askWith(prompts, 40).checkbox({ message: 'Which?', choices: [{ value: 'a', name: 'A' }] });
    await askWith(prompts).select({ message: 'Which?', choices: [{ value: 'a', name: 'A' }] });
    expect(themes.map((t) => typeof (t as { style?: { keysHelpTip?: unknown } } | undefined)?.style?.keysHelpTip)).toEqual([
      'function',
      'function',
      'undefined',
    ]);
  });
});

describe('an answer follows its question without running past the edge', () => {
  const plain = (text: string) => stripVTControlCharacters(text);

  it.each([
    // [width, question as fitted, answer, what is drawn after the question]
    [40, 'Are you a local or a non-local\n  student?', 'Local', 'Local'],
    [80, 'A stream: which will you take?', 'Stream in Natural Language Processing', 'Stream in Natural Language Processing'],
    [
      80,
      "A stream's 4 core subjects, or 4 electives: which will you take?",
      'Stream in Natural Language Processing',
      '\n  Stream in Natural Language Processing',
    ],
    [
      40,
      'Choose at least 2 core subjects',
      'Artificial Intelligence Concepts, Business Analytics, Computer Programming for Healthcare',
      '\n  Artificial Intelligence Concepts,\n  Business Analytics, Computer\n  Programming for Healthcare',
    ],
  ])('at %i columns, after %j: %j', (width, fitted, answer, drawn) => {
    const shown = plain(answerAfter(fitted, width)(answer));
    expect(shown).toBe(drawn);
    const lastLine = fitted.split('\n').at(-1)!;
    const lines = `${lastLine.startsWith('  ') ? lastLine : `? ${lastLine}`} ${shown}`.split('\n');
    expect(lines.every((line) => line.length <= width)).toBe(true);
  });

  it.each([
    [40, '\n  (part-time-dissertation)'],
    [80, '(part-time-dissertation)'],
  ])("at %i columns, places a typed question's default as an answer: %j", (width, drawn) => {
    expect(plain(defaultAfter('A name for this plan:', width)('part-time-dissertation'))).toBe(drawn);
  });

  it('wraps an answer it moves under the question, keeping its runs of spaces', () => {
    const typed = 'my  plan   with spaces, typed in full, and more';
    expect(plain(answerAfter('A name for this plan:', 40)(typed))).toBe('\n  my  plan   with spaces, typed in full,\n  and more');
  });

  it.each([40, 60, 80])('at %i columns, a default of any length stays inside the width, with a column for the space after it', (width) => {
    // 'fourteen-chars' just fills a 40-column line: the space after it would not.
    for (const name of [
      'fourteen-chars',
      'part-time-dissertation',
      'a saved plan with a name of fifty-eight characters, or so',
      'x'.repeat(30),
    ]) {
      const shown = plain(defaultAfter('A name for this plan:', width)(name));
      const lines = `? A name for this plan: ${shown} `.split('\n');
      expect(lines.every((line) => displayWidth(line) <= width)).toBe(true);
      expect(shown.replace(/\s+/g, '')).toBe(`(${name})`.replace(/\s+/g, ''));
    }
  });

  it('leaves a column after the question for the space inquirer writes before the answer', async () => {
    const messages: string[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => (messages.push(config.message), config.choices[0]!.value),
      checkbox: async () => [],
      input: async () => '',
    };
    // 38 columns: with the two-column mark it would fill a 40-column line, and the space after it would not fit.
    const question = 'Which of these will you take, please?!';
    expect(question).toHaveLength(38);
    await askWith(prompts, 40).select({ message: question, choices: [{ value: 'a', name: 'A' }] });
    const lines = `? ${messages[0]} `.split('\n');
    expect(lines.every((line) => displayWidth(line) <= 40)).toBe(true);
  });

  it('is handed to inquirer for lists and typed answers alike, fitted to each question', async () => {
    const answers: ((text: string) => string)[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => (answers.push(config.theme!.style.answer), config.choices[0]!.value),
      checkbox: async (config) => (answers.push(config.theme!.style.answer), []),
      input: async (config) => (answers.push(config.theme!.style.answer), ''),
    };
    const ask = askWith(prompts, 40);
    await ask.select({ message: 'Which route will you take?', choices: [{ value: 'a', name: 'A' }] });
    await ask.checkbox({ message: 'Which?', choices: [{ value: 'a', name: 'A' }] });
    await ask.input({ message: 'A name:' });
    expect(answers.map((answer) => plain(answer('a name of twenty-one')))).toEqual([
      '\n  a name of twenty-one',
      'a name of twenty-one',
      'a name of twenty-one',
    ]);
  });
});

describe('lists fit the terminal height', () => {
  function pageSizes(width: number, rows: number | undefined) {
    const sizes: number[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => (sizes.push(config.pageSize), config.choices[0]!.value),
      checkbox: async (config) => (sizes.push(config.pageSize), []),
      input: async () => '',
    };
    return { ask: askWith(prompts, width, () => rows), sizes };
  }
  const choices = Array.from({ length: 20 }, (_, i) => ({ value: i, name: `Subject ${i}`, description: 'Semester One, 3 credits' }));

  it.each([
    [40, 10, [4, 3]],
    [40, 14, [8, 7]],
    [80, 14, [8, 8]],
    [80, 40, [12, 12]],
    [80, undefined, [12, 12]],
    [40, 5, [1, 1]],
  ])('at %i columns and %s rows: select and checkbox show %j choices', async (width, rows, expected) => {
    const { ask, sizes } = pageSizes(width, rows);
    await ask.select({ message: 'Which subject?', choices });
    await ask.checkbox({ message: 'Which subjects?', choices });
    expect(sizes).toEqual(expected);
  });

  it('choices without descriptions still leave the blank line inquirer draws under the list', async () => {
    // At 40 x 10: the question, 4 choices, the blank line, 2 for a refusal and 2 of keys' help.
    const { ask, sizes } = pageSizes(40, 10);
    await ask.checkbox({ message: 'Which subjects?', choices: choices.map(({ value, name }) => ({ value, name })) });
    expect(sizes).toEqual([4]);
  });

  it('a question that wraps leaves fewer rows for the list', async () => {
    const { ask, sizes } = pageSizes(40, 14);
    await ask.select({ message: 'Which of these subjects will you take in the first semester of your second year?', choices });
    expect(sizes[0]).toBeLessThan(8);
  });
});

describe('a refusal fits beside its "> " mark', () => {
  it.each([40, 80])('at %i columns it is broken between words', async (width) => {
    const verdicts: (true | string)[] = [];
    const prompts: PromptFunctions = {
      select: async (config) => config.choices[0]!.value,
      checkbox: async (config) => (verdicts.push(config.validate!([])), []),
      input: async (config) => (verdicts.push(await config.validate!('')), ''),
    };
    const ask = askWith(prompts, width);
    const refusal = 'Choose at least 2 subjects (0 chosen so far); a checklist asks for what its requirement still misses.';
    await ask.checkbox({ message: 'Which?', choices: [{ value: 'a', name: 'A' }], validate: () => refusal });
    await ask.input({ message: 'Name?', validate: () => refusal });
    for (const verdict of verdicts) {
      const lines = String(verdict).split('\n');
      expect(lines.every((line) => line.length <= width - 2 || line.startsWith('  '))).toBe(true);
      expect(lines.every((line) => line.length <= width)).toBe(true);
      expect(String(verdict).replace(/\s+/g, ' ')).toBe(refusal);
    }
  });
});
