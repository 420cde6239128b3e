import type { Catalogue, Leaf, Requirement, RequirementOption } from '../../../domain/catalogue/model.js';
import { stepKey } from '../../../domain/plan/steps.js';

/**
 * Which catalogue steps the `plan` command's named flags (docs/commands.md) and the draft's named fields answer.
 * `--core` and `--elective` answer the plain requirement over that category's subjects; `--route`
 * the first choice between alternatives, and `--extra` the pick of its counted option. A catalogue
 * without such requirements simply has no step for that flag.
 */
export interface FlagSlots {
  core?: string;
  elective?: string;
  route?: Requirement;
  extra?: string;
  /** `dissertation` is the alternative of one named subject; `coursework` the one that counts subjects. */
  aliases: Partial<Record<'dissertation' | 'coursework', RequirementOption>>;
  /** The other choices between alternatives, which `--route` names by their options' identifiers. */
  others: Requirement[];
}

/** The first pool of a route that asks for subjects rather than including them. */
export const countLeaf = (o: RequirementOption): Leaf | undefined => o.leaves.find((l) => !l.all);
const isCount = (o: RequirementOption) => countLeaf(o) !== undefined;

function pickOver(catalogue: Catalogue, category: string): string | undefined {
  const plain = catalogue.requirements.filter((r) => r.options.length === 1 && r.options[0]!.leaves.length === 1 && isCount(r.options[0]!));
  const fromOf = (r: Requirement) => r.options[0]!.leaves[0]!.from;
  const categoriesOf = (r: Requirement) => fromOf(r).categories ?? [];
  // A requirement over exactly that category first, then any whose pool includes it.
  const exact = plain.find((r) => categoriesOf(r).length === 1 && categoriesOf(r)[0] === category && !fromOf(r).subjects?.length);
  const found = exact ?? plain.find((r) => categoriesOf(r).includes(category));
  return found && stepKey(found, found.options[0]!);
}

export function flagSlots(catalogue: Catalogue): FlagSlots {
  const choices = catalogue.requirements.filter((r) => r.options.length > 1);
  const route = choices[0];
  const counted = route?.options.find(isCount);
  const single = route?.options.find((o) => o.leaves.length === 1 && o.leaves[0]!.all && o.eligible.size === 1);
  return {
    core: pickOver(catalogue, 'core'),
    elective: pickOver(catalogue, 'elective'),
    route,
    extra: route && counted ? stepKey(route, counted, countLeaf(counted)) : undefined,
    aliases: { dissertation: single, coursework: counted },
    others: choices.slice(1),
  };
}

/** The option a `--route` value names: an option's identifier, or one of the two aliases. */
export function routeOption(slots: FlagSlots, value: string): RequirementOption | undefined {
  const wanted = value.trim().toLowerCase();
  const byId = slots.route?.options.find((o) => o.id === wanted);
  return byId ?? (wanted === 'dissertation' || wanted === 'coursework' ? slots.aliases[wanted] : undefined);
}

/** The words to offer for `--route`: the aliases, and the identifiers of options no alias names. */
export function routeWords(slots: FlagSlots): string[] {
  const aliased = new Set<RequirementOption>();
  const words: string[] = [];
  for (const alias of ['dissertation', 'coursework'] as const) {
    const option = slots.aliases[alias];
    if (option && !aliased.has(option)) {
      aliased.add(option);
      words.push(alias);
    }
  }
  for (const option of slots.route?.options ?? []) if (!aliased.has(option) && !words.includes(option.id)) words.push(option.id);
  return words;
}

/**
 * The choice and alternative one word of `--route` names: the first choice's (by identifier or
 * alias), else any other choice's by its identifier. Several choices are answered by one `--route`
 * whose words are separated by commas ("--route nlp-stream,with-project").
 */
export function routeChoice(slots: FlagSlots, word: string): { requirement: Requirement; option: RequirementOption } | undefined {
  const first = slots.route && routeOption(slots, word);
  if (slots.route && first) return { requirement: slots.route, option: first };
  const wanted = word.trim().toLowerCase();
  for (const requirement of slots.others) {
    const option = requirement.options.find((o) => o.id.toLowerCase() === wanted);
    if (option) return { requirement, option };
  }
  return undefined;
}
