import type { Judgement } from '../../domain/plan/judge.js';
import { renderFees } from './fees.js';
import { requirementProgress } from './progress.js';
import { safeLine } from './sanitize.js';
import { MARK, type Style } from './style.js';
import { renderProgress } from './record.js';
import { renderRemaining, renderTimeline } from './timeline.js';
import { displayWidth, padToWidth } from './text-width.js';
import { wrap, wrapLines } from './wrap.js';

/**
 * Each requirement: mark, label and a progress bar with its numbers; the subjects counted and
 * what is missing on the lines below (a bar beside a subject column would leave the subjects
 * too little of 80 columns).
 */
export function renderRequirements(judgement: Judgement, style: Style, width: number): string {
  const progressWidth = Math.max(...judgement.requirements.map((r) => displayWidth(requirementProgress(r))));
  // Labels line up in a column where the screen has room; a label too long for it wraps, with the
  // progress on its last line.
  const labelWidth = Math.min(
    Math.max(...judgement.requirements.map((r) => displayWidth(safeLine(r.label)))),
    Math.max(10, width - 4 - 2 - progressWidth),
  );
  return judgement.requirements
    .map((r) => {
      const mark = r.satisfied ? style.ok(MARK.ok) : style.bad(MARK.bad);
      const labelLines = wrapLines(safeLine(r.label), labelWidth);
      const last = labelLines.pop()!;
      const above = labelLines.map((line) => `    ${line}\n`).join('');
      const head = `  ${mark} ${above === '' ? '' : `${above.trimStart()}`}${above === '' ? '' : '    '}${padToWidth(last, labelWidth)}  ${requirementProgress(r, style)}\n    `;
      const indent = 4;
      const counted = r.counted.map((s) => safeLine(s.title)).join(', ');
      const lines = [];
      if (counted !== '') lines.push(counted);
      if (r.missing) lines.push(style.bad(`missing: ${safeLine(r.missing)}`));
      if (lines.length === 0) lines.push(style.dim('nothing yet'));
      return head + lines.map((l) => wrap(l, width, indent)).join(`\n${' '.repeat(indent)}`);
    })
    .join('\n');
}

function findings(title: string, mark: string, list: readonly { message: string }[], width: number): string[] {
  if (list.length === 0) return [];
  return [title, ...list.map((f) => `  ${mark} ${wrap(safeLine(f.message), width, 4)}`)];
}

/** The human report of one checked plan. */
export function renderJudgement(label: string, judgement: Judgement, style: Style, width: number): string {
  const { planned, required } = judgement.credits;
  const verdict = judgement.valid ? style.ok(`${MARK.ok} valid`) : style.bad(`${MARK.bad} invalid`);
  const route = judgement.requirements.flatMap((r) => (r.option && r.satisfied ? [safeLine(r.option.label)] : []));
  const plan = judgement.plan;
  const who = `${plan.residency}, ${plan.mode}${plan.fellowship ? ', with fellowship' : ''}`;
  const details = `${who}; ${planned} of ${required} credits${route.length ? `; route: ${route.join(', ')}` : ''}`;
  const lines = [
    // A name too long to share a line with the verdict gets lines of its own.
    displayWidth(`${safeLine(label)}: ${judgement.valid ? 'x valid' : 'x invalid'}`) <= width
      ? style.bold(`${safeLine(label)}: `) + verdict
      : `${style.bold(`${wrap(safeLine(label), width - 1)}:`)}\n  ${verdict}`,
    `  ${wrap(details, width, 2)}`,
    renderRequirements(judgement, style, width),
    // Unmet requirements are already shown, with what is missing, in the list above.
    ...findings(
      style.bad('Problems'),
      style.bad(MARK.bad),
      judgement.errors.filter((e) => e.code !== 'REQUIREMENT_UNMET'),
      width,
    ),
    ...findings(style.warn('Warnings'), style.warn(MARK.warn), judgement.warnings, width),
    ...(judgement.progress ? ['', renderProgress(judgement, style, width)] : []),
    ...(judgement.schedule ? ['', style.bold('  Schedule'), renderTimeline(judgement.schedule, judgement.fees, style, width)] : []),
    ...(judgement.remaining && judgement.progress ? ['', renderRemaining(judgement.remaining, judgement.fees, style, width)] : []),
    '',
    renderFees(judgement.fees, style, width - 2)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  ];
  return lines.join('\n') + '\n';
}
