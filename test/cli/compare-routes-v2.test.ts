import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../support/run-in-process.js';

// `compare --routes` on a version 2 catalogue with two requirements that offer routes: the MSc in
// Information Technology's stream (3 routes) and its capstone (3 routes, one of them two pools).
const CATALOGUE = ['--catalogue', 'test/fixtures/programmes/polyu-msc-information-technology-2024.json'];
const PLANS = 'test/fixtures/programmes/plans/polyu-msc-information-technology-2024';
const STREAMS = ['nlp-stream', 'vc-stream', 'no-stream'];
const CAPSTONES = ['with-dissertation', 'with-project', 'without-dissertation-or-project'];
const EVERY = STREAMS.flatMap((s) => CAPSTONES.map((c) => `${s}+${c}`));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A block of the human output: its heading, wrapped however the width needs, then its first row (a pattern). */
function block(heading: string, firstRow: string): RegExp {
  const wrapped = heading.split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`\\n${wrapped}\\n {2}${firstRow}`);
}

/** The same catalogue with two more requirements of two routes each (one subject apiece): 36 combinations in all. */
function manyRoutesCatalogue(): string {
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE[1]!, 'utf8'));
  catalogue.categories.push({ id: 'pick', label: 'Picks', adjective: 'pick' });
  for (const k of [1, 2]) {
    const options = ['a', 'b'].map((x) => {
      catalogue.subjects.push({ id: `pick-${k}${x}`, code: `PICK${k}${x}`, title: `Pick ${k}${x}`, category: 'pick', credits: 1 });
      return { id: `pick-${k}${x}`, label: `Pick ${k}${x}`, from: { subjects: [`pick-${k}${x}`] }, all: true };
    });
    catalogue.requirements.push({ id: `pick-${k}`, label: `Pick ${k}`, anyOf: options });
  }
  const file = path.join(makeTempDir(), 'many-routes.json');
  fs.writeFileSync(file, JSON.stringify(catalogue));
  return file;
}

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

  it.each([40, 80])('the human output: one block per combination, labelled by its routes, within %i columns', async (width) => {
    const r = await runInProcess([...CATALOGUE, 'compare', `${PLANS}/vc-stream-project-and-elective.json`, '--routes'], {
      env: { COLUMNS: String(width) },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(block('Stream in Visual Computing + Project and 1 elective', 'Subjects: {9}as planned'));
    expect(r.stdout).toMatch(block('4 electives (no stream) + Project and 1 elective', 'Subjects: {9}same subjects'));
    expect(r.stdout).toMatch(block('Stream in Natural Language Processing + 3 electives', 'Subjects: {9}drops'));
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
  });

  it('more combinations than are shown: each --json object and the note say how many are left out', async () => {
    const many = manyRoutesCatalogue();
    const plan = `${PLANS}/vc-stream-project-and-elective.json`;
    const [machine, human] = await Promise.all([
      runInProcess(['--catalogue', many, 'compare', plan, '--routes', '--json']),
      runInProcess(['--catalogue', many, 'compare', plan, '--routes'], { env: { COLUMNS: '80' } }),
    ]);
    const variants = JSON.parse(machine.stdout);
    // 3 streams x 3 capstones x 2 x 2 = 36, of which MAX_ROUTE_VARIANTS (32) are shown.
    expect(variants).toHaveLength(32);
    expect(variants.map((v: { variantsLeftOut: number }) => v.variantsLeftOut)).toEqual(Array(32).fill(4));
    expect(human.stdout.replace(/\s+/g, ' ')).toContain('Only 32 of the 36 choices of routes are shown');
    expect(human.stdout.replace(/\s+/g, ' ')).toContain('4 are left out.');
  });
});
