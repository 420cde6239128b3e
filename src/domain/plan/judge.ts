import { namedSubjects, type Catalogue, type Subject } from '../catalogue/model.js';
import { findSubject, notASubject } from '../catalogue/resolve.js';
import { chargedCreditsRequired } from '../fees/charged-required.js';
import { computeFees, extraCreditsFee, fellowshipRefusal, type FeeSummary } from '../fees/fees.js';
import { creditsOf, differenceExact, sumExact } from '../catalogue/credits.js';
import { evaluate, type RequirementResult } from '../rules/engine.js';
import type { Tiers } from '../rules/canonical.js';
import { joinWords, plural } from '../rules/wording.js';
import { money } from '../text/money.js';
import { planSchedule, type ScheduleResult } from '../schedule/plan-schedule.js';
import type { PlanFile } from './schema.js';
import type { Finding } from '../finding.js';
import { creditsOverLimits, type OverLimit } from './degree-credits.js';
import { exitAwardFinding } from './exit-award.js';
import { readRecord, takenSubjects, type StudyRecord } from '../record/record.js';
import { lowGpa, recordGpa, retakes, transferLimit, usableExemptions } from '../record/findings.js';
import { studyProgress, type Progress } from '../record/progress.js';
import { remainingBills, type RemainingCost } from '../record/remaining.js';

export interface Judgement {
  valid: boolean;
  plan: PlanFile;
  /** The plan's subjects that name a catalogue subject, each once, in plan order. */
  subjects: Subject[];
  /** Those of them the requirements were judged on: all but exemptions no requirement names. */
  judged: readonly Subject[];
  credits: { planned: number; required: number };
  requirements: RequirementResult[];
  errors: Finding[];
  warnings: Finding[];
  fees: FeeSummary;
  /** The plan's own schedule, checked, with its bills; absent when the plan has none. */
  schedule?: ScheduleResult;
  /** Every subject that counts towards graduation. */
  counted: ReadonlySet<Subject>;
  /** The plan's record of study: grades, transfers, exemptions (empty when it has none). */
  record: StudyRecord;
  /** GPA in hundredths (287 for 2.87); null without grades or a grade scale. */
  gpa: number | null;
  /** Where the student stands; only for a plan with a record of study. */
  progress?: Progress;
  /** The schedule's bills still to come, when the caller said what day it is. */
  remaining?: RemainingCost;
}

export interface JudgeOptions {
  /** Today, "2025-10-01", from the edge (the domain never reads a clock): what is still to pay is reckoned from it. */
  today?: string | undefined;
}

// A plan naming thousands of unknown subjects gets a readable report, not thousands of lines.
const MAX_REPORTED_PER_KIND = 20;

function resolveSubjects(catalogue: Catalogue, names: readonly string[], errors: Finding[]): Subject[] {
  const subjects: Subject[] = [];
  const firstName = new Map<string, string>();
  let unknown = 0;
  let duplicated = 0;
  for (const name of names) {
    const subject = findSubject(catalogue, name);
    if (!subject) {
      if (unknown++ < MAX_REPORTED_PER_KIND) {
        errors.push({ code: 'UNKNOWN_SUBJECT', message: notASubject(catalogue, name) });
      }
      continue;
    }
    const earlier = firstName.get(subject.id);
    if (earlier !== undefined) {
      if (duplicated++ < MAX_REPORTED_PER_KIND) {
        const same = earlier === name ? `"${name}" is listed twice` : `"${name}" and "${earlier}" are the same subject`;
        errors.push({ code: 'DUPLICATE_SUBJECT', message: `${same} (${subject.title}); a subject counts once, so remove one.` });
      }
      continue;
    }
    firstName.set(subject.id, name);
    subjects.push(subject);
  }
  if (unknown > MAX_REPORTED_PER_KIND) {
    errors.push({
      code: 'UNKNOWN_SUBJECT',
      message: `and ${unknown - MAX_REPORTED_PER_KIND} more names that are not subjects of this programme.`,
    });
  }
  if (duplicated > MAX_REPORTED_PER_KIND) {
    errors.push({ code: 'DUPLICATE_SUBJECT', message: `and ${duplicated - MAX_REPORTED_PER_KIND} more subjects listed more than once.` });
  }
  return subjects;
}

const carriesTuition = (s: Subject) => !s.tuitionFree;

/** The credits of those of the subjects that carry tuition. */
function chargedCreditsOf(subjects: Iterable<Subject>): number {
  return creditsOf(subjects, carriesTuition);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For a requirement that names its subjects (every compulsory subject, say), how to add the ones
 * missing, by the name a plan file may use: `; add "HTI5T04" to "subjects"`. Empty for a choice,
 * where "still needs 1 more elective subject" already says what to do.
 */
function howToAdd(catalogue: Catalogue, index: number, result: RequirementResult): string {
  const options = catalogue.requirements[index]!.options;
  if (options.length !== 1) return '';
  const named = namedSubjects(options[0]!);
  const counted = new Set(result.counted.map((s) => s.id));
  const missing = catalogue.subjects.filter((s) => named.has(s.id) && !counted.has(s.id));
  if (missing.length === 0 || missing.length > 3) return '';
  return `; add ${joinWords(
    missing.map((s) => `"${s.code ?? s.title}"`),
    'and',
  )} to "subjects"`;
}

/** Judges a plan against a catalogue: requirements, errors, warnings and fees. Pure. */
export function judgePlan(catalogue: Catalogue, plan: PlanFile, options: JudgeOptions = {}): Judgement {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (plan.catalogue !== undefined && plan.catalogue !== catalogue.id) {
    errors.push({
      code: 'CATALOGUE_MISMATCH',
      message: `the plan is for catalogue "${plan.catalogue}", but "${catalogue.id}" is loaded; pass --catalogue FILE with the plan's catalogue.`,
    });
  }
  const subjects = resolveSubjects(catalogue, plan.subjects, errors);
  const { record, errors: recordErrors } = readRecord(catalogue, plan, subjects);
  errors.push(...recordErrors, ...transferLimit(catalogue, record));
  // An exemption no requirement names stands for nothing, so the requirements never see it.
  const exemptions = usableExemptions(catalogue, record);
  warnings.push(...exemptions.warnings);
  const judged = record.exempted.size === 0 ? subjects : subjects.filter((s) => !record.exempted.has(s) || exemptions.usable.has(s));
  // What is done already counts first, so a subject left over beyond the requirements is one still
  // to take (which could be dropped) where there is one, and never one transferred (not billed).
  const evaluation = evaluate(catalogue, judged, record.present ? alreadyDone(record, exemptions.usable) : undefined);
  evaluation.requirements.forEach((r, i) => {
    if (!r.satisfied)
      errors.push({ code: 'REQUIREMENT_UNMET', message: `${r.label}: still needs ${r.missing}${howToAdd(catalogue, i, r)}.` });
  });
  const fees = catalogue.fees;
  const refusal = plan.fellowship ? fellowshipRefusal(fees, plan.residency, 'the fellowship') : undefined;
  if (refusal !== undefined) errors.push({ code: 'FELLOWSHIP_NOT_ELIGIBLE', message: `${refusal}; set "fellowship" to false.` });
  const required = catalogue.data.creditsRequired;
  // An exempted subject's credits do not count: another subject makes them up.
  const exemptedCredits = creditsOf(record.exempted);
  const planned = differenceExact(creditsOf(subjects), exemptedCredits);
  // Credits beyond a limit ("at most 30 foundation credits") do not count towards the degree.
  // Exempted subjects' credits are already left out of `planned`, so a limit must not leave them out again.
  const overLimits = creditsOverLimits(
    catalogue,
    subjects.filter((s) => !record.exempted.has(s)),
  );
  const countable = overLimits.reduce((sum, o) => differenceExact(sum, o.credits), planned);
  if (evaluation.satisfied && countable < required) {
    errors.push({ code: 'CREDITS_SHORT', message: creditsShort(countable, required, record, overLimits) });
  }
  const taken = takenSubjects(subjects, record);
  // Transferred and exempted subjects are not billed; a failed one is billed again for its retake.
  const firstAttempts = chargedCreditsOf(taken);
  const charged = sumExact([firstAttempts, chargedCreditsOf(record.failed)]);
  const graduationCredits = billedGraduationCredits(catalogue, evaluation.counted, taken, record);
  const summary = computeFees(fees, {
    residency: plan.residency,
    // The credits sat (retakes twice), not those transferred or exempted, which carry no fee.
    credits: creditsOf([...taken, ...record.failed]),
    chargedCredits: charged,
    graduationCredits,
    fellowship: plan.fellowship,
    mode: plan.mode,
  });
  if (planned > required) {
    // By title, so the warning reads the same whatever order the plan lists its subjects in. An
    // exempted subject adds no credits, so it is never one of them.
    const extra = subjects
      .filter((s) => !evaluation.counted.has(s) && !record.exempted.has(s))
      .map((s) => s.title)
      .sort(byCodeUnits);
    // Whatever tuition is not for credits that count towards graduation, whether whole extra
    // subjects or a subject that takes a credit-based requirement past its minimum.
    const extraCost = extraCreditsFee(summary, firstAttempts, graduationCredits);
    const named = extra.length > 0 ? ` (${joinWords(extra, 'and')})` : '';
    warnings.push({
      code: 'EXTRA_CREDITS',
      message: `the plan has ${planned} credits, ${differenceExact(planned, required)} more than the ${required} required${named}; they add ${money(extraCost, fees.currency)} to the tuition and no fellowship covers them.`,
    });
  }
  // A plan that does not complete the degree may still earn a lesser award (v2 "exitAwards").
  if (!evaluation.satisfied || countable < required) {
    const met = new Set(evaluation.requirements.filter((r) => r.satisfied).map((r) => r.id));
    const award = exitAwardFinding(catalogue, countable, met);
    if (award) warnings.push(award);
  }
  const gpa = recordGpa(record);
  warnings.push(...lowGpa(catalogue, gpa), ...retakes(catalogue, record, summary));
  // The plan's own schedule, checked; or, for a record of study, the proposed one, which is not
  // reported as the plan's but places the subjects still to take and prices the terms to come.
  const terms =
    plan.schedule !== undefined || record.present
      ? planSchedule(catalogue, plan, {
          subjects,
          requirements: evaluation.requirements,
          fees: summary,
          counted: evaluation.counted,
          satisfied: evaluation.satisfied,
          record,
        })
      : undefined;
  const schedule: ScheduleResult | undefined = plan.schedule !== undefined ? terms : undefined;
  if (schedule) {
    errors.push(...schedule.errors);
    warnings.push(...schedule.warnings);
  }
  const progress = record.present ? studyProgress(subjects, evaluation.requirements, record, terms?.bills) : undefined;
  const remaining = terms && options.today !== undefined ? remainingBills(terms.bills, options.today) : undefined;
  return {
    valid: errors.length === 0,
    plan,
    subjects,
    judged,
    credits: { planned, required },
    requirements: evaluation.requirements,
    errors,
    warnings,
    fees: summary,
    counted: evaluation.counted,
    ...(schedule ? { schedule } : {}),
    record,
    gpa,
    ...(progress ? { progress } : {}),
    ...(remaining ? { remaining } : {}),
  };
}

/**
 * The subjects the record says are done, in the order they are counted: first those not billed
 * (transferred, or exempted where a requirement names them), then those completed. A billed
 * subject left over is then one the warning can truly say adds tuition.
 */
function alreadyDone(record: StudyRecord, usableExemptions: ReadonlySet<Subject>): Tiers {
  return [new Set([...record.transferred, ...usableExemptions]), record.completed];
}

/** CREDITS_SHORT, saying when an exemption is why: its credits do not count, so another subject must make them up. */
function creditsShort(planned: number, required: number, record: StudyRecord, overLimits: readonly OverLimit[] = []): string {
  const beyond = overLimits.map((o) => `${plural(o.credits, 'credit', 'credits')} beyond "${o.label}" do not count`);
  const counting = overLimits.length > 0 ? ` that count (${joinWords(beyond, 'and')})` : '';
  const short = `the plan has ${planned} credits${counting}, ${differenceExact(required, planned)} short of the ${required} required for graduation`;
  if (record.exempted.size === 0) return `${short}.`;
  const exempted = [...record.exempted];
  return `${short}: the exemption from ${joinWords(
    exempted.map((s) => s.title),
    'and',
  )} does not count its ${plural(creditsOf(exempted), 'credit', 'credits')}, so add another subject of at least ${plural(differenceExact(required, planned), 'credit', 'credits')} to "subjects" in its place.`;
}

/**
 * The billed credits the fellowship may cover: tuition-bearing credits against the tuition-bearing
 * credits required (a tuition-free subject among the required ones must not let a charged extra
 * credit in), less those transferred, which are not billed. Subjects that count, sat and billed;
 * where an exemption leaves credits to make up, the extra subjects that make them up count too.
 */
function billedGraduationCredits(
  catalogue: Catalogue,
  counted: ReadonlySet<Subject>,
  taken: readonly Subject[],
  record: StudyRecord,
): number {
  const makeUp = Math.min(
    creditsOf(record.exempted, (s) => counted.has(s) && !s.tuitionFree),
    creditsOf(taken, (s) => !counted.has(s) && !s.tuitionFree),
  );
  return Math.max(
    0,
    Math.min(
      sumExact([creditsOf(taken, (s) => counted.has(s) && !s.tuitionFree), makeUp]),
      differenceExact(chargedCreditsRequired(catalogue), chargedCreditsOf(record.transferred)),
    ),
  );
}
