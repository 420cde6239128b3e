import { nameKey } from '../../domain/text/normalize.js';
import type { Context } from '../context.js';
import { UsageError, type Outcome } from '../outcome.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle } from '../render/style.js';
import { renderTable } from '../render/table.js';

export interface SubjectsOptions {
  category?: string;
  search?: string;
}

/** `subjects`: the catalogue, filtered by category and by a word in the identifier, code or title. */
export function subjects(ctx: Context, options: SubjectsOptions): Outcome {
  const catalogue = ctx.catalogue();
  let list = catalogue.subjects;
  if (options.category !== undefined) {
    const wanted = nameKey(options.category);
    const category = catalogue.data.categories.find(
      (c) => nameKey(c.id) === wanted || nameKey(c.label) === wanted || nameKey(c.adjective) === wanted,
    );
    if (!category) {
      throw new UsageError(
        `--category "${safeLine(options.category)}" is not a category of this programme; use one of: ${catalogue.data.categories.map((c) => c.id).join(', ')}.`,
      );
    }
    list = list.filter((s) => s.category === category.id);
  }
  if (options.search !== undefined) {
    const words = nameKey(options.search).split(' ').filter(Boolean);
    list = list.filter((s) => {
      const haystack = `${nameKey(s.id)} ${nameKey(s.code ?? '')} ${nameKey(s.title)}`;
      return words.every((w) => haystack.includes(w));
    });
  }
  if (ctx.json) {
    ctx.out(`${safeJson(list, 2)}\n`);
    return 'success';
  }
  if (list.length === 0) {
    ctx.err('No subject matches; try a shorter --search or another --category.\n');
    return 'success';
  }
  const style = makeStyle(ctx.colour);
  const rows = list.map((s) => [
    safeLine(s.id),
    safeLine(s.code ?? '-'),
    safeLine(s.title) + (s.tuitionFree ? ' (no tuition)' : ''),
    safeLine(s.category),
    String(s.credits),
  ]);
  const table = renderTable(
    [
      { header: 'Identifier', width: 20, flexible: true },
      { header: 'Code', width: 8 },
      { header: 'Title', width: 24, flexible: true },
      { header: 'Category', width: 12 },
      { header: 'Credits', width: 7, align: 'right' },
    ],
    rows,
    style,
    ctx.width,
  );
  ctx.out(`${table}\n${style.dim(`${list.length} subject${list.length === 1 ? '' : 's'}`)}\n`);
  return 'success';
}
