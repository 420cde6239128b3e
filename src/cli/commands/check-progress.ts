import type { Output } from '../context.js';

/** The clock and the timer the progress line runs on, passed in so a test can drive them without sleeping. */
export interface ProgressClock {
  /** Milliseconds from any fixed start. */
  now(): number;
  /** Calls `fire` once after `ms` milliseconds; the function returned cancels it. */
  after(ms: number, fire: () => void): () => void;
}

export const realClock: ProgressClock = {
  now: () => performance.now(),
  after: (ms, fire) => {
    const timer = setTimeout(fire, ms);
    // A pending progress line must never keep the process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

// A check that ends within a second shows nothing; redrawing more often than this only flickers.
export const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export interface ProgressLine {
  /** `done` files are checked: drawn once the run has lasted a second, then at most every 100 ms. */
  update(done: number): void;
  /** Takes the line off the screen so other output can be written; the next update draws it again. */
  clear(): void;
  /** Clears the line for good and stops its timer. */
  end(): void;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * "checked 3,200 of 10,000 files...", on one line of `stream` rewritten in place with \r (no
 * escape sequences, so any terminal shows it). Only a terminal gets one: a file or a pipe would
 * keep every redraw.
 */
export function progressLine(stream: Output, total: number, clock: ProgressClock): ProgressLine {
  if (stream.isTTY !== true) return { update: () => {}, clear: () => {}, end: () => {} };
  const started = clock.now();
  let done = 0;
  let due = false;
  let drawnAt = -Infinity;
  // Columns the line now covers on screen: 0 when it is not shown.
  let shown = 0;
  const draw = () => {
    const text = `checked ${count(done)} of ${count(total)} files...`;
    stream.write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}`);
    shown = text.length;
    drawnAt = clock.now();
  };
  const clear = () => {
    if (shown === 0) return;
    stream.write(`\r${' '.repeat(shown)}\r`);
    shown = 0;
  };
  // The timer covers a wait between batches (a slow reader of stdout); update covers a busy run.
  const cancel = clock.after(SHOW_AFTER_MS, () => {
    due = true;
    draw();
  });
  return {
    update(checked) {
      done = checked;
      const now = clock.now();
      if (!due && now - started >= SHOW_AFTER_MS) due = true;
      // Once every file is checked there is nothing left to wait for: no line to flash up.
      if (due && done < total && (shown === 0 || now - drawnAt >= REDRAW_EVERY_MS)) draw();
    },
    clear,
    end() {
      cancel();
      clear();
    },
  };
}
