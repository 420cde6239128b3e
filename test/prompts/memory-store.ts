import type { PlanFile } from '../../src/domain/plan/schema.js';
import type { DefaultKey, Defaults, Draft, SavedPlan, Store } from '../../src/cli/io/store-types.js';

/** The store's interface over memory, for tests of the planner that need no file. */
export class MemoryStore implements Store {
  readonly path = '(memory)';
  saved = new Map<string, SavedPlan>();
  draft: Draft | undefined;
  /** Every draft saved, in order: the planner saves one after each answered step. */
  draftSaves: Draft[] = [];
  private defaultValues: Defaults;

  constructor(init: { defaults?: Defaults; draft?: Draft; plans?: SavedPlan[] } = {}) {
    this.defaultValues = { ...init.defaults };
    this.draft = init.draft;
    for (const plan of init.plans ?? []) this.saved.set(plan.name, plan);
  }

  defaults(): Defaults {
    return { ...this.defaultValues };
  }
  setDefault<K extends DefaultKey>(key: K, value: NonNullable<Defaults[K]>): void {
    this.defaultValues = { ...this.defaultValues, [key]: value };
  }
  unsetDefault(key: DefaultKey): void {
    const { [key]: _dropped, ...rest } = this.defaultValues;
    this.defaultValues = rest;
  }
  listPlans(): SavedPlan[] {
    return [...this.saved.values()];
  }
  getPlan(name: string): SavedPlan | undefined {
    return this.saved.get(name);
  }
  savePlan(name: string, plan: PlanFile): SavedPlan {
    const saved = { name, plan, updatedAt: new Date(0).toISOString() };
    this.saved.set(name, saved);
    return saved;
  }
  deletePlan(name: string): boolean {
    return this.saved.delete(name);
  }
  renamePlan(from: string, to: string): SavedPlan {
    const plan = this.saved.get(from);
    if (!plan) throw new Error(`no plan "${from}"`);
    this.saved.delete(from);
    const renamed = { ...plan, name: to };
    this.saved.set(to, renamed);
    return renamed;
  }
  getDraft(): Draft | undefined {
    return this.draft;
  }
  saveDraft(draft: Draft): void {
    this.draft = structuredClone(draft);
    this.draftSaves.push(this.draft);
  }
  clearDraft(): void {
    this.draft = undefined;
  }
}
