import type { Writable } from 'node:stream';

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
