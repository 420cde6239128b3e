import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

// `compare --routes` on a version 2 catalogue with two requirements that offer routes: the MSc in
// Information Technology's stream (3 routes) and its capstone (3 routes, one of them two pools).
const CATALOGUE = ['--catalogue', 'test/fixtures/programmes/polyu-msc-information-technology-2024.json'];
const PLANS = 'test/fixtures/programmes/plans/polyu-msc-information-technology-2024';
const STREAMS = ['nlp-stream', 'vc-stream', 'no-stream'];
const CAPSTONES = ['with-dissertation', 'with-project', 'without-dissertation-or-project'];
const EVERY = STREAMS.flatMap((s) => CAPSTONES.map((c) => `${s}+${c}`));

describe.concurrent('compare --routes on a catalogue with two choices of route', () => {
  it('--json: every combination, each plan valid, the one as written marked', async () => {
    const r = await runInProcess([...CATALOGUE, 'compare', `${PLANS}/vc-stream-project-and-elective.json`, '--routes', '--json']);
    expect(r.code).toBe(0);
    const variants = JSON.parse(r.stdout);
    expect(variants.map((v: { variant: string }) => v.variant)).toEqual(EVERY);
    for (const v of variants) {
      expect(v, v.variant).toMatchObject({ valid: true, credits: { planned: 31, required: 31 }, variantsLeftOut: 0 });
      expect(v.choices.map((c: { requirement: string; id: string }) => `${c.requirement}:${c.id}`)).toEqual([
        `stream:${v.variant.split('+')[0]}`,
        `capstone:${v.variant.split('+')[1]}`,
      ]);
    }
    expect(variants.filter((v: { asWritten: boolean }) => v.asWritten).map((v: { variant: string }) => v.variant)).toEqual([
      'vc-stream+with-project',
    ]);
    // The Project and its elective give way to the Dissertation; the stream is kept.
    expect(variants[3]).toMatchObject({
      variant: 'vc-stream+with-dissertation',
      changes: { added: ['dissertation'], removed: ['project', 'information-security'] },
    });
    // Three electives instead: the stream keeps its four, Information Security stays, and the two
    // cheapest eligible subjects not yet planned are added (all 3 credits: catalogue order).
    expect(variants[5].changes).toEqual({
      added: ['natural-language-processing', 'artificial-intelligence-concepts'],
      removed: ['project'],
    });
  });

  it('a plan that needed changes for every route: none is marked as written', async () => {
    const r = await runInProcess([...CATALOGUE, 'compare', `${PLANS}/project-without-elective.json`, '--routes', '--json']);
    const variants = JSON.parse(r.stdout);
    expect(variants.map((v: { variant: string }) => v.variant)).toEqual(EVERY);
    expect(variants.every((v: { asWritten: boolean; valid: boolean }) => !v.asWritten && v.valid)).toBe(true);
  });

  it('the human output: one block per combination, labelled by its routes, within 80 columns', async () => {
    const r = await runInProcess([...CATALOGUE, 'compare', `${PLANS}/vc-stream-project-and-elective.json`, '--routes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stream in Visual Computing + Project and 1 elective\n  Subjects         as planned');
    expect(r.stdout).toContain('4 electives (no stream) + Project and 1 elective\n  Subjects         same subjects');
    expect(r.stdout).toContain('Stream in Natural Language Processing + 3 electives');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
