/**
 * How many cases a slow property test tries: a light run in the fast tier (`npm run test:fast`,
 * meant to take seconds), the full number in the "deep" project that `npm test` also runs
 * (vitest.config.ts sets PROPERTY_DEPTH there).
 */
export function propertyRuns(full: number, light = Math.max(25, Math.round(full / 4))): number {
  return process.env.PROPERTY_DEPTH === 'deep' ? full : light;
}
