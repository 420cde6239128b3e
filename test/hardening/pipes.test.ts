// Output into a pipe whose reader goes away (`| head -1`) ends quietly: no EPIPE error, no stack,
// exit 0; and a long `check --json` streams its array, waiting for a slow reader rather than
// holding the output in memory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/cli/commands/check.js';
import { makeContext } from '../../src/cli/make-context.js';
import { BIN, makeTempDir, ROOT, runMeasured } from './cli.js';
import { generateCatalogue } from './generated-programme.mjs';

/** Runs `node bin/study-planner ARGS | head ...` in bash: the program's exit status, its stderr, what head printed. */
function intoHead(args: readonly string[], headArgs: readonly string[], cwd = ROOT) {
  const dir = makeTempDir();
  const script = `"$NODE" "$BIN" "$@" 2>"$DIR/stderr" | head ${headArgs.join(' ')} > "$DIR/stdout"; echo "\${PIPESTATUS[0]}" > "$DIR/status"`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE: process.execPath, BIN, DIR: dir, NO_COLOR: '1', STUDY_PLANNER_STORE_DIR: dir };
  delete env.NODE_OPTIONS;
  execFileSync('bash', ['-c', script, 'bash', ...args], { cwd, env, timeout: 60_000 });
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  return { status: Number(read('status')), stderr: read('stderr'), stdout: read('stdout') };
}

function writePlans(dir: string, count: number): string[] {
  const plan = fs.readFileSync(path.join(ROOT, 'examples', 'dissertation.json'));
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `${i}.json`);
    fs.writeFileSync(file, plan);
    return file;
  });
}

describe('a closed pipe', () => {
  it('study-planner subjects | head -1: the header, and a quiet exit 0', () => {
    const result = intoHead(['subjects'], ['-1']);
    expect(result.stdout).toMatch(/^Identifier\s+Code\s+Title/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a table far larger than the pipe holds (2,000 subjects) | head -1: quiet, exit 0', () => {
    const dir = makeTempDir();
    const catalogue = path.join(dir, 'large.json');
    fs.writeFileSync(catalogue, JSON.stringify(generateCatalogue(2000)));
    const result = intoHead(['--catalogue', catalogue, 'subjects'], ['-1']);
    expect(result.stdout).toMatch(/^Identifier/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('check --json of 2,000 files | head -c 100: quiet, exit 0', () => {
    const dir = makeTempDir();
    const files = writePlans(dir, 2000).map((f) => path.basename(f));
    const result = intoHead(['check', '--json', ...files], ['-c', '100'], dir);
    expect(result.stdout).toHaveLength(100);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('check --json streams', () => {
  it('writes the array as it goes, and waits for a slow reader instead of holding the output', async () => {
    const dir = makeTempDir();
    const files = writePlans(dir, 2000);
    const chunks: string[] = [];
    let mostQueued = 0;
    // A reader slower than the program: each chunk takes a turn of the event loop to be taken.
    const stdout = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        setImmediate(done);
      },
    });
    const write = stdout.write.bind(stdout);
    stdout.write = ((chunk: string) => {
      const accepted = write(chunk);
      mostQueued = Math.max(mostQueued, stdout.writableLength);
      return accepted;
    }) as typeof stdout.write;
    const io = { stdout, stderr: new Writable({ write: (_c, _e, done) => done() }), stdin: process.stdin, env: {} };
    const outcome = await check(makeContext(io, { json: true }), files);
    await new Promise((resolve) => stdout.end(resolve));
    expect(outcome).toBe('success');
    const text = chunks.join('');
    const results = JSON.parse(text) as { file: string; valid: boolean }[];
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.every((r) => r.valid)).toBe(true);
    // About 2 MB of output, in many writes, never more than a write or two queued at once.
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(chunks.length).toBeGreaterThan(20);
    expect(mostQueued).toBeLessThan(256 * 1024);
  });

  it('2,000 files in one call: peak memory close to that of one file', async () => {
    const dir = makeTempDir();
    const files = writePlans(dir, 2000).map((f) => path.basename(f));
    const one = await runMeasured(['check', '--json', files[0]!], { cwd: dir });
    const many = await runMeasured(['check', '--json', ...files], { cwd: dir });
    expect(many.code).toBe(0);
    expect((JSON.parse(many.stdout) as unknown[]).length).toBe(2000);
    expect(many.peakMiB - one.peakMiB, `${many.peakMiB} MiB for 2,000 files, ${one.peakMiB} MiB for one`).toBeLessThan(48);
  });
});
