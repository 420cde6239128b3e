import type { Catalogue, Subject } from '../catalogue/model.js';
import { findSubject, notASubject } from '../catalogue/resolve.js';
import { chargedCreditsRequired } from '../fees/charged-required.js';
import { computeFees, fellowshipEligible, fellowshipRefusal, type FeeSummary } from '../fees/fees.js';
import { evaluate, type RequirementResult } from '../rules/engine.js';
import { joinWords } from '../rules/wording.js';
import { money } from '../text/money.js';
import { planSchedule, type ScheduleResult } from '../schedule/plan-schedule.js';
import type { PlanFile } from './schema.js';

export interface Finding {
  code: string;
  message: string;
}

export interface Judgement {
  valid: boolean;
  plan: PlanFile;
  /** The plan's subjects that name a catalogue subject, each once, in plan order. */
  subjects: Subject[];
  credits: { planned: number; required: number };
  requirements: RequirementResult[];
  errors: Finding[];
  warnings: Finding[];
  fees: FeeSummary;
  /** The plan's own schedule, checked, with its bills; absent when the plan has none. */
  schedule?: ScheduleResult;
  /** Every subject that counts towards graduation. */
  counted: ReadonlySet<Subject>;
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
    errors.push({ code: 'UNKNOWN_SUBJECT', message: `and ${unknown - MAX_REPORTED_PER_KIND} more names that are not subjects of this programme.` });
  }
  if (duplicated > MAX_REPORTED_PER_KIND) {
    errors.push({ code: 'DUPLICATE_SUBJECT', message: `and ${duplicated - MAX_REPORTED_PER_KIND} more subjects listed more than once.` });
  }
  return subjects;
}

function chargedCreditsOf(subjects: Iterable<Subject>): number {
  let credits = 0;
  for (const s of subjects) if (!s.tuitionFree) credits += s.credits;
  return credits;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For a requirement that names its subjects (every compulsory subject, say), how to add the ones
 * missing, by the name a plan file may use: `; add "HTI5T04" to "subjects"`. Empty for a choice,
 * where "still needs 1 more elective subject" already says what to do.
 */
function howToAdd(catalogue: Catalogue, index: number, result: RequirementResult): string {
  const options = catalogue.requirements[index]!.options;
  if (options.length !== 1 || options[0]!.rule.type !== 'all') return '';
  const counted = new Set(result.counted.map((s) => s.id));
  const missing = catalogue.subjects.filter((s) => options[0]!.eligible.has(s.id) && !counted.has(s.id));
  if (missing.length === 0 || missing.length > 3) return '';
  return `; add ${joinWords(missing.map((s) => `"${s.code ?? s.title}"`), 'and')} to "subjects"`;
}

/** Judges a plan against a catalogue: requirements, errors, warnings and fees. Pure. */
export function judgePlan(catalogue: Catalogue, plan: PlanFile): Judgement {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (plan.catalogue !== undefined && plan.catalogue !== catalogue.id) {
    errors.push({ code: 'CATALOGUE_MISMATCH', message: `the plan is for catalogue "${plan.catalogue}", but "${catalogue.id}" is loaded; pass --catalogue FILE with the plan's catalogue.` });
  }
  const subjects = resolveSubjects(catalogue, plan.subjects, errors);
  const evaluation = evaluate(catalogue, subjects);
  evaluation.requirements.forEach((r, i) => {
    if (!r.satisfied) errors.push({ code: 'REQUIREMENT_UNMET', message: `${r.label}: still needs ${r.missing}${howToAdd(catalogue, i, r)}.` });
  });
  const fees = catalogue.data.fees;
  if (plan.fellowship && !fellowshipEligible(fees, plan.residency)) {
    errors.push({ code: 'FELLOWSHIP_NOT_ELIGIBLE', message: `${fellowshipRefusal(fees, plan.residency, 'the fellowship')}; set "fellowship" to false.` });
  }
  const required = catalogue.data.creditsRequired;
  const planned = subjects.reduce((sum, s) => sum + s.credits, 0);
  if (evaluation.satisfied && planned < required) {
    errors.push({ code: 'CREDITS_SHORT', message: `the plan has ${planned} credits, ${required - planned} short of the ${required} required for graduation.` });
  }
  const charged = chargedCreditsOf(subjects);
  // Tuition-bearing credits against the tuition-bearing credits required: a tuition-free subject
  // among the required ones must not let a charged extra credit in under the fellowship.
  const graduationCredits = Math.min(chargedCreditsOf(evaluation.counted), chargedCreditsRequired(catalogue));
  const summary = computeFees(fees, {
    residency: plan.residency,
    credits: planned,
    chargedCredits: charged,
    graduationCredits,
    fellowship: plan.fellowship,
  });
  if (planned > required) {
    // By title, so the warning reads the same whatever order the plan lists its subjects in.
    const extra = subjects.filter((s) => !evaluation.counted.has(s)).map((s) => s.title).sort(byCodeUnits);
    // Whatever tuition is not for credits that count towards graduation, whether whole extra
    // subjects or a subject that takes a credit-based requirement past its minimum.
    const extraCost = (charged - graduationCredits) * fees.perCredit;
    const named = extra.length > 0 ? ` (${joinWords(extra, 'and')})` : '';
    warnings.push({
      code: 'EXTRA_CREDITS',
      message: `the plan has ${planned} credits, ${planned - required} more than the ${required} required${named}; they add ${money(extraCost, fees.currency)} to the tuition and no fellowship covers them.`,
    });
  }
  let schedule: ScheduleResult | undefined;
  if (plan.schedule !== undefined) {
    schedule = planSchedule(catalogue, plan, { subjects, requirements: evaluation.requirements, fees: summary, counted: evaluation.counted, satisfied: evaluation.satisfied });
    errors.push(...schedule.errors);
    warnings.push(...schedule.warnings);
  }
  return {
    valid: errors.length === 0,
    plan,
    subjects,
    credits: { planned, required },
    requirements: evaluation.requirements,
    errors,
    warnings,
    fees: summary,
    counted: evaluation.counted,
    ...(schedule ? { schedule } : {}),
  };
}
