import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeJson, safeLine, safeText } from '../../src/cli/render/sanitize.js';
import { BIN, makeTempDir, ROOT, runCli } from './cli.js';

const PLAN_FLAGS = [
  'plan',
  '--residency',
  'local',
  '--mode',
  'part-time',
  '--core',
  'epidemiology',
  'LGT5037',
  '--elective',
  'Big Data Computing',
  'Health Care Ethics',
  '--route',
  'dissertation',
];

function env(storeDir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, STUDY_PLANNER_STORE_DIR: storeDir };
  delete out.DEBUG;
  return out;
}

/** Runs the program with stdout or stderr on /dev/full, where every write fails with ENOSPC. */
function runIntoFullDisk(args: string[], stream: 'stdout' | 'stderr') {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const stdio: ['ignore', number | 'pipe', number | 'pipe'] = stream === 'stdout' ? ['ignore', full, 'pipe'] : ['ignore', 'pipe', full];
    return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(makeTempDir()), stdio, encoding: 'utf8', timeout: 20_000 });
  } finally {
    fs.closeSync(full);
  }
}

describe('a write to stdout or stderr that fails', () => {
  it.each([[['subjects']], [['fees', '--residency', 'local', '--json']], [['--help']], [['check', 'examples/dissertation.json']]])(
    '%j > /dev/full: exit 2 and one plain line on stderr, no stack trace',
    (args) => {
      const result = runIntoFullDisk(args, 'stdout');
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('study-planner: could not write the output: the disk is full.\n');
    },
  );

  it('check x 2> /dev/full: exit 2 (the work could not be done), never 1 or a crash', () => {
    const result = runIntoFullDisk(['check', 'no-such-file.json'], 'stderr');
    expect(result.status).toBe(2);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  it('a reader that goes away early ends the program quietly with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'subjects'], {
      cwd: ROOT,
      env: { ...env(makeTempDir()), COLUMNS: '80' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('escape sequences and invisible characters from arguments', () => {
  it.each([
    ['an OSC title and an OSC 52 clipboard write in an unknown option', `--\u001b]0;title\u0007\u001b]52;c;ZXZpbA==\u0007.json`],
    ['a right-to-left override', '--\u202eevil.json'],
  ])('%s reach stderr escaped', async (_what, name) => {
    const result = await runCli(['check', name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option');
    expect(result.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it.each([
    ['soft hyphen', '\u00ad'],
    ['Mongolian vowel separator', '\u180e'],
    ['interlinear annotation anchor', '\ufff9'],
    ['interlinear annotation terminator', '\ufffb'],
    ['tag letter A', '\u{e0041}'],
    ['cancel tag', '\u{e007f}'],
    ['inhibit symmetric swapping', '\u206a'],
    ['nominal digit shapes', '\u206f'],
    ['musical symbol begin beam', '\u{1d173}'],
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115f'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['zero-width joiner', '\u200d'],
    ['byte order mark', '\ufeff'],
  ])('the %s is printed as an escape, and JSON keeps its meaning', (_name, char) => {
    const text = `a${char}b`;
    for (const safe of [safeText(text), safeLine(text)]) {
      expect(safe).not.toContain(char);
      expect(safe).toMatch(/^a\\(x|u)/);
    }
    const json = safeJson({ text });
    expect(json).not.toContain(char);
    expect(JSON.parse(json)).toEqual({ text });
  });

  it('leaves ordinary text alone: accents, CJK, emoji', () => {
    const text = 'café 日本語 👍🏽 Ελληνικά';
    expect(safeLine(text)).toBe(text);
  });
});

describe('--out', () => {
  it('never replaces a named pipe, even with --force; the saved plan is still reported', async () => {
    const dir = makeTempDir();
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await runCli([...PLAN_FLAGS, '--name', 'kept', '--out', fifo, '--force'], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is a named pipe, not a regular file');
    expect(result.stderr).toContain('Saved as "kept"');
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory with --force, and leaves it as it was', async () => {
    const dir = makeTempDir();
    const result = await runCli([...PLAN_FLAGS, '--out', dir, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a regular file');
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it.each([
    [
      'a path under a file',
      (dir: string) => {
        fs.writeFileSync(path.join(dir, 'file'), '');
        return path.join(dir, 'file', 'plan.json');
      },
      'part of its path is a file',
    ],
    [
      'a loop of symbolic links',
      (dir: string) => {
        fs.symlinkSync('b', path.join(dir, 'a'));
        fs.symlinkSync('a', path.join(dir, 'b'));
        return path.join(dir, 'a');
      },
      'loop of symbolic links',
    ],
    ['a 300-character name', (dir: string) => path.join(dir, 'x'.repeat(300)), 'the name is too long'],
  ])('into %s: one sentence and exit 2, never an internal error, and the saved plan is reported', async (_what, make, words) => {
    const dir = makeTempDir();
    const result = await runCli([...PLAN_FLAGS, '--name', 'mine', '--out', make(dir), '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain('Saved as "mine"');
    expect(result.stderr).not.toContain('internal error');
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

describe('where the store lives', () => {
  it('ignores a relative XDG_CONFIG_HOME, so every directory finds the same store', async () => {
    const home = makeTempDir();
    const paths = [];
    for (const cwd of [makeTempDir(), makeTempDir()]) {
      const result = await runCli(['config', 'path'], {
        cwd,
        env: { STUDY_PLANNER_STORE_DIR: undefined, XDG_CONFIG_HOME: 'relative/config', HOME: home },
      });
      expect(result.code).toBe(0);
      paths.push(result.stdout.trim());
    }
    expect(paths[0]).toBe(path.join(home, '.config', 'study-planner', 'store.json'));
    expect(paths[1]).toBe(paths[0]);
  });

  it('does not put the store under the current directory when HOME is relative', async () => {
    const cwd = makeTempDir();
    const result = await runCli(['config', 'path'], {
      cwd,
      env: { STUDY_PLANNER_STORE_DIR: undefined, XDG_CONFIG_HOME: undefined, HOME: 'relative-home' },
    });
    if (result.code === 0) expect(path.isAbsolute(result.stdout.trim()) && !result.stdout.trim().startsWith(cwd)).toBe(true);
    else expect(result.stderr).toContain('HOME is "relative-home", not an absolute path');
  });
});

describe('check - on a non-blocking standard input', () => {
  it('waits for the plan without spinning the processor', () => {
    // Python makes the pipe non-blocking before the program starts, then writes after 1.5 s.
    const script = `
import os, subprocess, time, fcntl, resource, sys
r, w = os.pipe()
fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
p = subprocess.Popen([sys.argv[1], sys.argv[2], "check", "-", "--json"], stdin=r, stdout=subprocess.PIPE, cwd=sys.argv[3])
os.close(r)
time.sleep(1.5)
os.write(w, open(sys.argv[4], "rb").read())
os.close(w)
out = p.communicate()[0]
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(p.returncode, u.ru_utime + u.ru_stime)
`;
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, ROOT, path.join(ROOT, 'examples', 'dissertation.json')], {
      encoding: 'utf8',
      env: env(makeTempDir()),
      timeout: 20_000,
    });
    const [code, cpu] = result.stdout.trim().split(' ').map(Number);
    expect(code).toBe(0);
    // A start-up costs about 0.1 to 0.3 s of processor time; a busy wait would cost the whole 1.5 s.
    expect(cpu).toBeLessThan(0.9);
  });
});
