import type { Writable } from 'node:stream';

/** Collects small writes into large ones: thousands of reports become a few dozen writes. */
export function bufferedOutput(write: (text: string) => void, limit = 64 * 1024) {
  let buffer = '';
  return {
    write(text: string) {
      buffer += text;
      if (buffer.length >= limit) this.flush();
    },
    flush() {
      if (buffer !== '') write(buffer);
      buffer = '';
    },
  };
}

/**
 * Resolves once `stream` can take more output. A pipe into a slower reader queues every write in
 * memory, so a long run waits here rather than holding its whole output; a stream that closes or
 * fails (a reader that went away) ends the wait too.
 */
export function drained(stream: Partial<Writable>): Promise<void> {
  if (stream.destroyed === true || stream.writableNeedDrain !== true || typeof stream.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) stream.off?.(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) stream.once!(event, done);
  });
}
