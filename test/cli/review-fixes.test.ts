import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, ROOT, runCli, runInTerminal } from './run-cli.js';

const PLAN = ['plan', '--no-input', '--residency', 'local', '--mode', 'part-time', '--core', 'Epidemiology', 'LGT5037',
  '--elective', 'COMP5434', 'APSS6403', '--route', 'dissertation'];

describe('behaviour a script relies on', () => {
  it('plan --name will not replace a saved plan without --force', async () => {
    const storeDir = makeTempDir();
    expect((await runCli([...PLAN, '--name', 'Mine'], { storeDir })).code).toBe(0);
    const again = await runCli([...PLAN, '--fellowship', '--name', 'Mine'], { storeDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a plan named "Mine" is already saved; pass --force');
    expect(JSON.parse((await runCli(['plans', 'export', 'Mine'], { storeDir })).stdout).fellowship).toBe(false);
    expect((await runCli([...PLAN, '--fellowship', '--name', 'Mine', '--force'], { storeDir })).code).toBe(0);
    expect(JSON.parse((await runCli(['plans', 'export', 'Mine'], { storeDir })).stdout).fellowship).toBe(true);
  });

  it('a scripted plan leaves another session\'s draft alone', async () => {
    const storeDir = makeTempDir();
    const draft = { catalogue: 'polyu-msc-health-informatics-2024', residency: 'non-local', updatedAt: '2026-11-25T10:00:00.000Z' };
    fs.writeFileSync(path.join(storeDir, 'store.json'), JSON.stringify({ version: 1, defaults: {}, plans: [], draft }));
    expect((await runCli([...PLAN, '--name', 'Scripted'], { storeDir })).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')).draft).toEqual(draft);
  });

  it('compare finds a saved plan ignoring case, as plans does', async () => {
    const storeDir = makeTempDir();
    expect((await runCli([...PLAN, '--name', 'Mine'], { storeDir })).code).toBe(0);
    const result = await runCli(['compare', 'MINE', path.join(ROOT, 'examples', 'coursework.json'), '--json'], { storeDir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
  });

  it('plans export --format md --json prints JSON only, the report inside it', async () => {
    const storeDir = makeTempDir();
    expect((await runCli([...PLAN, '--name', 'Mine'], { storeDir })).code).toBe(0);
    const result = await runCli(['plans', 'export', 'Mine', '--format', 'md', '--json'], { storeDir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ name: 'Mine', format: 'md' });
    expect(json.text).toContain('# Study plan: Mine');
  });

  it('the initial payment is the registration credits\' fee, as the contract says, even for a few credits; it is never refunded', async () => {
    const result = await runCli(['fees', '--residency', 'non-local', '--credits', '3', '--json']);
    // Issue 8 (point 5): payable is never below the initial payment, which PolyU does not refund.
    expect(JSON.parse(result.stdout)).toMatchObject({ credits: 3, chargedCredits: 3, tuition: 17_250, initialPayment: 34_500, payable: 34_500 });
  });

  it('--credits too large says so', async () => {
    const result = await runCli(['fees', '--residency', 'local', '--credits', '99999']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('more than any programme asks');
  });

  it('--json in a terminal never asks: a missing residency is an error naming the flag', async () => {
    const result = await runInTerminal(['fees', '--json']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--residency is required when not running interactively');
    expect(result.output).not.toContain('local or a non-local');
  });
});
