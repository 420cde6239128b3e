import type { FeeSummary } from '../../domain/fees/fees.js';
import type { ScheduleResult } from '../../domain/schedule/plan-schedule.js';
import { money } from '../../domain/text/money.js';
import { progressBar } from './progress.js';
import { safeLine } from './sanitize.js';
import { UNSCHEDULED_LABEL } from './schedule-json.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

export const GRADUATION_MARK = '◆ graduation';
// The initial payment, paid on accepting the offer.
const ACCEPTANCE_LABEL = 'Paid on acceptance';
const TOTAL_LABEL = 'Total payable';
const MAX_LABEL = 24;
const MAX_BAR = 12;
const MIN_BAR = 4;
// Subject lists wrap here even on a very wide terminal, so a row stays easy to follow.
const MAX_TEXT_WIDTH = 100;

function fitLabel(label: string): string {
  const safe = safeLine(label);
  return safe.length <= MAX_LABEL ? safe : `${safe.slice(0, MAX_LABEL - 1)}…`;
}

/**
 * The schedule as a picture, one row per term: its label, a bar for its credits, the credits, the
 * bill, the graduation term marked in words; the term's subjects on the lines below. Above the
 * terms, the initial payment; below them, the total, which the rows add up to. Fits 80 columns.
 * `warnings` (by term identifier) are shown beside their terms: a heavy term, say.
 */
export function renderTimeline(schedule: ScheduleResult, fees: FeeSummary, style: Style, width: number, warnings?: ReadonlyMap<string, string>): string {
  const m = (n: number) => money(n, fees.currency);
  const rows = schedule.bills.map((b) => ({ bill: b, label: fitLabel(b.term?.label ?? UNSCHEDULED_LABEL) }));
  const labelWidth = Math.max(ACCEPTANCE_LABEL.length, TOTAL_LABEL.length, ...rows.map((r) => r.label.length));
  const moneyWidth = Math.max(m(fees.payable).length, m(fees.initialPayment).length, ...rows.map((r) => m(r.bill.bill).length));
  const creditWidth = Math.max(2, ...rows.map((r) => String(r.bill.credits).length));
  const warningOf = (b: { term: { id: string } | undefined }) => (b.term ? warnings?.get(b.term.id) : undefined);
  // Room for the graduation mark and, where there is one, a warning beside it.
  const longestWarning = Math.max(0, ...rows.map((r) => warningOf(r.bill)?.length ?? 0));
  const noteWidth = GRADUATION_MARK.length + (longestWarning > 0 ? 2 + longestWarning : 0);
  const fixed = 2 + labelWidth + 2 + 2 + creditWidth + 3 + 2 + moneyWidth + 2 + noteWidth;
  const barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed));
  const scale = Math.max(1, ...rows.map((r) => r.bill.credits));
  const textWidth = Math.min(width, MAX_TEXT_WIDTH);
  const line = (label: string, bar: string, credits: string, amount: string, note = '') =>
    `  ${label.padEnd(labelWidth)}  ${bar}  ${credits}  ${amount.padStart(moneyWidth)}${note ? `  ${note}` : ''}`.trimEnd();
  const noBar = ' '.repeat(barWidth);
  const noCredits = ' '.repeat(creditWidth + 3);

  const lines = [style.dim(line('Term', 'Credits'.padEnd(barWidth), ' '.repeat(creditWidth + 3), 'Bill'))];
  if (fees.initialPayment > 0) lines.push(line(ACCEPTANCE_LABEL, noBar, noCredits, m(fees.initialPayment)));
  for (const { bill, label } of rows) {
    const graduates = bill.term !== undefined && schedule.graduation?.id === bill.term.id;
    const mark = graduates ? style.ok(GRADUATION_MARK) : bill.subjects.length === 0 ? style.dim('no subjects') : '';
    const warning = warningOf(bill);
    const note = warning === undefined ? mark : `${mark ? `${mark}  ` : ''}${style.warn(warning)}`;
    const bar = progressBar(bill.credits, scale, barWidth, style);
    const credits = `${String(bill.credits).padStart(creditWidth)} cr`;
    lines.push(line(bill.term ? label : style.bad(label.padEnd(labelWidth)), bar, credits, m(bill.bill), note));
    if (bill.subjects.length > 0) lines.push(`    ${wrap(bill.subjects.map((s) => safeLine(s.title)).join(', '), textWidth, 4)}`);
  }
  const ruleWidth = 2 + labelWidth + 2 + barWidth + 2 + creditWidth + 3 + 2 + moneyWidth - 2;
  lines.push(`  ${'─'.repeat(ruleWidth)}`);
  lines.push(style.bold(line(TOTAL_LABEL, noBar, noCredits, m(fees.payable))));
  if (!schedule.graduation) {
    const why = schedule.unscheduled.length > 0 ? 'some subjects have no term' : 'the plan does not meet every requirement yet';
    lines.push(style.dim(`  No graduation term: ${why}.`));
  }
  return lines.join('\n');
}

/** How the bills' rounding is placed, in a student's words (the domain's splitBills does it). */
export function roundingNote(fees: FeeSummary): string {
  const initial = 'the initial payment is taken off the first bills.';
  if (fees.fellowship === 0) return `No fellowship applies, so each term is billed its tuition; ${initial}`;
  const [unit, units] = /D$/.test(fees.currency) ? ['dollar', 'dollars'] : [`whole ${fees.currency}`, fees.currency];
  return `Each term's fellowship share is rounded down to the ${unit}; the ${units} left over go to the last term with credits that count towards graduation; ${initial}`;
}

/** `fees --by-term`: which schedule the bills are of, the timeline, and how the rounding falls. */
export function renderTermBills(schedule: ScheduleResult, fees: FeeSummary, style: Style, width: number): string {
  const heading = schedule.proposed ? 'Bills term by term, for a proposed schedule' : "Bills term by term, for the plan's own schedule";
  const notes = [roundingNote(fees)];
  if (schedule.proposed) {
    notes.push('The plan has no schedule of its own, so one is proposed: compulsory subjects first, the normal load for the study mode, a dissertation last. Add "schedule" to the plan to choose the terms yourself.');
  }
  const lines = [style.bold(heading), '', renderTimeline(schedule, fees, style, width), ''];
  if (schedule.errors.length > 0) {
    lines.push(style.bad('The schedule has problems; the bills are as it stands:'));
    for (const e of schedule.errors) lines.push(`  ${style.bad('✖')} ${wrap(safeLine(e.message), width, 4)}`);
    lines.push('');
  }
  lines.push(...notes.map((n) => style.dim(wrap(n, width))), '');
  return lines.join('\n');
}
