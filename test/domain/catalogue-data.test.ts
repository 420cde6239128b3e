import { describe, expect, it } from 'vitest';
import { fellowshipRefusal, fellowshipSummary } from '../../src/domain/fees/fees.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import { catalogueFrom, plan, real, realJson } from './catalogues.js';

// The bundled catalogue against the facts it is built from (docs/fees-catalogue-engine.md lists them).
describe('the bundled catalogue', () => {
  it('has Academic Integrity and Ethics as a compulsory, 1-credit, tuition-free subject', () => {
    const aie = real.subjectById.get('academic-integrity-and-ethics');
    expect(aie).toMatchObject({
      title: 'Academic Integrity and Ethics',
      category: 'compulsory',
      credits: 1,
      code: 'HTI5T04',
      tuitionFree: true,
    });
    const compulsory = real.requirements.find((r) => r.id === 'compulsory')!;
    expect(compulsory.options[0]!.eligible.has('academic-integrity-and-ethics')).toBe(true);
  });

  it('makes a plan without it invalid, naming it and saying how to add it', () => {
    const j = judgePlan(
      real,
      plan([
        'SN5023',
        'SN6006',
        'SN5303B',
        'Epidemiology',
        'Project Management',
        'Big Data Computing',
        'Health Care Ethics',
        'Dissertation',
      ]),
    );
    expect(j.valid).toBe(false);
    expect(j.credits).toEqual({ planned: 30, required: 31 });
    expect(j.errors).toEqual([
      {
        code: 'REQUIREMENT_UNMET',
        message: 'Compulsory subjects: still needs Academic Integrity and Ethics; add "HTI5T04" to "subjects".',
      },
    ]);
    // Its estimate is what it was: 30 tuition-bearing credits.
    expect(j.fees).toMatchObject({ credits: 30, chargedCredits: 30, tuition: 172_500 });
  });

  it('requires 31 credits, 30 of them billed', () => {
    expect(real.data.creditsRequired).toBe(31);
    const free = real.subjects.filter((s) => s.tuitionFree).reduce((sum, s) => sum + s.credits, 0);
    expect(free).toBe(1);
  });

  it.each([
    ['advanced-technology-and-clinical-application-in-nuclear-medicine-imaging', 'HTI5725'],
    ['digital-design-and-manufacturing-for-biomedical-engineering', 'BME5120'],
    ['ethics-and-law-in-clinical-practice', 'SN5180'],
    ['health-and-social-policy-analysis', 'APSS601'],
    ['issues-in-health-sociology', 'APSS6402'],
    ['medical-imaging-physics', 'HTI5003'],
    ['modern-rehabilitation-engineering-and-robotics', 'BME5133'],
    ['quality-management-of-health-care-services', 'SN5181'],
    ['radiation-therapy-physics', 'HTI5002'],
    ['research-methods-and-data-analysis', 'RS517'],
  ])('%s has code %s, marked with its lower confidence', (id, code) => {
    expect(real.subjectById.get(id)!.code).toBe(code);
    const entry = real.data.provenance!.find((p) => p.path === `/subjects/${id}/code`);
    expect(entry?.confidence).toBe('low');
  });

  it('has no code where none was found', () => {
    const uncoded = real.subjects.filter((s) => s.code === undefined).map((s) => s.id);
    expect(uncoded.sort()).toEqual([
      'computer-programming-for-healthcare',
      'healthcare-innovation',
      'intellectual-property-standards-and-regulations-of-medical-devices',
    ]);
  });

  it('names a source and the date it was checked in every provenance entry', () => {
    for (const entry of real.data.provenance!) {
      expect(entry.source.length, entry.path).toBeGreaterThan(10);
      expect(entry.checked, entry.path).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('keeps no fellowship summary written beside its figures', () => {
    expect(real.fees.fellowship).not.toHaveProperty('summary');
  });
});

describe('the fellowship in words', () => {
  it('is built from the figures', () => {
    expect(fellowshipSummary(real.fees)).toBe(
      'Targeted Taught Postgraduate Programmes Fellowships Scheme: up to HK$120,000 of the tuition for local students, who pay at least HK$42,100 themselves; 8 awards for this intake. ' +
        'Not with another government scholarship for the same programme, such as the Continuing Education Fund; the non-means-tested loan scheme is allowed.',
    );
  });

  it('follows a changed figure', () => {
    const json = realJson();
    json.fees.fellowship.cap = 100000;
    json.fees.fellowship.awards = 1;
    expect(fellowshipSummary(catalogueFrom(json).fees)).toContain(
      'up to HK$100,000 of the tuition for local students, who pay at least HK$42,100 themselves; 1 award for this intake.',
    );
  });

  describe('in a catalogue without one', () => {
    const json = realJson();
    delete json.fees.fellowship;
    json.provenance = json.provenance.filter((p: { path: string }) => p.path !== '/fees/fellowship');
    const none = catalogueFrom(json);

    it('says the programme offers none', () => {
      expect(fellowshipSummary(none.fees)).toBe('This programme offers no fellowship.');
      expect(fellowshipRefusal(none.fees, 'local', '--fellowship')).toBe(
        '--fellowship was asked for, but this programme offers no fellowship',
      );
    });

    it('makes a plan asking for it invalid, and says why', () => {
      const j = judgePlan(
        none,
        plan(
          real.subjects
            .filter((s) => ['compulsory', 'core', 'elective'].includes(s.category))
            .slice(0, 8)
            .map((s) => s.id),
          { fellowship: true },
        ),
      );
      const error = j.errors.find((e) => e.code === 'FELLOWSHIP_NOT_ELIGIBLE');
      expect(error?.message).toBe('the fellowship was asked for, but this programme offers no fellowship; set "fellowship" to false.');
      expect(error?.message).not.toContain('for no students');
    });
  });
});
