// In-process fuzz of the CLI's input path: thousands of plan and catalogue files, most of them a
// valid file with one thing broken. FUZZ_RUNS scales the number of cases (bench/fuzz-night.mjs
// runs the same cases against dist/ for far longer); FUZZ_SEED replays a run.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/domain/catalogue/validate.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { parsePlan } from '../../src/domain/plan/parse.js';
import { planSchedule } from '../../src/domain/schedule/plan-schedule.js';
import { FileError, parseJson } from '../../src/cli/io/read-file.js';
import { decodeText } from '../../src/cli/io/stdin.js';
import { judgementJson } from '../../src/cli/render/check-json.js';
import { renderJudgement } from '../../src/cli/render/check-report.js';
import { makeStyle } from '../../src/cli/render/style.js';
import { inventedJson, real, realJson } from '../domain/catalogues.js';
import { catalogueCase, planCase } from './generators.mjs';
import { runCase, snapshotPrototypes, type CaseOutcome, type Pipeline } from './pipeline.mjs';

const pipeline: Pipeline = {
  decodeText,
  parseJson,
  FileError,
  parsePlan,
  parseCatalogue,
  judgePlan,
  planSchedule,
  judgementJson,
  renderJudgement,
  makeStyle,
};
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const pristine = snapshotPrototypes();

const tally: Record<string, number> = {};
let cases = 0;
function run(c: Parameters<typeof runCase>[1]): CaseOutcome {
  let outcome: CaseOutcome;
  try {
    outcome = runCase(pipeline, c, real);
  } catch (error) {
    throw new Error(`${c.kind} case (${c.label}): ${(error as Error).stack}`);
  }
  pristine(++cases % 100 === 0);
  tally[`${c.kind} ${outcome}`] = (tally[`${c.kind} ${outcome}`] ?? 0) + 1;
  return outcome;
}

/** A fuzz that never reaches the judge, or never fails validation, tries nothing. */
function expectEveryOutcome(kind: string) {
  if (process.env.FUZZ_TALLY) console.log(tally);
  for (const outcome of ['file-error', 'issues', 'verdict']) {
    expect(tally[`${kind} ${outcome}`] ?? 0, `${kind} ${outcome} in ${JSON.stringify(tally)}`).toBeGreaterThan(RUNS >= 1 ? 20 : 0);
  }
}

describe('fuzz: every input ends in a verdict or a typed error, and no prototype is touched', () => {
  it('plan files', () => {
    fc.assert(
      fc.property(planCase(realJson()), (c) => void run(c)),
      { numRuns: Math.round(2000 * RUNS), seed },
    );
    expectEveryOutcome('plan');
  });

  it('catalogue files', () => {
    fc.assert(
      fc.property(catalogueCase([realJson(), inventedJson()]), (c) => void run(c)),
      { numRuns: Math.round(500 * RUNS), seed },
    );
    expectEveryOutcome('catalogue');
  });

  afterAll(() => pristine(true));
});
