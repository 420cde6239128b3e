import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { askWith, keysHelpTip, type PromptFunctions } from '../../src/cli/prompts/ask.js';

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
