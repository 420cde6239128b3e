import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-process.js';
import { spawnInTerminal, tempStore, words } from './terminal.js';

const PLAN = fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'), 'utf8');
const CTRL_D = '\x04';

describe('check in a real terminal', () => {
  it.runIf(process.platform !== 'win32')(
    'check - says it is reading standard input; a run past a second shows its progress on the screen, then clears it',
    async () => {
      const dir = tempStore();
      const files = Array.from({ length: 200 }, (_, i) => {
        const file = path.join(dir, `plan-${i}.json`);
        fs.writeFileSync(file, PLAN);
        return file;
      });
      // Standard input comes first: the run waits on it past the first second, however fast the machine.
      const terminal = spawnInTerminal(['check', '-', ...files], { storeDir: dir, cols: 100, env: { NO_COLOR: '1' } });
      await terminal.waitFor(
        words('Reading a plan from standard input: type or paste it, then press Ctrl-D on a line of its own to end it.'),
      );
      await sleep(1200);
      terminal.press(`${PLAN.trim()}\n`, CTRL_D);
      expect(await terminal.exited).toBe(0);
      const raw = terminal.raw();
      expect(raw).toContain('standard input: ✔ valid');
      expect(raw).toMatch(/\rchecked 100 of 201 files\.\.\./);
      // The last progress line is rubbed out before the summary is written.
      const last = raw.lastIndexOf('checked ');
      const after = raw.slice(last);
      expect(after).toMatch(/^checked [\d,]+ of 201 files\.\.\. *\r {20,}\r/);
      expect(after).toContain('201 plans checked: 201 valid, 0 invalid, 0 could not be read.');
    },
  );
});
