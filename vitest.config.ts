import { defineConfig } from 'vitest/config';

// Two tiers. "fast" runs the domain, the prompts and the commands in this process, on the
// TypeScript sources (`npm run test:fast`). "slow" runs what needs a real process of the built
// program: exit codes, signals, pipes, a pseudo-terminal, the hardening runs and the kill loops.
// `npm test` runs both.
const SLOW = [
  'test/process/**/*.test.ts',
  'test/pty/**/*.test.ts',
  'test/hardening/**/*.test.ts',
  // These spawn the built program for some of their cases: here until those move to test/process/.
  'test/cli/config.test.ts',
  'test/cli/completion.test.ts',
];

// Property tests whose full number of cases is too slow for the fast tier.
const DEEP = [
  'test/prompts/planner-property.test.ts',
  'test/domain/engine-property.test.ts',
  'test/domain/engine-v2-property.test.ts',
  'test/schedule/bills.property.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Both cores of the machines here (the default leaves one idle); set for every project at once.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      // Its files share one module graph per worker thread: importing the sources once instead of
      // once per file halves the tier's time. A test that changes something global restores it.
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, pool: 'threads', isolate: false },
      },
      // The slow tier runs dist/: it is rebuilt first whenever src/ or data/ changed since.
      { extends: true, test: { name: 'slow', include: SLOW, globalSetup: ['test/support/fresh-build.ts'] } },
      // The property tests that the fast tier runs light (test/support/property-runs.ts), in full.
      { extends: true, test: { name: 'deep', include: DEEP, env: { PROPERTY_DEPTH: 'deep' } } },
    ],
  },
});
