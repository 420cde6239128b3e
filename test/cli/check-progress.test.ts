import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/cli/commands/check.js';
import { progressLine, type ProgressClock } from '../../src/cli/commands/check-progress.js';
import type { Io } from '../../src/cli/context.js';
import { makeContext } from '../../src/cli/make-context.js';
import { makeTempDir, ROOT, runInProcess } from '../support/run-in-process.js';

const EXAMPLE = path.join(ROOT, 'examples', 'dissertation.json');

/** `n` copies of a valid plan file. */
function plans(n: number): string[] {
  const dir = makeTempDir();
  const text = fs.readFileSync(EXAMPLE);
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(dir, `plan-${i}.json`);
    fs.writeFileSync(file, text);
    return file;
  });
}

/** A clock that moves on `step` ms each time it is read, and a timer that fires only when the test says. */
function fakeClock(step: number) {
  let time = 0;
  const timers: { fire: () => void; cancelled: boolean }[] = [];
  const clock: ProgressClock = {
    now: () => (time += step),
    after: (_ms, fire) => {
      const timer = { fire, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  };
  return { clock, timers };
}

/** Both streams, in the order written, each marked as a terminal or not. */
function streams({ outTTY, errTTY }: { outTTY: boolean; errTTY: boolean }) {
  const log: { stream: 'out' | 'err'; text: string }[] = [];
  const sink = (stream: 'out' | 'err', isTTY: boolean) =>
    Object.assign(new Writable({ write: (chunk, _e, done) => void (log.push({ stream, text: String(chunk) }), done()) }), {
      isTTY,
      columns: 80,
    });
  const io: Io = {
    stdout: sink('out', outTTY),
    stderr: sink('err', errTTY),
    stdin: new PassThrough().end(''),
    env: { STUDY_PLANNER_STORE_DIR: makeTempDir(), NO_COLOR: '1' },
  };
  const text = (stream: 'out' | 'err') =>
    log
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('');
  return { io, log, text };
}

/** What a terminal's last line shows after `written`: \r goes back to its start, later text overwrites. */
function lastLine(written: string): string {
  const line = written.slice(written.lastIndexOf('\n') + 1);
  let shown = '';
  for (const part of line.split('\r')) shown = part + shown.slice(part.length);
  return shown.trimEnd();
}

describe('check shows its progress on a terminal', () => {
  it('after a second, updated in place on stderr, and cleared at the end', async () => {
    const files = plans(450);
    const { clock } = fakeClock(400);
    const { io, text } = streams({ outTTY: false, errTTY: true });
    expect(await check(makeContext(io, {}), files, clock)).toBe('success');
    const err = text('err');
    expect(err).not.toContain('\n');
    // The clock reads 400 ms later each time: the first two batches end within the first second.
    expect(err).not.toMatch(/checked [12]00 /);
    expect(err).toContain('\rchecked 300 of 450 files...');
    expect(err).toContain('\rchecked 400 of 450 files...');
    expect(lastLine(err)).toBe('');
    // The results are untouched by it.
    expect(text('out')).not.toContain('checked 1');
    expect(text('out')).toContain('450 plans checked: 450 valid, 0 invalid, 0 could not be read.');
  });

  it('shows nothing for a run that ends within a second', async () => {
    const { clock } = fakeClock(0);
    const { io, text } = streams({ outTTY: false, errTTY: true });
    expect(await check(makeContext(io, {}), plans(250), clock)).toBe('success');
    expect(text('err')).toBe('');
  });

  it('never when stderr is not a terminal', async () => {
    const { clock, timers } = fakeClock(400);
    const { io, text } = streams({ outTTY: true, errTTY: false });
    expect(await check(makeContext(io, { json: true }), plans(250), clock)).toBe('success');
    expect(text('err')).toBe('');
    expect(timers).toEqual([]);
    expect(JSON.parse(text('out'))).toHaveLength(250);
  });

  it('takes the line away before results are written to the same screen', async () => {
    const { clock } = fakeClock(400);
    const { io, log, text } = streams({ outTTY: true, errTTY: true });
    expect(await check(makeContext(io, {}), plans(350), clock)).toBe('success');
    let shown = '';
    let drawn = 0;
    for (const { stream, text: written } of log) {
      if (stream === 'err') {
        shown = lastLine(shown + written);
        if (shown !== '') drawn++;
      } else expect(shown, 'the progress line is cleared before stdout is written').toBe('');
    }
    expect(drawn).toBeGreaterThan(0);
    expect(lastLine(text('err'))).toBe('');
  });

  it('its timer draws the line while the run waits, redraws at most every 100 ms, and is cancelled at the end', () => {
    let time = 0;
    const timers: { ms: number; fire: () => void; cancelled: boolean }[] = [];
    const clock: ProgressClock = {
      now: () => time,
      after: (ms, fire) => {
        const timer = { ms, fire, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
    };
    let written = '';
    const stream = Object.assign(new Writable({ write: (chunk, _e, done) => void ((written += String(chunk)), done()) }), { isTTY: true });
    const line = progressLine(stream, 10_000, clock);
    line.update(3200);
    expect(written).toBe('');
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    time = 1000;
    timers[0]!.fire();
    expect(lastLine(written)).toBe('checked 3,200 of 10,000 files...');
    line.update(3300);
    expect(lastLine(written)).toBe('checked 3,200 of 10,000 files...');
    time = 1100;
    line.update(3400);
    expect(lastLine(written)).toBe('checked 3,400 of 10,000 files...');
    line.end();
    expect(lastLine(written)).toBe('');
    expect(timers[0]!.cancelled).toBe(true);
  });
});

describe('check - at a terminal', () => {
  it('says on stderr that it is reading a plan from standard input, and how to end it', async () => {
    const plan = fs.readFileSync(EXAMPLE, 'utf8');
    const atTerminal = await runInProcess(['check', '-'], { isTTY: true, stdin: plan, env: { NO_COLOR: '1' } });
    expect(atTerminal.code).toBe(0);
    // One sentence, wrapped to the terminal's 80 columns.
    expect(atTerminal.stderr).toBe(
      'Reading a plan from standard input: type or paste it, then press Ctrl-D on a\nline of its own to end it.\n',
    );
    expect(atTerminal.stdout).toContain('standard input: ✔ valid');
    const piped = await runInProcess(['check', '-'], { stdin: plan });
    expect(piped).toMatchObject({ code: 0, stderr: '' });
  });

  it('with files before standard input, their results are written before it is read', async () => {
    let out = '';
    let outWhenRead: string | undefined;
    const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => void ((out += String(chunk)), done()) }), {
      isTTY: true,
      columns: 80,
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    stdin.end(fs.readFileSync(EXAMPLE));
    const read = stdin.read.bind(stdin);
    stdin.read = (size?: number) => {
      outWhenRead ??= out;
      return read(size);
    };
    const io: Io = { stdout, stderr, stdin, env: { NO_COLOR: '1' } };
    const outcome = await check(makeContext(io, { color: false }), ['examples/coursework.json', '-', 'examples/incomplete.json']);
    expect(outcome).toBe('invalid');
    expect(outWhenRead).toContain('examples/coursework.json: ✔ valid');
    expect(out).toContain('standard input: ✔ valid');
    expect(out).toContain('examples/incomplete.json: ✖ invalid');
  });
});
