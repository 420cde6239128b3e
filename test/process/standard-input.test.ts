import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-process.js';

// `check -` reads a plan from standard input: here a real pipe into a process of its own, read
// through its file descriptor (src/cli/io/stdin.ts), as a script's pipeline feeds it.

describe.concurrent('check - (standard input)', () => {
  it('- reads one plan from standard input', async () => {
    const plan = fs.readFileSync(path.join(ROOT, 'examples/dissertation.json'));
    const human = await runCli(['check', '-'], { stdin: plan });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('standard input: ✔ valid');
    const json = await runCli(['check', '--json', '-', 'examples/incomplete.json'], { stdin: plan });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).map((x: any) => [x.file, x.valid])).toEqual([
      ['-', true],
      ['examples/incomplete.json', false],
    ]);
  });

  it('- with something that is not a plan: MALFORMED, exit 2', async () => {
    const r = await runCli(['check', '--json', '-'], { stdin: 'not json' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ file: '-', valid: false, errors: [{ code: 'MALFORMED' }] });
    const human = await runCli(['check', '-'], { stdin: '' });
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('standard input is empty');
  });

  it('- named twice is a usage error', async () => {
    const r = await runCli(['check', '-', '-'], { stdin: '{}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input (-) holds one plan');
  });
});
