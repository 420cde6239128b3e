import type { Subject } from '../../domain/catalogue/model.js';
import { safeLine } from '../render/sanitize.js';
import type { Choice } from './ask.js';

const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1)).trimEnd()}…`;
}

/**
 * "Epidemiology   HTI5601  3 credits", titles padded so codes and credits line up, and cut short
 * where the whole line would not fit in `width` columns (a wrapped line breaks a list's paging).
 */
export function subjectLines(subjects: readonly Subject[], width = Infinity): string[] {
  const codeWidth = Math.max(0, ...subjects.map((s) => safeLine(s.code ?? '').length));
  const tail = (s: Subject) => `${credits(s.credits)}${s.tuitionFree ? ', no tuition' : ''}`;
  const room = width - (codeWidth > 0 ? codeWidth + 2 : 0) - 2 - Math.max(...subjects.map((s) => tail(s).length));
  const titleWidth = Math.min(Math.max(0, ...subjects.map((s) => safeLine(s.title).length)), Math.max(12, room));
  return subjects.map((s) => {
    const code = codeWidth > 0 ? `${safeLine(s.code ?? '').padEnd(codeWidth)}  ` : '';
    return `${clip(safeLine(s.title), titleWidth).padEnd(titleWidth)}  ${code}${tail(s)}`;
  });
}

/** A checkbox choice per subject, showing its code and credits; the answered prompt shows titles. */
export function subjectChoices(subjects: readonly Subject[], checked: ReadonlySet<string>, width = Infinity): Choice<string>[] {
  // The checkbox draws a cursor, a box and a space before each line.
  const lines = subjectLines(subjects, width - 4);
  return subjects.map((s, i) => ({ value: s.id, name: lines[i]!, short: safeLine(s.title), checked: checked.has(s.id) }));
}
