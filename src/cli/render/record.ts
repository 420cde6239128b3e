import type { Judgement } from '../../domain/plan/judge.js';
import { gpaText } from '../../domain/record/grades.js';
import type { ToTake } from '../../domain/record/progress.js';
import { gradePointCredits } from '../../domain/record/record.js';
import { safeLine } from './sanitize.js';
import { MARK, type Style } from './style.js';
import { wrap } from './wrap.js';

const toTakeWords = (t: ToTake) => `${safeLine(t.subject.title)}${t.retake ? ' (retake)' : ''} (${t.term ? t.term.label : 'no term yet'})`;

/**
 * The record of study: the GPA and the credits done, transferred, exempted and left; then each
 * requirement's subjects done and still to take, each in the term the schedule gives it.
 */
export function renderProgress(judgement: Judgement, style: Style, width: number): string {
  const p = judgement.progress!;
  const graded = gradePointCredits(judgement.record);
  const gpa = judgement.gpa === null ? 'GPA: none yet (no graded subject)' : `GPA ${gpaText(judgement.gpa)} over ${graded} graded credits`;
  const counts = `${p.completedCredits} credits completed, ${p.transferredCredits} transferred, ${p.exemptedCredits} exempted (not counted), ${p.remainingCredits} still to take`;
  const lines = [style.bold('  Record of study'), `    ${wrap(`${gpa}; ${counts}.`, width, 4)}`];
  for (const r of [...p.requirements, { id: undefined, label: 'Other subjects', done: [], toTake: p.others }]) {
    // What the plan's subjects leave unmet is said here too: a requirement is done only when it is met.
    const unmet = judgement.requirements.find((q) => q.id === r.id && !q.satisfied);
    if (r.done.length === 0 && r.toTake.length === 0 && unmet === undefined) continue;
    const mark = unmet !== undefined ? style.bad(MARK.bad) : r.toTake.length === 0 ? style.ok(MARK.ok) : style.dim('…');
    const parts = [];
    if (r.done.length > 0) parts.push(`done: ${r.done.map((s) => safeLine(s.title)).join(', ')}`);
    if (r.toTake.length > 0) parts.push(`to take: ${r.toTake.map(toTakeWords).join(', ')}`);
    if (unmet?.missing) parts.push(`still needs ${safeLine(unmet.missing)}`);
    lines.push(`  ${mark} ${wrap(`${safeLine(r.label)}: ${parts.join('; ')}`, width, 4)}`);
  }
  return lines.join('\n');
}
