import type { Catalogue, Requirement, RequirementOption } from '../../../domain/catalogue/model.js';
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
}

const isCount = (o: RequirementOption) => o.rule.type !== 'all';

function pickOver(catalogue: Catalogue, category: string): string | undefined {
  const plain = catalogue.requirements.filter((r) => r.options.length === 1 && isCount(r.options[0]!));
  const categoriesOf = (r: Requirement) => r.options[0]!.rule.from.categories ?? [];
  // A requirement over exactly that category first, then any whose pool includes it.
  const exact = plain.find(
    (r) => categoriesOf(r).length === 1 && categoriesOf(r)[0] === category && !r.options[0]!.rule.from.subjects?.length,
  );
  const found = exact ?? plain.find((r) => categoriesOf(r).includes(category));
  return found && stepKey(found, found.options[0]!);
}

export function flagSlots(catalogue: Catalogue): FlagSlots {
  const route = catalogue.requirements.find((r) => r.options.length > 1);
  const counted = route?.options.find(isCount);
  const single = route?.options.find((o) => o.rule.type === 'all' && o.eligible.size === 1);
  return {
    core: pickOver(catalogue, 'core'),
    elective: pickOver(catalogue, 'elective'),
    route,
    extra: route && counted ? stepKey(route, counted) : undefined,
    aliases: { dissertation: single, coursework: counted },
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
