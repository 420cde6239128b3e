import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../support/run-in-process.js';

/**
 * Every example in the README that shows a command and what it prints ("$ study-planner ..."
 * followed by output lines, up to the end of its block) is run, and must print exactly that.
 */
function examples(markdown: string): { command: string; args: string[]; output: string }[] {
  const found: { command: string; args: string[]; output: string }[] = [];
  for (const block of markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const lines = block[1]!.split('\n');
    lines.forEach((line, i) => {
      const command = /^\$ study-planner (.*)$/.exec(line);
      if (!command) return;
      const rest = lines.slice(i + 1);
      const end = rest.findIndex((l) => l.startsWith('$ '));
      const output = (end === -1 ? rest : rest.slice(0, end)).join('\n').replace(/\n*$/, '\n');
      if (output.trim() === '') return;
      found.push({ command: command[1]!, args: command[1]!.split(' '), output });
    });
  }
  return found;
}

describe('the README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const cases = examples(readme);

  it('has examples with their output', () => {
    expect(cases.map((c) => c.command)).toEqual(['check examples/dissertation.json', 'fees --residency local --json']);
  });

  it.each(cases)('$ study-planner $command prints what the README shows', async ({ args, output }) => {
    const result = await runInProcess(args, { env: { COLUMNS: '80' } });
    expect(result.stdout).toBe(output);
  });

  it('stays short: the depth is in docs/', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(8 * 1024);
    for (const link of readme.matchAll(/\]\((docs\/[^)]+)\)/g)) expect(fs.existsSync(path.join(ROOT, link[1]!)), link[1]).toBe(true);
  });
});
