import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameArgument, shellWord } from '../../src/cli/render/shell-word.js';

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
