import type { Catalogue, Subject } from '../../domain/catalogue/model.js';
import type { Judgement } from '../../domain/plan/judge.js';
import { gpaText, type Grade } from '../../domain/record/grades.js';
import { sumExact } from '../../domain/catalogue/credits.js';
import { creditsOf, gradePointCredits } from '../../domain/record/record.js';
import { remainingBills, type RemainingCost } from '../../domain/record/remaining.js';
import { joinWords, plural } from '../../domain/rules/wording.js';
import { scheduleOf } from '../../domain/schedule/of-judgement.js';
import { money } from '../../domain/text/money.js';
import { feeRows } from './fees.js';
import { billsNotes, fellowshipEstimateNote, howBilledNote, instalmentWords } from './bill-notes.js';
import { safeLine } from './sanitize.js';

/**
 * Text from a file or a user, made inert in Markdown: control characters become visible escapes
 * (safeLine, which also keeps it on one line so it cannot end a table row or start a heading),
 * then every character that could open emphasis, a link, HTML, code, maths or a table cell is
 * backslash-escaped, and an `&` that would start an entity, so none can smuggle in a character. A start that would
 * open a list or a code block inside a list item ("- ", "1.", indentation) is defused as well.
 */
export function markdownText(text: string): string {
  return safeLine(text.trim())
    .replace(/[\\`*_[\]<>#|~$]|&(?=#?\w+;)/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^[-+=]/, '\\$&');
}

function table(header: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string[] {
  const rule = align.map((a) => (a === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function subjectRow(s: Subject): string[] {
  return [markdownText(s.code ?? '-'), markdownText(s.title), String(s.credits)];
}

/**
 * The schedule term by term with each term's bill and how it is paid (the initial payment counted
 * there, the instalments), the plan's own or a proposed one; then how PolyU bills and what the
 * figures rest on (an estimated split of the fellowship, an unrefunded initial payment).
 */
function scheduleSection(catalogue: Catalogue, j: Judgement, today: string | undefined): string[] {
  const schedule = scheduleOf(catalogue, j);
  const m = (n: number) => markdownText(money(n, j.fees.currency));
  const rows = schedule.bills.map((b) => [
    b.term ? markdownText(b.term.label) + (schedule.graduation?.id === b.term.id ? ' (graduation)' : '') : 'Not scheduled',
    b.subjects.length + b.retakes.length === 0
      ? '-'
      : [
          ...b.subjects.map((s) => markdownText(s.code ?? s.title)),
          ...b.retakes.map((s) => `${markdownText(s.code ?? s.title)} (retake)`),
        ].join(', '),
    String(b.credits),
    m(b.bill),
    markdownText(instalmentWords(b, j.fees.currency)) || '-',
  ]);
  const how = schedule.proposed
    ? '_The plan has no schedule of its own; this one is proposed: compulsory subjects first, the normal load for the study mode, a dissertation last._'
    : "_The plan's own schedule._";
  const notes = [
    ...unbilledNotes(j),
    howBilledNote(schedule.bills, j.fees.initialPayment),
    ...billsNotes(j.fees),
    fellowshipEstimateNote(j.fees),
  ].filter((n): n is string => n !== undefined);
  // The credits the rows show, so the total adds up: a transferred or exempted subject has no row.
  const billedCredits = sumExact(schedule.bills.map((b) => b.credits));
  return [
    '',
    '## Schedule and bills',
    '',
    how,
    '',
    ...table(
      ['Term', 'Subjects', 'Credits', 'Bill', 'Paid as'],
      ['left', 'left', 'right', 'right', 'left'],
      [
        ['Paid on accepting the offer', '-', '-', m(j.fees.initialPayment), 'the initial payment'],
        ...rows,
        ['**Total payable**', '', String(billedCredits), `**${m(j.fees.payable)}**`, ''],
      ],
    ),
    '',
    `Expected graduation: ${schedule.graduation ? markdownText(schedule.graduation.label) : 'not yet: the plan does not meet every requirement or leaves subjects unscheduled'}.`,
    '',
    ...notes.flatMap((n, i) => [...(i > 0 ? [''] : []), `_${markdownText(n)}_`]),
    // What is still to pay matters once study has begun: for a plan with a record of study.
    ...(j.record.present && today !== undefined ? remainingSection(remainingBills(schedule.bills, today), j) : []),
  ];
}

/** "Epidemiology (3 credits)", "Epidemiology and Project Management (6 credits)". */
function subjectsWithCredits(subjects: ReadonlySet<Subject>): string {
  const list = [...subjects];
  return `${joinWords(
    list.map((s) => s.title),
    'and',
  )} (${plural(creditsOf(list), 'credit', 'credits')})`;
}

/** Why the schedule's credits can be fewer than the plan's: transferred and exempted subjects are not billed, so they have no row. */
function unbilledNotes(j: Judgement): string[] {
  const notes: string[] = [];
  const { transferred, exempted } = j.record;
  if (transferred.size > 0) {
    notes.push(
      `Transferred credits are not billed: ${subjectsWithCredits(transferred)}, credit transferred from earlier study, ${transferred.size === 1 ? 'has' : 'have'} no term and no bill.`,
    );
  }
  if (exempted.size > 0) {
    notes.push(
      `Exempted subjects are not billed: ${subjectsWithCredits(exempted)} ${exempted.size === 1 ? 'has' : 'have'} no term and no bill.`,
    );
  }
  return notes;
}

/** What a grade means beside it: a pass without a grade point, a fail to retake. */
function gradeWords(grade: Grade): string {
  if (grade.hundredths === null) return `${grade.grade} (a pass without a grade point)`;
  return grade.fails ? `${grade.grade} (failed: to be retaken)` : grade.grade;
}

/**
 * The record of study: each subject's result (a grade, transferred, exempted), the GPA, and the
 * credits completed, transferred, exempted and still to take.
 */
function recordSection(j: Judgement): string[] {
  const p = j.progress;
  if (!j.record.present || p === undefined) return [];
  // In the plan's order of subjects, as the rest of the report lists them.
  const resultOf = (s: Subject): string | undefined => {
    const grade = j.record.graded.get(s);
    if (grade !== undefined) return markdownText(gradeWords(grade));
    if (j.record.transferred.has(s)) return 'credit transferred';
    if (j.record.exempted.has(s)) return 'exempted (credits not counted)';
    return undefined;
  };
  const results = j.subjects.flatMap((s) => {
    const result = resultOf(s);
    return result === undefined ? [] : [[...subjectRow(s), result]];
  });
  const gradedCredits = gradePointCredits(j.record);
  const gpa =
    j.gpa === null
      ? 'GPA: none yet (no subject with a grade point).'
      : `GPA: **${gpaText(j.gpa)}** over ${plural(gradedCredits, 'graded credit', 'graded credits')} (passes without a grade point and transferred credits are not in it).`;
  return [
    '',
    '## Record of study',
    '',
    ...(results.length > 0
      ? table(['Code', 'Subject', 'Credits', 'Result'], ['left', 'left', 'right', 'left'], results)
      : ['_No results recorded yet._']),
    '',
    gpa,
    '',
    ...table(
      ['Progress', 'Credits'],
      ['left', 'right'],
      [
        ['Completed', String(p.completedCredits)],
        ['Transferred', String(p.transferredCredits)],
        ['Exempted (not counted)', String(p.exemptedCredits)],
        ['Still to take', String(p.remainingCredits)],
      ],
    ),
  ];
}

/** The bills of the terms still to come, beside what the plan costs in all. */
function remainingSection(remaining: RemainingCost, j: Judgement): string[] {
  const m = (n: number) => markdownText(money(n, j.fees.currency));
  const terms = remaining.bills.length;
  return [
    '',
    `### Still to pay from ${markdownText(remaining.asOf)}`,
    '',
    `${m(remaining.total)} over ${terms} ${terms === 1 ? 'term' : 'terms'}, of ${m(j.fees.payable)} the plan costs in all.`,
    '',
    ...table(
      ['Term', 'Bill'],
      ['left', 'right'],
      [
        ...remaining.bills.map((b) => [b.term ? markdownText(b.term.label) : 'Not scheduled', m(b.bill)]),
        ['**Still to pay**', `**${m(remaining.total)}**`],
      ],
    ),
  ];
}

export interface MarkdownReportInput {
  name: string;
  /** ISO 8601 time the plan was last saved. */
  updatedAt: string;
  judgement: Judgement;
  catalogue: Catalogue;
  /** Today, "2025-10-01": with a record of study, what is still to pay is reckoned from it. */
  today?: string;
}

/** A saved plan as a Markdown report a student can send an adviser: details, subjects, check, record of study, fees. */
export function renderMarkdownReport({ name, updatedAt, judgement: j, catalogue, today }: MarkdownReportInput): string {
  const data = catalogue.data;
  const plan = j.plan;
  const mode = data.modes.find((m) => m.id === plan.mode)?.label ?? plan.mode;
  const routes = j.requirements.flatMap((r) => (r.option ? [r.option.label] : []));
  const verdict = j.valid
    ? '✔ valid: meets every requirement'
    : `✖ not valid: ${j.errors.length} problem${j.errors.length === 1 ? '' : 's'} (below)`;
  const programme = `${data.programme.name}, ${data.programme.institution} (${data.programme.intakeLabel ?? data.programme.intake})`;

  const lines: string[] = [
    `# Study plan: ${markdownText(name)}`,
    '',
    markdownText(programme),
    '',
    ...table(
      ['Detail', 'Value'],
      ['left', 'left'],
      [
        ['Plan', markdownText(name)],
        ['Catalogue', markdownText(plan.catalogue ?? catalogue.id)],
        ['Residency', markdownText(plan.residency)],
        ['Study mode', markdownText(mode)],
        ['Fellowship', plan.fellowship ? 'yes' : 'no'],
        ...(routes.length > 0 ? [['Route', routes.map(markdownText).join(', ')]] : []),
        ['Credits', `${j.credits.planned} of ${j.credits.required} required`],
        ['Verdict', verdict],
        ['Last changed', markdownText(updatedAt)],
      ],
    ),
    '',
    '## Subjects by requirement',
  ];

  const counted = new Set<Subject>();
  for (const r of j.requirements) {
    r.counted.forEach((s) => counted.add(s));
    lines.push('', `### ${markdownText(r.label)}${r.option && r.option.label !== r.label ? `: ${markdownText(r.option.label)}` : ''}`, '');
    if (r.counted.length === 0) lines.push('_None yet._');
    else lines.push(...table(['Code', 'Subject', 'Credits'], ['left', 'left', 'right'], r.counted.map(subjectRow)));
  }
  const others = j.subjects.filter((s) => !counted.has(s));
  if (others.length > 0) {
    lines.push(
      '',
      '### Not counted towards any requirement',
      '',
      ...table(['Code', 'Subject', 'Credits'], ['left', 'left', 'right'], others.map(subjectRow)),
    );
  }

  lines.push(
    '',
    '## Requirement check',
    '',
    ...table(
      ['Requirement', 'Met', 'Progress', 'Missing'],
      ['left', 'left', 'right', 'left'],
      j.requirements.map((r) => [
        markdownText(r.label),
        r.satisfied ? '✔ yes' : '✖ no',
        r.unit === 'credit' ? `${r.have}/${r.need} credits` : `${r.have}/${r.need}`,
        r.missing ? markdownText(r.missing) : '-',
      ]),
    ),
  );
  if (j.errors.length > 0) lines.push('', '### Problems', '', ...j.errors.map((e) => `- ${markdownText(e.message)}`));
  if (j.warnings.length > 0) lines.push('', '### Warnings', '', ...j.warnings.map((w) => `- ${markdownText(w.message)}`));
  lines.push(...recordSection(j));

  const rows = feeRows(j.fees).map(([label, amount]) => [label, markdownText(amount)]);
  const total = rows[rows.length - 1]!;
  rows[rows.length - 1] = [`**${total[0]}**`, `**${total[1]}**`];
  lines.push(
    '',
    '## Fees',
    '',
    ...table(['Item', 'Amount'], ['left', 'right'], rows),
    ...scheduleSection(catalogue, j, today),
    '',
    `_Made with study-planner from the catalogue ${markdownText(catalogue.id)}. Fees are estimates from the programme's published figures; confirm them with the programme office._`,
    '',
  );
  return lines.join('\n');
}
