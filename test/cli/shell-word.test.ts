import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameArgument, shellWord } from '../../src/cli/render/shell-word.js';
import { statusText } from '../../src/cli/render/status.js';

describe('shellWord', () => {
  it.each([
    ['plan.json', 'plan.json'],
    ['examples/dissertation.json', 'examples/dissertation.json'],
    ['my plan', "'my plan'"],
    ['my  plan', "'my  plan'"],
    ["Tom's plan", "'Tom'\\''s plan'"],
    ['$HOME plan', "'$HOME plan'"],
    ['say "hi"', `'say "hi"'`],
    ['', "''"],
    ['=ls', "'=ls'"],
    ['a=b', 'a=b'],
  ])('%j is written %s', (text, word) => {
    expect(shellWord(text)).toBe(word);
  });

  it('sh reads back exactly the text, whatever it holds', () => {
    // One shell for many texts: each word echoed on a line of its own, NUL-free and newline-free.
    const text = fc.string({ unit: 'binary', maxLength: 20 }).filter((t) => !t.includes('\0') && !t.includes('\n'));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), (texts) => {
        const script = texts.map((t) => `printf '%s\\n' ${shellWord(t)}`).join('\n');
        const echoed = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
        expect(echoed).toBe(texts.map((t) => `${t}\n`).join(''));
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    ['my plan', "'my plan'"],
    ['-x', '-- -x'],
    ['--force', '-- --force'],
    ['-', '-'],
  ])('%j as the last argument of a command: %s', (name, argument) => {
    expect(nameArgument(name)).toBe(argument);
  });
});

describe('a status with a command to copy, at any width', () => {
  it('breaks the command between shell words with " \\", never inside a quoted name', () => {
    expect(statusText({ said: 'Saved.', command: 'study-planner plans show part-time-dissertation' }, 40)).toBe(
      'Saved.\n  study-planner plans show \\\n    part-time-dissertation\n',
    );
    expect(statusText({ said: 'Saved.', command: `study-planner plans show ${shellWord('My full-time plan')}` }, 40)).toBe(
      "Saved.\n  study-planner plans show \\\n    'My full-time plan'\n",
    );
    // At 80 columns it is one line, as before.
    expect(statusText({ said: 'Saved.', command: 'study-planner plans show part-time-dissertation' }, 80)).toBe(
      'Saved.\n  study-planner plans show part-time-dissertation\n',
    );
  });

  it('sh reads the lines, pasted, as the same words, whatever the name and the width', () => {
    const name = fc.string({ unit: 'binary', maxLength: 30 }).filter((t) => !t.includes('\0') && !t.includes('\n'));
    fc.assert(
      fc.property(name, fc.integer({ min: 40, max: 80 }), (text, width) => {
        const lines = statusText({ said: 'Saved.', command: `printf %s\\\\n plans show ${nameArgument(text)}` }, width)
          .split('\n')
          .slice(1);
        const echoed = execFileSync('sh', ['-c', lines.join('\n')], { encoding: 'utf8' });
        expect(echoed).toBe(['plans', 'show', ...(text.startsWith('-') && text !== '-' ? ['--'] : []), text].map((w) => `${w}\n`).join(''));
      }),
      { numRuns: 40 },
    );
  });
});

describe('a command with a quote left open', () => {
  it('is never broken: its words cannot be told apart safely', () => {
    expect(statusText({ said: 'x', command: `study-planner plans show it's a very long name indeed, longer than forty` }, 40)).toBe(
      `x\n  study-planner plans show it's a very long name indeed, longer than forty\n`,
    );
  });
});
