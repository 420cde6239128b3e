import { namedSubjects, type Catalogue, type Subject } from '../catalogue/model.js';
import type { Finding } from '../finding.js';
import { creditsFee, type FeeSummary } from '../fees/fees.js';
import { hundredths } from '../catalogue/credits.js';
import { joinWords } from '../rules/wording.js';
import { money } from '../text/money.js';
import { gpaHundredths, gpaText, recordRules } from './grades.js';
import { creditsOf, type StudyRecord } from './record.js';

/** Where the catalogue says a rule of its record comes from ("PolyU student handbook: ..."), if it says. */
function sourceOf(catalogue: Catalogue, path: string): string | undefined {
  return catalogue.data.provenance?.find((p) => p.path === path)?.source;
}

/** The GPA in hundredths over the record's graded subjects; null without grades or a scale. */
export function recordGpa(record: StudyRecord): number | null {
  return gpaHundredths([...record.graded].map(([subject, grade]) => ({ subject, grade })));
}

/** TRANSFER_LIMIT: more of the credits required transferred than the catalogue allows (compared exactly, in per cent). */
export function transferLimit(catalogue: Catalogue, record: StudyRecord): Finding[] {
  const percent = recordRules(catalogue)?.transferLimitPercent;
  if (percent === undefined) return [];
  const required = catalogue.data.creditsRequired;
  const transferred = creditsOf(record.transferred);
  if (hundredths(transferred) * 100 <= hundredths(required) * percent) return [];
  // Per cent of a two-place decimal, printed without binary noise: 50 per cent of 31 is 15.5.
  const limit = Number(((hundredths(required) * percent) / 10000).toFixed(4));
  return [
    {
      code: 'TRANSFER_LIMIT',
      message: `the plan transfers ${transferred} credits, more than ${percent} per cent of the ${required} required (${limit}); take some of ${joinWords(
        [...record.transferred].map((s) => s.title),
        'and',
      )} instead, and remove them from "transferred".`,
    },
  ];
}

/** LOW_GPA: the rounded GPA, as the student sees it, below the catalogue's line, with what follows and who says so. */
export function lowGpa(catalogue: Catalogue, gpa: number | null): Finding[] {
  const rule = recordRules(catalogue)?.lowGpa;
  if (!rule || gpa === null) return [];
  const line = Math.round(rule.below * 100);
  if (gpa >= line) return [];
  const source = sourceOf(catalogue, '/record/lowGpa');
  return [
    {
      code: 'LOW_GPA',
      message: `the GPA is ${gpaText(gpa)}, below ${gpaText(line)}: ${rule.consequence}${source ? ` (${source.split(':')[0]})` : ''}.`,
    },
  ];
}

/**
 * RETAKE_BILLED: a failed subject is not completed; its retake is billed again, an extra attempt
 * beyond the credits the fellowship covers.
 */
export function retakes(catalogue: Catalogue, record: StudyRecord, fees: FeeSummary): Finding[] {
  const fellowship = fees.fellowship > 0;
  return [...record.failed].map((s) => {
    const cost = money(s.tuitionFree ? 0 : creditsFee(fees, s.credits), fees.currency);
    const grade = record.graded.get(s)!.grade;
    const cover = fellowship ? '; the fellowship does not cover it, as it covers only the credits required for graduation' : '';
    return {
      code: 'RETAKE_BILLED',
      message: `${s.title} was failed (${grade}): it is not completed and must be retaken, billed again at ${cost}${cover}.`,
    };
  });
}

/** Subjects an `all` pool names, for which an exemption can stand. */
function namedByAllRule(catalogue: Catalogue, subject: Subject): boolean {
  return catalogue.requirements.some((r) => r.options.some((o) => namedSubjects(o).has(subject.id)));
}

/**
 * An exemption satisfies only a requirement that names the subject; an exempted elective stands for
 * nothing, so it is left out of the requirements with EXEMPTION_UNUSED. Returns the subjects the
 * exemption does stand for.
 */
export function usableExemptions(catalogue: Catalogue, record: StudyRecord): { usable: Set<Subject>; warnings: Finding[] } {
  const usable = new Set<Subject>();
  const warnings: Finding[] = [];
  for (const s of record.exempted) {
    if (namedByAllRule(catalogue, s)) usable.add(s);
    else
      warnings.push({
        code: 'EXEMPTION_UNUSED',
        message: `${s.title} is exempted, but no requirement names it, so the exemption satisfies nothing; take it, or another subject in its place.`,
      });
  }
  return { usable, warnings };
}
