import type {
  CatalogueData,
  ExitAwardData,
  FellowshipRules,
  LeafData,
  RequirementNodeData,
  Residency,
  RuleData,
  SelectorData,
  SubjectData,
} from './schema.js';
import { nameKey } from '../text/normalize.js';
import { requirementTree, routesOf, type Route } from './routes.js';
import { creditsOf, differenceExact, hundredths } from './credits.js';

export type Subject = SubjectData;

/** One pool a route counts subjects from, between bounds; credits in hundredths, a missing maximum is Infinity. */
export interface Leaf {
  id: string;
  label: string;
  from: SelectorData;
  /** Identifiers of every catalogue subject the pool's selector names. */
  eligible: ReadonlySet<string>;
  /** Every eligible subject must be counted here. */
  all: boolean;
  minSubjects: number;
  maxSubjects: number;
  minCredits: number;
  maxCredits: number;
  /** A subject counted here may count towards another requirement as well. */
  shared: boolean;
}

/** A cap on what a pool may add towards the degree, across every requirement (credits in hundredths). */
export interface Limit {
  id: string;
  label: string;
  eligible: ReadonlySet<string>;
  maxSubjects: number;
  maxCredits: number;
}

export interface RequirementOption {
  id: string;
  label: string;
  /**
   * The route's rule in version 1's terms: exact when the route is one version 1 rule (see
   * `Catalogue.v1Shaped`); otherwise its first pool's, for wording only. The engine reads `leaves`.
   */
  rule: RuleData;
  /** Identifiers of every catalogue subject any of the route's pools names. */
  eligible: ReadonlySet<string>;
  /** The pools that must all be met for this route. */
  leaves: readonly Leaf[];
}

export interface Requirement {
  id: string;
  label: string;
  /** The routes: one for a plain rule; several where the requirement offers a choice. */
  options: readonly RequirementOption[];
  /** The requirement as the file gives it, in version 2's form. */
  tree: RequirementNodeData;
}

/** The fees in one form for every catalogue version; amounts in units of `currency`, to the cent. */
export interface FeeRules {
  currency: string;
  perCredit: Readonly<Record<Residency, number>>;
  /** Flat tuition for the credits the programme requires; perCredit then prices credits beyond them. */
  programmeFee: Readonly<Record<Residency, number>> | undefined;
  /** By residency, then by mode identifier. */
  initialRegistrationCredits: Readonly<Record<Residency, Readonly<Record<string, number>>>>;
  fellowship: FellowshipRules | undefined;
  /** The charged credits the programme requires (requiredChargedCredits): what a programme fee pays for. */
  chargedCreditsRequired: number;
}

/** A validated catalogue with the indexes every command needs. Build it with `loadCatalogue`. */
export interface Catalogue {
  data: CatalogueData;
  id: string;
  subjects: readonly Subject[];
  subjectById: ReadonlyMap<string, Subject>;
  categoryById: ReadonlyMap<string, CatalogueData['categories'][number]>;
  requirements: readonly Requirement[];
  limits: readonly Limit[];
  exitAwards: readonly ExitAwardData[];
  fees: FeeRules;
  /**
   * Every route is one version 1 rule (all, or at least N subjects or credits, nothing shared, no
   * cap), there are no limits, at most one requirement counts credits, and credits are whole: a min-cost flow then
   * judges a plan exactly. Any other catalogue is judged by a bounded search (rules/search/).
   */
  v1Shaped: boolean;
  /** Normalised identifier, code or title to subject identifier. */
  names: ReadonlyMap<string, string>;
}

/**
 * The subjects a route names one by one (its `all` pools): the only ones it requires by name. Read
 * this, not `rule`, which is exact for version 1's routes only.
 */
export function namedSubjects(option: RequirementOption): Set<string> {
  const named = new Set<string>();
  for (const leaf of option.leaves) if (leaf.all) for (const id of leaf.eligible) named.add(id);
  return named;
}

export function selectSubjects(data: CatalogueData, selector: SelectorData): Set<string> {
  const categories = new Set(selector.categories ?? []);
  const out = new Set<string>(selector.subjects ?? []);
  if (categories.size > 0) for (const subject of data.subjects) if (categories.has(subject.category)) out.add(subject.id);
  return out;
}

function buildLeaf(data: CatalogueData, leaf: LeafData): Leaf {
  const eligible = selectSubjects(data, leaf.from);
  return {
    id: leaf.id,
    label: leaf.label,
    from: leaf.from,
    eligible,
    all: leaf.all === true,
    minSubjects: leaf.all ? eligible.size : (leaf.atLeast?.subjects ?? 0),
    maxSubjects: leaf.atMost?.subjects ?? Infinity,
    minCredits: leaf.atLeast?.credits === undefined ? 0 : hundredths(leaf.atLeast.credits),
    maxCredits: leaf.atMost?.credits === undefined ? Infinity : hundredths(leaf.atMost.credits),
    shared: leaf.shared === true,
  };
}

/** The version 1 rule a pool is, if it is one. */
function v1Rule(leaf: LeafData): RuleData | undefined {
  if (leaf.shared || leaf.atMost) return undefined;
  if (leaf.all) return leaf.atLeast ? undefined : { type: 'all', from: leaf.from };
  const { subjects, credits } = leaf.atLeast ?? {};
  if (subjects !== undefined && credits === undefined && subjects >= 1) return { type: 'subjects', min: subjects, from: leaf.from };
  if (credits !== undefined && subjects === undefined && credits >= 1 && Number.isInteger(credits))
    return { type: 'credits', min: credits, from: leaf.from };
  return undefined;
}

/**
 * A route's option. Routes share their pools (a requirement of 12 two-way choices has 4,096 routes
 * of the same 24 pools), so each pool is built once (see buildCatalogue), and a route's union of eligible
 * subjects only when first read.
 */
function optionOf(route: Route, leafOf: (leaf: LeafData) => Leaf): { option: RequirementOption; v1: boolean } {
  const rules = route.leaves.map(v1Rule);
  const exact = route.leaves.length === 1 && rules[0] !== undefined;
  const first = route.leaves[0]!;
  const leaves = route.leaves.map(leafOf);
  const rule: RuleData = rules[0] ?? {
    type: first.atLeast?.credits !== undefined && first.atLeast.subjects === undefined ? 'credits' : 'subjects',
    min: Math.max(1, first.atLeast?.credits ?? first.atLeast?.subjects ?? 1),
    from: first.from,
  };
  let eligible: ReadonlySet<string> | undefined = leaves.length === 1 ? leaves[0]!.eligible : undefined;
  const option: RequirementOption = {
    id: route.id,
    label: route.label,
    rule,
    get eligible() {
      return (eligible ??= new Set(leaves.flatMap((l) => [...l.eligible])));
    },
    leaves,
  };
  return { option, v1: exact };
}

function feesOf(data: CatalogueData, chargedCreditsRequired: number): FeeRules {
  const f = data.fees;
  const perResidency = (value: number | Readonly<Record<Residency, number>>): Record<Residency, number> =>
    typeof value === 'number' ? { local: value, 'non-local': value } : { local: value.local, 'non-local': value['non-local'] };
  const byMode = (value: number | Readonly<Record<string, number>>): Record<string, number> => {
    const out = Object.create(null) as Record<string, number>;
    for (const mode of data.modes) out[mode.id] = typeof value === 'number' ? value : (value[mode.id] ?? 0);
    return out;
  };
  return {
    currency: f.currency,
    perCredit: perResidency(f.perCredit),
    programmeFee: f.programmeFee === undefined ? undefined : perResidency(f.programmeFee),
    initialRegistrationCredits: {
      local: byMode(f.initialRegistrationCredits.local),
      'non-local': byMode(f.initialRegistrationCredits['non-local']),
    },
    fellowship: f.fellowship,
    chargedCreditsRequired,
  };
}

export function buildCatalogue(data: CatalogueData): Catalogue {
  const subjectById = new Map(data.subjects.map((s) => [s.id, s]));
  let names: ReadonlyMap<string, string> | undefined;
  let v1Routes = true;
  let creditRequirements = 0;
  const built = new Map<LeafData, Leaf>();
  const leafOf = (leaf: LeafData): Leaf => {
    let known = built.get(leaf);
    if (!known) built.set(leaf, (known = buildLeaf(data, leaf)));
    return known;
  };
  const requirements = data.requirements.map((r): Requirement => {
    const tree = requirementTree(r);
    const options = routesOf(tree).map((route) => optionOf(route, leafOf));
    if (options.some((b) => !b.v1)) v1Routes = false;
    if (options.some((b) => b.option.rule.type === 'credits')) creditRequirements++;
    return { id: tree.id, label: tree.label, options: options.map((b) => b.option), tree };
  });
  const limits = (data.limits ?? []).map(
    (l): Limit => ({
      id: l.id,
      label: l.label,
      eligible: selectSubjects(data, l.from),
      maxSubjects: l.atMost.subjects ?? Infinity,
      maxCredits: l.atMost.credits === undefined ? Infinity : hundredths(l.atMost.credits),
    }),
  );
  return {
    data,
    id: data.id,
    subjects: data.subjects,
    subjectById,
    categoryById: new Map(data.categories.map((c) => [c.id, c])),
    requirements,
    limits,
    exitAwards: data.exitAwards ?? [],
    fees: feesOf(data, requiredChargedCredits(data.creditsRequired, requirements, data.subjects)),
    v1Shaped: v1Routes && limits.length === 0 && creditRequirements <= 1 && data.subjects.every((s) => Number.isInteger(s.credits)),
    // Made when a name is first looked up: `fees` and `subjects` never do (a millisecond of each start).
    get names() {
      return (names ??= namesOf(data));
    },
  };
}

/** Normalised title, code and identifier to subject identifier. */
function namesOf(data: CatalogueData): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  // Titles first, then codes, then identifiers, so an identifier always wins a clash.
  for (const s of data.subjects) names.set(nameKey(s.title), s.id);
  for (const s of data.subjects) if (s.code) names.set(nameKey(s.code), s.id);
  for (const s of data.subjects) names.set(nameKey(s.id), s.id);
  return names;
}

/**
 * The credits required for graduation that carry tuition: `creditsRequired` less those of the
 * tuition-free subjects every plan must take (a subject that each route of a requirement names in
 * an `all` pool). Read from the catalogue's data, so a programme's free subjects are never code;
 * worked out once, as the catalogue is built (FeeRules.chargedCreditsRequired).
 */
export function requiredChargedCredits(
  creditsRequired: number,
  requirements: readonly Requirement[],
  subjects: readonly Subject[],
): number {
  const free = subjects.filter((s) => s.tuitionFree === true && requirements.some((r) => everyRouteNames(r, s.id)));
  return Math.max(0, differenceExact(creditsRequired, creditsOf(free)));
}

function everyRouteNames(requirement: Requirement, id: string): boolean {
  return requirement.options.every((o) => namedSubjects(o).has(id));
}
