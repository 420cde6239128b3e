import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KEY, spawnInTerminal, tempStore } from './terminal.js';

// The planner in a real terminal on a file system that takes no more (ulimit -f 0): the draft
// cannot be saved after an answer. The session must go on (saying so once), and the process must
// not be ended later by SIGXFSZ, whose default ends a process that writes past the limit.
describe('the planner on a full file system', () => {
  test('goes on after a draft cannot be saved, and Ctrl-C then says nothing was kept', async () => {
    const storeDir = tempStore();
    const t = spawnInTerminal(['plan'], { storeDir, cols: 80, fileBlocks: 0 });
    await t.waitFor('Are you a local or a non-local student?');
    t.press(KEY.enter);
    const warned = await t.waitFor('How will you study?');
    expect(warned.replace(/\s+/g, ' ')).toContain('the file would pass the size limit for files; nothing was changed.');
    t.press(KEY.enter);
    await t.waitFor('Choose at least 2 core subjects');
    // The answers went on; a little later the program is still there to take Ctrl-C.
    await new Promise((resolve) => setTimeout(resolve, 500));
    t.press(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const screen = t.screen().replace(/\s+/g, ' ');
    expect(screen).toContain('Stopped. No draft could be saved, so nothing was kept.');
    expect(screen.match(/size limit for files/g)).toHaveLength(1);
    expect(fs.readdirSync(storeDir)).toEqual([]);
  });
});
