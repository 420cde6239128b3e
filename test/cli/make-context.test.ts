import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { outputWidth } from '../../src/cli/io/output-width.js';
import { PassThrough } from 'node:stream';

// An Io whose stdin says when it is touched: making the stream costs a start-up about 3 ms.
function io(stdinTty: boolean, stdoutTty: boolean) {
  let stdinRead = 0;
  const output = { isTTY: stdoutTty, columns: 80, write: () => true };
  const value: Io = {
    stdout: output as unknown as Io['stdout'],
    stderr: { isTTY: false, write: () => true } as unknown as Io['stderr'],
    get stdin() {
      stdinRead++;
      return { isTTY: stdinTty } as unknown as Io['stdin'];
    },
    env: {},
  };
  return { value, reads: () => stdinRead };
}

describe('the context asks stdin whether it is a terminal only when a command asks', () => {
  it('making the context does not touch stdin', () => {
    const { value, reads } = io(true, true);
    makeContext(value, {});
    expect(reads()).toBe(0);
  });

  it.each([
    { stdin: true, stdout: true, options: {}, interactive: true, touched: true },
    { stdin: false, stdout: true, options: {}, interactive: false, touched: true },
    { stdin: true, stdout: false, options: {}, interactive: false, touched: false },
    { stdin: true, stdout: true, options: { json: true }, interactive: false, touched: false },
    { stdin: true, stdout: true, options: { input: false }, interactive: false, touched: false },
  ])('stdin $stdin, stdout $stdout, $options: interactive $interactive', ({ stdin, stdout, options, interactive, touched }) => {
    const { value, reads } = io(stdin, stdout);
    expect(makeContext(value, options).interactive).toBe(interactive);
    expect(reads() > 0).toBe(touched);
  });
});

describe('the width', () => {
  const piped = (COLUMNS: string | undefined) =>
    outputWidth({ stdout: Object.assign(new PassThrough(), { isTTY: false }), env: COLUMNS === undefined ? {} : { COLUMNS } });
  it.each([
    [undefined, 80],
    ['60', 60],
    ['10', 40],
    ['400', 400],
    ['100000', 400],
    ['99999999999999999999', 400],
    ['wide', 80],
    ['-5', 80],
  ])('piped with COLUMNS=%s is %i columns: the terminal, else COLUMNS, else 80, kept within 40 to 400', (columns, width) => {
    expect(piped(columns)).toBe(width);
  });
});
