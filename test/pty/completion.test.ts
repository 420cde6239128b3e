import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeTempDir, runCli } from '../support/run-process.js';
import { spawnInTerminal, tempStore } from './terminal.js';

// Completion as a person meets it: an interactive bash with the script sourced, TAB pressed, and
// the line read back from the screen. bash quotes what it inserts by itself, as the word is being
// typed (a backslash before each space, or nothing inside the quotes the word opened): the script
// must not quote it as well, or a name comes back with its backslashes doubled and is not found.
describe('bash completion, pressing TAB', () => {
  it.each([
    ['a saved plan, unquoted', 'study-planner plans show Sec', 'study-planner plans show Second\\ year '],
    ['a saved plan, in double quotes', 'study-planner plans show "Sec', 'study-planner plans show "Second year" '],
    [
      'a subject title, after a backslash',
      'study-planner plan --elective Health\\ Ca',
      'study-planner plan --elective Health\\ Care\\ Ethics ',
    ],
    [
      'a subject title, in single quotes',
      "study-planner plan --elective 'Health Ca",
      "study-planner plan --elective 'Health Care Ethics' ",
    ],
    [
      'a title with an ampersand',
      'study-planner plan --core Machine',
      'study-planner plan --core Machine\\ Learning\\ \\&\\ Data\\ Analytics ',
    ],
    ['a file', 'study-planner check examples/dis', 'study-planner check examples/dissertation.json '],
  ])('%s', async (_what, typed, completed) => {
    const storeDir = tempStore();
    expect(
      (await runCli(['plans', 'import', path.join('examples', 'dissertation.json'), '--name', 'Second year'], { storeDir })).code,
    ).toBe(0);
    const bin = makeTempDir();
    fs.writeFileSync(path.join(bin, 'study-planner'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const shell = spawnInTerminal(['--norc', '--noprofile', '-i'], {
      storeDir,
      file: 'bash',
      env: { PATH: `${bin}:${process.env.PATH}`, PS1: 'READY> ' },
    });
    await shell.waitFor('READY> ');
    shell.press('source <(study-planner completion bash)\r');
    await shell.waitFor('READY> ');
    shell.press(`${typed}\t`);
    // The line as TAB left it (waitFor fails unless it shows exactly that); the shell is then ended
    // with the test.
    await shell.waitFor(completed);
  });
});
