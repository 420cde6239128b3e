import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeContext } from '../../src/cli/make-context.js';
import { answersFromDraft, draftFromAnswers } from '../../src/cli/commands/plan/draft.js';
import { runPlanner } from '../../src/cli/commands/plan/planner.js';
import { scheduleStep } from '../../src/cli/prompts/schedule.js';
import { plannerSession } from '../../src/cli/commands/plan/session.js';
import { answersWithoutTerminal } from '../../src/cli/commands/plan/without-terminal.js';
import { carrySchedule, planFromAnswers, type AnswersWithResidency } from '../../src/domain/plan/draft.js';
import { proposedSchedule, withSchedule } from '../../src/domain/plan/draft-schedule.js';
import { judgePlan } from '../../src/domain/plan/judge.js';
import type { Answers } from '../../src/domain/plan/steps.js';
import { choose, harness, invented, polyu } from './harness.js';
import { MemoryStore } from './memory-store.js';
import type { Turn } from './scripted-ask.js';

// The planner's schedule step, answered by pressing keys in inquirer's real prompts.

const catalogue = polyu();
const ROUTE = 'dissertation-or-coursework';
/** Everything answered but the schedule: local, part-time, the dissertation, with the fellowship. */
const chosen: AnswersWithResidency = {
  residency: 'local',
  mode: 'part-time',
  picks: { core: ['epidemiology', 'project-management'], elective: ['big-data-computing', 'health-care-ethics'] },
  routes: { [ROUTE]: 'dissertation' },
  fellowship: true,
  name: 'mine',
};

// The proposal for `chosen`: two subjects a semester (the guidance is in subjects), the dissertation alone at the end.
const PROPOSED = [
  { term: 'Semester One 2024/25', subjects: ['electronic-patient-records', 'information-technology-in-healthcare'] },
  { term: 'Semester Two 2024/25', subjects: ['professional-development-in-health-informatics', 'academic-integrity-and-ethics'] },
  { term: 'Semester One 2025/26', subjects: ['epidemiology', 'project-management'] },
  { term: 'Semester Two 2025/26', subjects: ['big-data-computing', 'health-care-ethics'] },
  { term: 'Semester One 2026/27', subjects: ['dissertation'] },
];

// The main question's choices: accept, move, and (once something moved) back to the proposal.
const ACCEPT: Turn = {
  expect: ['Accept this schedule, or move a subject to another term?', 'Accept this schedule', 'Move a subject to another term'],
  keys: ['enter'],
};
const MOVE: Turn = { expect: 'Accept this schedule, or move a subject to another term?', keys: choose(1) };
// The subjects in schedule order: Epidemiology is the fifth, Project Management the sixth.
const pickSubject = (position: number, expect: Turn['expect'] = 'Which subject will you move?'): Turn => ({
  expect,
  keys: choose(position),
});
// The terms from the intake: Semester One, Semester Two and Summer Term of each year; the cursor starts on the subject's term.
const termKeys = (from: number, to: number) => [...Array<string>(Math.abs(to - from)).fill(to > from ? 'down' : 'up'), 'enter'];

const termOf = (schedule: readonly { term: string; subjects: readonly string[] }[] | undefined, id: string) =>
  schedule?.filter((e) => e.subjects.includes(id)).map((e) => e.term);
/** Every error and warning code `check` gives the plan the answers make. */
function findingCodes(answers: AnswersWithResidency): string[] {
  const judgement = judgePlan(catalogue, planFromAnswers(catalogue, answers));
  return [...judgement.errors, ...judgement.warnings].map((f) => f.code);
}

describe('the schedule step', () => {
  test('shows the proposed schedule with the load per term; accepting it keeps the plan file without a schedule', async () => {
    const h = harness(catalogue, [ACCEPT]);
    const answers = (await scheduleStep(h.ctx, chosen)) as AnswersWithResidency;
    expect(h.said()).toContain('Your schedule, term by term, as proposed:');
    expect(h.said()).toMatch(
      / {2}Normal load for part-time study: 2 subjects a term in Semester One and\s+Semester Two\. Other terms are used only for what those cannot hold in the\s+normal 3 years\./,
    );
    // The timeline: each term's credits and bill, its subjects below, the graduation term marked.
    expect(h.said()).toMatch(
      /Semester Two 2024\/25\s+█+░*\s+4 cr\s+HK\$[\d,]+\n\s+Professional Development in Health Informatics, Academic Integrity and\s+Ethics\n/,
    );
    expect(h.said()).toMatch(/Semester One 2026\/27\s+█+\s+9 cr\s+HK\$[\d,]+\s+◆ graduation\n\s+Dissertation\n/);
    expect(h.said()).toMatch(/Total payable\s+HK\$52,500/);
    expect(h.said()).not.toContain('! over');
    // The answer is the whole schedule (kept in the draft); the plan file leaves a proposal out.
    expect(answers.schedule).toEqual(PROPOSED);
    expect(planFromAnswers(catalogue, answers)).not.toHaveProperty('schedule');
    expect(proposedSchedule(catalogue, planFromAnswers(catalogue, chosen))).toEqual(PROPOSED);
    expect(h.ask.left).toBe(0);
  });

  test('moves one subject, shows the new timeline, then accepts: the plan file carries the schedule', async () => {
    const h = harness(catalogue, [
      MOVE,
      pickSubject(4, [
        'Which subject will you move?',
        /Epidemiology\s+HTI5601\s+3 credits\s+Semester One 2025\/26/,
        /Dissertation\s+HSS5903\s+9 credits\s+Semester One 2026\/27/,
      ]),
      // From Semester One 2025/26 (3) to Semester One 2026/27 (6), beside the Dissertation: two
      // subjects, so within the part-time load whatever their 12 credits.
      {
        expect: [
          'Move Epidemiology to which term?',
          /❯ Semester One 2025\/26\s+2 of 2 subjects\s+\(its term now\)/,
          /Semester One 2026\/27\s+1 of 2 subjects/,
          /Summer Term 2024\/25\s+0 subjects, no normal load/,
          'Epidemiology stays here.',
        ],
        keys: termKeys(3, 6).slice(0, -1),
        then: { expect: 'With Epidemiology: 2 of 2 subjects.', keys: ['enter'] },
      },
      { expect: ['Accept this schedule', 'Go back to the proposed schedule'], keys: ['enter'] },
    ]);
    const answers = (await scheduleStep(h.ctx, chosen)) as AnswersWithResidency;
    const moved = h.said().slice(h.said().indexOf('with your changes'));
    expect(moved).toMatch(/Semester One 2025\/26\s+█+░*\s+3 cr\s+HK\$[\d,]+\n\s+Project Management\n/);
    expect(moved).toMatch(/Semester One 2026\/27\s+█+░*\s+12 cr\s+HK\$[\d,]+\s+◆ graduation\n\s+Dissertation, Epidemiology\n/);
    expect(moved).not.toContain('! over');
    const plan = planFromAnswers(catalogue, answers);
    expect(termOf(plan.schedule, 'epidemiology')).toEqual(['Semester One 2026/27']);
    expect(plan.schedule).toHaveLength(5);
    const judgement = judgePlan(catalogue, plan);
    expect(judgement.valid).toBe(true);
    expect(judgement.warnings).toEqual([]);
    expect(h.ask.left).toBe(0);
  });

  test('a move that makes a term heavy is warned of beside the term, and never refused', async () => {
    const h = harness(catalogue, [
      MOVE,
      pickSubject(4),
      // Up from Semester One 2025/26 to Semester Two 2024/25, which is full.
      {
        keys: termKeys(3, 1).slice(0, -1),
        then: { expect: 'With Epidemiology: 3 of 2 subjects, above the normal load.', keys: ['enter'] },
      },
      ACCEPT,
    ]);
    const answers = (await scheduleStep(h.ctx, chosen)) as AnswersWithResidency;
    const moved = h.said().slice(h.said().indexOf('with your changes'));
    expect(moved).toMatch(/Semester Two 2024\/25\s+█+░*\s+7 cr\s+HK\$[\d,]+\s+! over 2 subjects\n/);
    // Only the heavy term is marked, and the timeline still fits 80 columns.
    expect(moved.match(/! over/g)).toHaveLength(1);
    expect(Math.max(...moved.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(termOf(answers.schedule, 'epidemiology')).toEqual(['Semester Two 2024/25']);
    // check gives the same verdict: a warning, not an error.
    const judgement = judgePlan(catalogue, planFromAnswers(catalogue, answers));
    expect(judgement.valid).toBe(true);
    expect(judgement.warnings.map((w) => w.code)).toEqual(['SCHEDULE_OVERLOAD']);
    expect(judgement.warnings[0]!.message).toContain(
      'Semester Two 2024/25 has 3 subjects, above the normal 2 subjects a term for part-time study',
    );
  });

  test('the term list then shows the heavy term as such; going back to the proposal undoes every move', async () => {
    const h = harness(catalogue, [
      MOVE,
      pickSubject(4),
      { keys: termKeys(3, 1) },
      MOVE,
      // Epidemiology is still the fifth, so Project Management is still the sixth.
      pickSubject(5),
      {
        expect: [
          /Semester Two 2024\/25\s+3 of 2 subjects\s+! over 2 subjects/,
          /❯ Semester One 2025\/26\s+1 of 2 subjects\s+\(its term now\)/,
        ],
        keys: ['enter'],
      },
      { expect: 'Go back to the proposed schedule', keys: choose(2) },
      { expect: ['Accept this schedule', 'Move a subject to another term'], keys: ['enter'] },
    ]);
    const answers = (await scheduleStep(h.ctx, chosen)) as AnswersWithResidency;
    expect(h.ask.screens.at(-1)).not.toContain('Go back to the proposed schedule');
    expect(answers.schedule).toEqual(PROPOSED);
    expect(planFromAnswers(catalogue, answers)).not.toHaveProperty('schedule');
    expect(h.said().split('as proposed:')).toHaveLength(3);
  });

  test('moving the Dissertation before the compulsory subjects are done: the timeline says so, as check does', async () => {
    const h = harness(catalogue, [
      MOVE,
      // The Dissertation (the ninth) from Semester One 2026/27 (6) to Semester One 2024/25 (0).
      pickSubject(8),
      { keys: termKeys(6, 0) },
      ACCEPT,
    ]);
    const answers = (await scheduleStep(h.ctx, chosen)) as AnswersWithResidency;
    const moved = h.said().slice(h.said().indexOf('with your changes')).replace(/\s+/g, ' ');
    expect(moved).toContain(
      '! Dissertation is in Semester One 2024/25, before the compulsory subjects are done (Professional Development in Health Informatics is in Semester Two 2024/25); move it to Semester Two 2024/25 or later.',
    );
    expect(findingCodes(answers)).toEqual(['SCHEDULE_OVERLOAD', 'SCHEDULE_LATE_SUBJECT_EARLY']);
  });

  test('another catalogue, without a calendar or load guidance, has one term a year', async () => {
    const other = invented();
    const answers: AnswersWithResidency = {
      residency: 'non-local',
      mode: 'evening',
      picks: {
        methods: ['survey-methods', 'causal-inference', 'qualitative-research'],
        options: ['archival-science', 'open-data-law', 'metadata-design', 'data-curation-lab'],
      },
      routes: { finale: 'placement' },
    };
    // The move list is in schedule order, which is the order the requirements count the subjects in.
    const position = proposedSchedule(other, planFromAnswers(other, answers))
      .flatMap((e) => e.subjects)
      .indexOf('placement-seminar');
    const h = harness(other, [
      MOVE,
      pickSubject(position, [
        /Academic Integrity\s+AI001\s+1 credit, no tuition\s+Year 2030\/31/,
        /Placement Seminar\s+PR911\s+2 credits\s+Year 2030\/31/,
      ]),
      // Evening study normally takes two years: the terms offered run to a year beyond.
      { expect: [/❯ Year 2030\/31\s+\d+ cr, no normal load\s+\(its term now\)/, 'Year 2031/32', 'Year 2032/33'], keys: ['down', 'enter'] },
      ACCEPT,
    ]);
    const done = (await scheduleStep(h.ctx, answers)) as AnswersWithResidency;
    expect(h.said()).toContain('The catalogue gives no normal load for evening study.');
    expect(h.ask.screens[2]).not.toContain('Year 2033/34');
    expect(termOf(planFromAnswers(other, done).schedule, 'placement-seminar')).toEqual(['Year 2031/32']);
    expect(judgePlan(other, planFromAnswers(other, done)).valid).toBe(true);
  });
});

describe('in the session', () => {
  const REVIEW = { save: 0, core: 3, schedule: 6 };
  const review = (choice: keyof typeof REVIEW, expect: Turn['expect'] = 'What next?'): Turn => ({ expect, keys: choose(REVIEW[choice]) });
  const { name: _name, fellowship: _fellowship, ...beforeSchedule } = chosen;

  test('comes after the route and before the fellowship; the review can change the schedule, then comes back', async () => {
    const h = harness(catalogue, [
      ACCEPT,
      { expect: 'Include the Targeted', keys: ['enter'] },
      { expect: 'A name for this plan:', keys: ['enter'] },
      review('schedule', ['What next?', 'Change Schedule: as proposed']),
      MOVE,
      pickSubject(5),
      // From Semester One 2025/26 (3) to the empty Semester Two 2026/27 (7).
      { expect: 'Move Project Management to which term?', keys: termKeys(3, 7) },
      ACCEPT,
      review('save', ['What next?', 'Change Schedule: your own']),
    ]);
    const end = await plannerSession(h.ctx, beforeSchedule);
    expect(end.outcome).toBe('save');
    const plan = planFromAnswers(catalogue, end.answers as AnswersWithResidency);
    expect(termOf(plan.schedule, 'project-management')).toEqual(['Semester Two 2026/27']);
    // The review is check's report, which shows a plan's own schedule.
    expect(h.said()).toMatch(/Schedule\n[^]*Semester Two 2026\/27\s+█+░*\s+3 cr/);
    // The draft was kept after the schedule was answered, and again after it was changed.
    expect(h.kept.filter((a) => a.schedule !== undefined).map((a) => termOf(a.schedule, 'project-management'))).toEqual([
      ['Semester One 2025/26'],
      ['Semester One 2025/26'],
      ['Semester One 2025/26'],
      ['Semester Two 2026/27'],
    ]);
    expect(h.ask.left).toBe(0);
  });

  test('changing the core subjects after moving one: the dropped subject leaves the schedule, the new one takes its proposed term, the move stays', async () => {
    const h = harness(catalogue, [
      MOVE,
      pickSubject(5),
      { keys: termKeys(3, 7) },
      ACCEPT,
      review('core'),
      // Untick Epidemiology (the fifth), tick Artificial Intelligence Concepts (the first).
      { expect: '◉ Epidemiology', keys: ['space', 'down', 'down', 'down', 'down', 'space', 'enter'] },
      review('save'),
    ]);
    const end = await plannerSession(h.ctx, chosen);
    const answers = end.answers as AnswersWithResidency;
    expect(answers.picks.core).toEqual(['artificial-intelligence-concepts', 'project-management']);
    const plan = planFromAnswers(catalogue, answers);
    expect(termOf(plan.schedule, 'epidemiology')).toEqual([]);
    expect(termOf(plan.schedule, 'artificial-intelligence-concepts')).toEqual(['Semester One 2025/26']);
    expect(termOf(plan.schedule, 'project-management')).toEqual(['Semester Two 2026/27']);
    // Every planned subject in exactly one term.
    expect(plan.schedule!.flatMap((e) => e.subjects).sort()).toEqual([...plan.subjects].sort());
    expect(findingCodes(answers)).toEqual([]);
  });

  test('changing the core subjects after accepting the proposal: the plan gets the new proposal, not a patched old one', async () => {
    const h = harness(catalogue, [
      ACCEPT,
      review('core'),
      // Untick Epidemiology (the fifth), tick Software Engineering and Development (the eleventh).
      { keys: [...Array<string>(4).fill('down'), 'space', ...Array<string>(6).fill('down'), 'space', 'enter'] },
      review('save', ['What next?', 'Change Schedule: as proposed']),
    ]);
    const end = await plannerSession(h.ctx, chosen);
    const answers = end.answers as AnswersWithResidency;
    expect(answers.picks.core).toEqual(['project-management', 'software-engineering-and-development']);
    expect(planFromAnswers(catalogue, answers)).not.toHaveProperty('schedule');
    expect(answers.schedule).toEqual(proposedSchedule(catalogue, planFromAnswers(catalogue, { ...answers, schedule: undefined })));
    expect(termOf(answers.schedule, 'software-engineering-and-development')).toEqual(['Semester One 2025/26']);
    expect(findingCodes(answers)).toEqual([]);
  });
});

describe('changing the study mode', () => {
  const REVIEW = { save: 0, mode: 2 };
  const review = (choice: keyof typeof REVIEW, expect: Turn['expect'] = 'What next?'): Turn => ({ expect, keys: choose(REVIEW[choice]) });
  // The mode question's cursor starts on the mode chosen: Full-time is first, Part-time second.
  const TO_FULL_TIME: Turn = { expect: 'How will you study?', keys: ['up', 'enter'] };
  const TO_PART_TIME: Turn = { expect: 'How will you study?', keys: ['down', 'enter'] };
  const fullTime: AnswersWithResidency = { ...chosen, mode: 'full-time' };
  const NO_LONGER_SUITS = '! Your own schedule no longer suits part-time study:';

  test('at the review, after accepting the part-time proposal: the schedule becomes the full-time proposal, with no warning', async () => {
    const h = harness(catalogue, [ACCEPT, review('mode'), TO_FULL_TIME, review('save')]);
    const end = await plannerSession(h.ctx, chosen);
    const answers = end.answers as AnswersWithResidency;
    expect(answers.mode).toBe('full-time');
    expect(planFromAnswers(catalogue, answers)).not.toHaveProperty('schedule');
    expect(answers.schedule).toEqual(proposedSchedule(catalogue, planFromAnswers(catalogue, { ...answers, schedule: undefined })));
    // Full-time: five subjects then four, graduating within the year; not the part-time terms patched.
    expect(termOf(answers.schedule, 'dissertation')).toEqual(['Semester Two 2024/25']);
    expect(answers.schedule!.map((e) => e.subjects.length)).toEqual([5, 4]);
    expect(h.said()).not.toContain('no longer suits');
    expect(findingCodes(answers)).toEqual([]);
    expect(h.ask.left).toBe(0);
  });

  test('at the review, with an own full-time schedule: it is kept, and the planner says which terms are now above the part-time load', async () => {
    const h = harness(catalogue, [
      MOVE,
      // The Dissertation (the ninth) from Semester Two 2024/25 to the Summer Term.
      pickSubject(8, /Dissertation\s+HSS5903\s+9 credits\s+Semester Two 2024\/25/),
      { keys: termKeys(1, 2) },
      ACCEPT,
      review('mode'),
      TO_PART_TIME,
      review('save', ['What next?', 'Change Schedule: your own']),
    ]);
    const end = await plannerSession(h.ctx, fullTime);
    const answers = end.answers as AnswersWithResidency;
    const said = h.said();
    const warned = said.indexOf(NO_LONGER_SUITS);
    expect(warned).toBeGreaterThan(-1);
    const first = 'Semester One 2024/25 has 5 subjects, above the normal 2 subjects a term for part-time study';
    const second = 'Semester Two 2024/25 has 3 subjects, above the normal 2 subjects a term for part-time study';
    const afterWarning = said.slice(warned).replace(/\s+/g, ' ');
    expect(afterWarning).toContain(first);
    expect(afterWarning).toContain(second);
    expect(afterWarning).toContain('At the review, change the schedule to move a subject, or go back to the proposed schedule there.');
    // The review that follows is check's report: the same two warnings.
    const report = afterWarning.slice(afterWarning.indexOf('Warnings'));
    expect(report).toContain(first);
    expect(report).toContain(second);
    // The student's own schedule is kept as it was, now judged as part-time.
    expect(answers.mode).toBe('part-time');
    expect(termOf(planFromAnswers(catalogue, answers).schedule, 'dissertation')).toEqual(['Summer Term 2024/25']);
    expect(findingCodes(answers)).toEqual(['SCHEDULE_OVERLOAD', 'SCHEDULE_OVERLOAD']);
    expect(h.ask.left).toBe(0);
  });

  test('an own schedule that suits the new mode too is kept without a word', async () => {
    const h = harness(catalogue, [
      MOVE,
      pickSubject(5),
      { keys: termKeys(3, 7) },
      ACCEPT,
      review('mode'),
      TO_FULL_TIME,
      review('save', ['What next?', 'Change Schedule: your own']),
    ]);
    const end = await plannerSession(h.ctx, chosen);
    const answers = end.answers as AnswersWithResidency;
    expect(answers.mode).toBe('full-time');
    expect(termOf(planFromAnswers(catalogue, answers).schedule, 'project-management')).toEqual(['Semester Two 2026/27']);
    expect(h.said()).not.toContain('no longer suits');
    expect(findingCodes(answers)).toEqual([]);
  });
});

describe('the draft and runs without a terminal', () => {
  const own = withSchedule(catalogue, planFromAnswers(catalogue, chosen), [
    ...PROPOSED.slice(0, 3),
    { term: 'Semester Two 2025/26', subjects: ['health-care-ethics'] },
    { term: 'Summer Term 2025/26', subjects: ['dissertation'] },
  ]).schedule!;

  test('the draft keeps the schedule, and gives it back', () => {
    const answers = { ...chosen, schedule: own };
    const draft = draftFromAnswers(catalogue, answers, new Date(0));
    expect(draft.answers.schedule).toEqual(own);
    expect(answersFromDraft(catalogue, JSON.parse(JSON.stringify(draft)))).toEqual(answers);
  });

  test('without a terminal the schedule is not asked: the plan has none, or the one the draft holds', () => {
    expect(answersWithoutTerminal(catalogue, chosen)).not.toHaveProperty('schedule');
    expect(planFromAnswers(catalogue, chosen)).not.toHaveProperty('schedule');
    const resumed = answersWithoutTerminal(catalogue, { ...chosen, schedule: own }) as AnswersWithResidency;
    expect(termOf(planFromAnswers(catalogue, resumed).schedule, 'dissertation')).toEqual(['Summer Term 2025/26']);
  });

  /** `plan --resume --json` over a draft holding this schedule, with these flags: the plan it prints. */
  async function resumed(schedule: typeof own, flags: { core?: string[]; mode?: string }, draft: AnswersWithResidency = chosen) {
    const store = new MemoryStore({ draft: draftFromAnswers(catalogue, { ...draft, schedule }, new Date(0)) });
    let printed = '';
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk);
        done();
      },
    });
    // Not a terminal: nothing may be asked.
    const ctx = makeContext({ stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} }, { json: true });
    const outcome = await runPlanner(
      ctx,
      { resume: true, ...flags },
      { store, ask: () => Promise.reject(new Error('asked')), now: () => new Date(0) },
    );
    expect(outcome).toBe('success');
    const { plan, verdict } = JSON.parse(printed) as {
      plan: { schedule?: typeof own; subjects: string[] };
      verdict: { warnings: { code: string; message: string }[] };
    };
    return Object.assign(plan, { warnings: verdict.warnings });
  }

  test("--resume with flags that change the subjects: the draft's schedule follows them", async () => {
    const moved = await resumed(own, { core: ['business-analytics', 'project-management'] });
    expect(termOf(moved.schedule, 'dissertation')).toEqual(['Summer Term 2025/26']);
    expect(termOf(moved.schedule, 'epidemiology')).toEqual([]);
    expect(termOf(moved.schedule, 'business-analytics')).toEqual(['Semester One 2025/26']);
    // A schedule accepted as proposed is proposed afresh, so the plan carries none.
    expect(await resumed(PROPOSED, { core: ['project-management', 'software-engineering-and-development'] })).not.toHaveProperty(
      'schedule',
    );
  });

  test('--resume --mode: a proposal is proposed afresh for the new mode; an own schedule is kept, and warned of where it is now heavy', async () => {
    expect(await resumed(PROPOSED, { mode: 'full-time' })).not.toHaveProperty('schedule');
    const fullTimeOwn = [
      {
        term: 'Semester One 2024/25',
        subjects: [
          'electronic-patient-records',
          'information-technology-in-healthcare',
          'professional-development-in-health-informatics',
          'academic-integrity-and-ethics',
          'epidemiology',
        ],
      },
      { term: 'Semester Two 2024/25', subjects: ['project-management', 'big-data-computing', 'health-care-ethics'] },
      { term: 'Summer Term 2024/25', subjects: ['dissertation'] },
    ];
    const kept = await resumed(fullTimeOwn, { mode: 'part-time' }, { ...chosen, mode: 'full-time' });
    expect(kept.schedule).toEqual(fullTimeOwn);
    expect(kept.warnings.map((w) => w.code)).toEqual(['SCHEDULE_OVERLOAD', 'SCHEDULE_OVERLOAD']);
    expect(kept.warnings[0]!.message).toContain(
      'Semester One 2024/25 has 5 subjects, above the normal 2 subjects a term for part-time study',
    );
  });

  test('a stale schedule (an unknown term, a subject no longer planned, one missing) is fitted to the plan', () => {
    const stale = [
      { term: 'Semester Nine 2024/25', subjects: ['electronic-patient-records'] },
      { term: 'Semester One 2023/24', subjects: ['information-technology-in-healthcare'] },
      { term: 'semester two 2025-26', subjects: ['business-analytics', 'health-care-ethics', 'project-management'] },
    ];
    const plan = planFromAnswers(catalogue, { ...chosen, schedule: stale });
    expect(termOf(plan.schedule, 'project-management')).toEqual(['Semester Two 2025/26']);
    expect(termOf(plan.schedule, 'electronic-patient-records')).toEqual(['Semester One 2024/25']);
    expect(plan.schedule!.flatMap((e) => e.subjects).sort()).toEqual([...plan.subjects].sort());
    expect(judgePlan(catalogue, plan).errors).toEqual([]);
  });
});

test('property: whatever the subjects and the moves, every planned subject is in exactly one term', () => {
  const core = catalogue.subjects.filter((s) => s.category === 'core').map((s) => s.id);
  const elective = catalogue.subjects.filter((s) => s.category === 'elective').map((s) => s.id);
  const everyId = catalogue.subjects.map((s) => s.id);
  const terms = [
    'Semester One 2024/25',
    'Semester Two 2024/25',
    'Summer Term 2024/25',
    'Semester One 2025/26',
    'Semester Two 2026/27',
    'Semester One 2023/24',
    'no such term',
  ];
  const answers = fc.record({
    mode: fc.constantFrom('full-time', 'part-time'),
    core: fc.subarray(core, { minLength: 2, maxLength: 4 }),
    elective: fc.subarray(elective, { minLength: 2, maxLength: 4 }),
    schedule: fc.array(fc.record({ term: fc.constantFrom(...terms), subjects: fc.subarray(everyId, { maxLength: 6 }) }), { maxLength: 6 }),
  });
  fc.assert(
    fc.property(answers, answers, ({ mode, core: c, elective: e, schedule }, later) => {
      const before: Answers = { residency: 'local', mode, picks: { core: c, elective: e }, routes: { [ROUTE]: 'dissertation' }, schedule };
      const after: Answers = { ...before, mode: later.mode, picks: { core: later.core, elective: later.elective } };
      for (const answers of [before, carrySchedule(catalogue, before, after)] as AnswersWithResidency[]) {
        const plan = planFromAnswers(catalogue, answers);
        const judgement = judgePlan(catalogue, plan);
        expect(judgement.errors.filter((f) => f.code.startsWith('SCHEDULE_'))).toEqual([]);
        if (plan.schedule) expect(plan.schedule.flatMap((x) => x.subjects).sort()).toEqual([...plan.subjects].sort());
      }
    }),
    { numRuns: 60 },
  );
});
