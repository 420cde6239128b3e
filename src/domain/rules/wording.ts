import type { Catalogue, RequirementOption } from '../catalogue/model.js';
import type { Standing } from './assign.js';
import type { SelectorData } from '../catalogue/schema.js';

export function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** "1 credit", "3 credits"; `format` writes the count (as it is, unless given: a report may group its digits). */
export function plural(count: number, one: string, many: string, format: (count: number) => string = String): string {
  return `${format(count)} ${count === 1 ? one : many}`;
}

/** "core or elective", or the titles of the subjects a selector names. */
export function describePool(catalogue: Catalogue, option: RequirementOption): string {
  return describeSelector(catalogue, option.rule.from);
}

/** "core or elective", or the titles of the subjects a selector names. */
export function describeSelector(catalogue: Catalogue, from: SelectorData): string {
  const { categories = [], subjects = [] } = from;
  const adjectives = categories.map((id) => catalogue.categoryById.get(id)?.adjective ?? id);
  const titles = subjects.map((id) => catalogue.subjectById.get(id)?.title ?? id);
  if (titles.length === 0) return joinWords(adjectives, 'or');
  if (adjectives.length === 0) return `from ${joinWords(titles, 'or')}`;
  return `${joinWords(adjectives, 'or')} or from ${joinWords(titles, 'or')}`;
}

/** What a student still has to add for one option, in their words: "1 more elective subject". */
export function describeShortfall(catalogue: Catalogue, standing: Standing): string {
  const { option } = standing;
  const rule = option.rule;
  const short = Math.max(0, standing.need - standing.have);
  if (rule.type === 'all') {
    const counted = new Set(standing.counted.map((s) => s.id));
    const missing = [...option.eligible].filter((id) => !counted.has(id)).map((id) => catalogue.subjectById.get(id)!.title);
    if (option.eligible.size === 1) return `the ${missing[0]}`;
    if (missing.length <= 3) return joinWords(missing, 'and');
    return `${missing.length} more ${describePool(catalogue, option)} subjects`;
  }
  const pool = describePool(catalogue, option);
  const poolIsList = pool.startsWith('from ');
  if (rule.type === 'credits') return `${plural(short, 'more credit', 'more credits')} ${poolIsList ? pool : `of ${pool} subjects`}`;
  return poolIsList
    ? `${plural(short, 'more subject', 'more subjects')} ${pool}`
    : `${plural(short, `more ${pool} subject`, `more ${pool} subjects`)}`;
}
