import type { Subject } from '../../domain/catalogue/model.js';
import { safeLine } from '../render/sanitize.js';
import { clipToWidth, displayWidth, padToWidth } from '../render/text-width.js';
import { wrap } from '../render/wrap.js';
import type { Choice } from './ask.js';

const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

/**
 * "Epidemiology   HTI5601  3 credits", titles padded so codes and credits line up. Where the whole
 * line would not fit in `width` columns, a list to choose from (`overflow` "clip") cuts the title
 * short, as a wrapped line breaks its paging; a list that is only shown ("wrap") keeps every title
 * whole, each on its own lines with its code and credits below.
 */
export function subjectLines(subjects: readonly Subject[], width = Infinity, overflow: 'clip' | 'wrap' = 'clip'): string[] {
  const codeWidth = Math.max(0, ...subjects.map((s) => displayWidth(safeLine(s.code ?? ''))));
  const tail = (s: Subject) => `${credits(s.credits)}${s.tuitionFree ? ', no tuition' : ''}`;
  const room = width - (codeWidth > 0 ? codeWidth + 2 : 0) - 2 - Math.max(...subjects.map((s) => tail(s).length));
  const longest = Math.max(0, ...subjects.map((s) => displayWidth(safeLine(s.title))));
  const titleWidth = overflow === 'wrap' ? longest : Math.min(longest, Math.max(12, room));
  const code = (s: Subject) => (codeWidth > 0 ? `${padToWidth(safeLine(s.code ?? ''), codeWidth)}  ` : '');
  const aligned = subjects.map((s) => `${padToWidth(clipToWidth(safeLine(s.title), titleWidth), titleWidth)}  ${code(s)}${tail(s)}`);
  if (overflow === 'clip' || aligned.every((line) => displayWidth(line) <= width)) return aligned;
  // Too narrow to line up: the whole title, wrapped, then its code and credits indented below it.
  return subjects.map((s) => `${wrap(safeLine(s.title), width)}\n  ${code(s)}${tail(s)}`);
}

/** A checkbox choice per subject, showing its code and credits; the answered prompt shows titles. */
export function subjectChoices(subjects: readonly Subject[], checked: ReadonlySet<string>, width = Infinity): Choice<string>[] {
  // The checkbox draws a cursor, a box and a space before each line.
  const lines = subjectLines(subjects, width - 4);
  return subjects.map((s, i) => ({ value: s.id, name: lines[i]!, short: safeLine(s.title), checked: checked.has(s.id) }));
}
