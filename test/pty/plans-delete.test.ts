import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-process.js';
import { spawnInTerminal, tempStore } from './terminal.js';

const SEEDED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'store', 'three-plans.json'), 'utf8');
const storedNames = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8')).plans.map((p: { name: string }) => p.name);

describe('plans delete in a real terminal', () => {
  it.runIf(process.platform !== 'win32')('the question is asked and "y" deletes', async () => {
    const dir = tempStore();
    fs.writeFileSync(path.join(dir, 'store.json'), SEEDED);
    const terminal = spawnInTerminal(['plans', 'delete', 'Coursework'], { storeDir: dir, env: { NO_COLOR: '1' } });
    await terminal.waitFor('Delete the saved plan "Coursework"? This cannot be undone.');
    terminal.press('y', '\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Deleted the saved plan "Coursework".');
    expect(storedNames(dir)).toEqual(['Dissertation route', 'Unfinished']);
  });

  it.runIf(process.platform !== 'win32')('at 40 columns the question breaks between words, "(y/N)" and the answer beside it', async () => {
    const dir = tempStore();
    fs.writeFileSync(path.join(dir, 'store.json'), SEEDED);
    const terminal = spawnInTerminal(['plans', 'delete', 'Coursework'], { storeDir: dir, cols: 40, env: { NO_COLOR: '1' } });
    await terminal.waitFor('(y/N)');
    terminal.press('n', '\r');
    expect(await terminal.exited).toBe(0);
    const screen = terminal.screen();
    expect(screen).toMatch(/\? Delete the saved plan "Coursework"\?\s*\n {2}This cannot be undone\. \(y\/N\)/);
    expect(screen).toMatch(/\n {2}This cannot be undone\. No/);
    expect(screen).toContain('Nothing was deleted.');
    expect(storedNames(dir).sort()).toEqual(['Coursework', 'Dissertation route', 'Unfinished']);
  });
});
