import type { FeeSummary } from '../../domain/fees/fees.js';
import type { ScheduleResult } from '../../domain/schedule/plan-schedule.js';
import type { RemainingCost } from '../../domain/record/remaining.js';
import { money } from '../../domain/text/money.js';
import { progressBar } from './progress.js';
import { safeLine } from './sanitize.js';
import { UNSCHEDULED_LABEL } from './schedule-json.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';
import { billsNotes, fellowshipEstimateNote, howBilledNote, instalmentWords } from './bill-notes.js';

export const GRADUATION_MARK = '◆ graduation';
// The initial payment, paid on accepting the offer.
const ACCEPTANCE_LABEL = 'Paid on acceptance';
const TOTAL_LABEL = 'Total payable';
const MAX_LABEL = 24;
const MAX_BAR = 12;
const MIN_BAR = 4;
// Subject lists wrap here even on a very wide terminal, so a row stays easy to follow.
const MAX_TEXT_WIDTH = 100;

function fitLabel(label: string, max = MAX_LABEL): string {
  const safe = safeLine(label);
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}

/**
 * The schedule as a picture, one row per term: its label, a bar for its credits, the credits, the
 * bill, the graduation term marked in words; below each row the term's subjects and how its bill
 * is paid (the initial payment counted there, the instalments). Above the terms, the initial
 * payment; below them, the total, which the rows add up to, and the notes (billsNotes).
 * `warnings` (by term identifier) are shown beside their terms: a heavy term, say. Where a row
 * does not fit `width` (40 columns, say), the bar goes and the credits, the mark and the warning
 * move to a line of their own.
 */
export function renderTimeline(
  schedule: ScheduleResult,
  fees: FeeSummary,
  style: Style,
  width: number,
  warnings?: ReadonlyMap<string, string>,
): string {
  const m = (n: number) => money(n, fees.currency);
  const moneyWidth = Math.max(m(fees.payable).length, m(fees.initialPayment).length, ...schedule.bills.map((b) => m(b.bill).length));
  const creditWidth = Math.max(2, ...schedule.bills.map((b) => String(b.credits).length));
  const warningOf = (b: { term: { id: string } | undefined }) => (b.term ? warnings?.get(b.term.id) : undefined);
  // Room for the graduation mark and, where there is one, a warning beside it.
  const longestWarning = Math.max(0, ...schedule.bills.map((b) => warningOf(b)?.length ?? 0));
  const noteWidth = GRADUATION_MARK.length + (longestWarning > 0 ? 2 + longestWarning : 0);
  const wideLabels = schedule.bills.map((b) => fitLabel(b.term?.label ?? UNSCHEDULED_LABEL));
  const wideLabelWidth = Math.max(ACCEPTANCE_LABEL.length, TOTAL_LABEL.length, ...wideLabels.map((l) => l.length));
  const fixed = 2 + wideLabelWidth + 2 + 2 + creditWidth + 3 + 2 + moneyWidth + 2 + noteWidth;
  const narrow = fixed + MIN_BAR > width;
  const labelRoom = narrow ? Math.max(8, width - 2 - 2 - moneyWidth) : MAX_LABEL;
  const rows = schedule.bills.map((b) => ({ bill: b, label: fitLabel(b.term?.label ?? UNSCHEDULED_LABEL, labelRoom) }));
  const labelWidth = Math.max(
    ...[ACCEPTANCE_LABEL, TOTAL_LABEL].map((l) => fitLabel(l, labelRoom).length),
    ...rows.map((r) => r.label.length),
  );
  const barWidth = narrow ? 0 : Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed));
  const scale = Math.max(1, ...rows.map((r) => r.bill.credits));
  const textWidth = Math.min(width, MAX_TEXT_WIDTH);
  const line = (label: string, bar: string, credits: string, amount: string, note = '') =>
    narrow
      ? `  ${label.padEnd(labelWidth)}  ${amount.padStart(moneyWidth)}`.trimEnd()
      : `  ${label.padEnd(labelWidth)}  ${bar}  ${credits}  ${amount.padStart(moneyWidth)}${note ? `  ${note}` : ''}`.trimEnd();
  const noBar = ' '.repeat(barWidth);
  const noCredits = ' '.repeat(creditWidth + 3);
  const fit = (label: string) => fitLabel(label, labelRoom);

  const lines = [style.dim(line('Term', 'Credits'.padEnd(barWidth), ' '.repeat(creditWidth + 3), 'Bill'))];
  if (fees.initialPayment > 0) lines.push(line(fit(ACCEPTANCE_LABEL), noBar, noCredits, m(fees.initialPayment)));
  for (const { bill, label } of rows) {
    const graduates = bill.term !== undefined && schedule.graduation?.id === bill.term.id;
    const titles = [...bill.subjects.map((s) => safeLine(s.title)), ...bill.retakes.map((s) => `${safeLine(s.title)} (retake)`)];
    const mark = graduates ? style.ok(GRADUATION_MARK) : titles.length === 0 ? style.dim('no subjects') : '';
    const warning = warningOf(bill);
    const credits = `${String(bill.credits).padStart(creditWidth)} cr`;
    const shownLabel = bill.term ? label : style.bad(label.padEnd(labelWidth));
    if (narrow) {
      lines.push(line(shownLabel, '', '', m(bill.bill)));
      lines.push(`    ${bill.credits} cr${mark ? `  ${mark}` : ''}`);
      if (warning !== undefined) lines.push(`    ${style.warn(wrap(warning, width, 4))}`);
    } else {
      const note = warning === undefined ? mark : `${mark ? `${mark}  ` : ''}${style.warn(warning)}`;
      lines.push(line(shownLabel, progressBar(bill.credits, scale, barWidth, style), credits, m(bill.bill), note));
    }
    if (titles.length > 0) lines.push(`    ${wrap(titles.join(', '), textWidth, 4)}`);
    const paid = instalmentWords(bill, fees.currency);
    if (paid !== '') lines.push(style.dim(`    ${wrap(paid, textWidth, 4)}`));
  }
  const ruleWidth = narrow ? labelWidth + 2 + moneyWidth : 2 + labelWidth + 2 + barWidth + 2 + creditWidth + 3 + 2 + moneyWidth - 2;
  lines.push(`  ${'─'.repeat(ruleWidth)}`);
  lines.push(style.bold(line(fit(TOTAL_LABEL), noBar, noCredits, m(fees.payable))));
  if (!schedule.graduation) {
    const why = schedule.unscheduled.length > 0 ? 'some subjects have no term' : 'the plan does not meet every requirement yet';
    lines.push(style.dim(`  ${wrap(`No graduation term: ${why}.`, width, 2)}`));
  }
  for (const note of billsNotes(fees)) lines.push(style.dim(`  ${wrap(note, textWidth, 2)}`));
  return lines.join('\n');
}

/**
 * `fees --by-term`: which schedule the bills are of, the timeline, how PolyU bills the terms and
 * how the fellowship's estimated shares are rounded.
 */
export function renderTermBills(
  schedule: ScheduleResult,
  fees: FeeSummary,
  style: Style,
  width: number,
  remaining?: RemainingCost,
): string {
  const heading = schedule.proposed ? 'Bills term by term, for a proposed schedule' : "Bills term by term, for the plan's own schedule";
  const notes = [howBilledNote(schedule.bills, fees.initialPayment), fellowshipEstimateNote(fees)].filter(
    (n): n is string => n !== undefined,
  );
  if (schedule.proposed) {
    notes.push(
      'The plan has no schedule of its own, so one is proposed: compulsory subjects first, the normal load for the study mode, a dissertation last. Add "schedule" to the plan to choose the terms yourself.',
    );
  }
  const lines = [style.bold(wrap(heading, width)), '', renderTimeline(schedule, fees, style, width), ''];
  if (remaining) lines.push(renderRemaining(remaining, fees, style, width), '');
  if (schedule.errors.length > 0) {
    lines.push(style.bad(wrap('The schedule has problems; the bills are as it stands:', width)));
    for (const e of schedule.errors) lines.push(`  ${style.bad('✖')} ${wrap(safeLine(e.message), width, 4)}`);
    lines.push('');
  }
  lines.push(...notes.map((n) => style.dim(wrap(n, width))), '');
  return lines.join('\n');
}

/**
 * What is still to pay from a day, beside what the plan costs in all: "Still to pay from
 * 2025-10-01: HK$60,000 of HK$52,500 ..." one line for the total, one per term still to come.
 */
export function renderRemaining(remaining: RemainingCost, fees: FeeSummary, style: Style, width: number): string {
  const m = (n: number) => money(n, fees.currency);
  const terms = remaining.bills.length;
  const head = `Still to pay from ${remaining.asOf}: ${m(remaining.total)} over ${terms} ${terms === 1 ? 'term' : 'terms'}, of ${m(fees.payable)} the plan costs in all.`;
  const rows = remaining.bills.map((b) => `    ${fitLabel(b.term?.label ?? UNSCHEDULED_LABEL)}: ${m(b.bill)}`);
  return [style.bold(`  ${wrap(head, width, 2)}`), ...rows].join('\n');
}
