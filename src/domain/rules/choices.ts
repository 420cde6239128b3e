import type { Catalogue } from '../catalogue/model.js';

/** Every choice of one option (route) per requirement, first options first. */
export function* choices(catalogue: Catalogue): Generator<number[]> {
  const sizes = catalogue.requirements.map((r) => r.options.length);
  const choice = sizes.map(() => 0);
  for (;;) {
    yield [...choice];
    let i = sizes.length - 1;
    while (i >= 0 && choice[i] === sizes[i]! - 1) choice[i--] = 0;
    if (i < 0) return;
    choice[i]!++;
  }
}

/** Ways through all the requirements at once: the product of each one's routes. */
export function choiceCount(catalogue: Catalogue): number {
  return catalogue.requirements.reduce((product, r) => product * r.options.length, 1);
}

const choiceLists = new WeakMap<Catalogue, readonly number[][]>();

/** choices(catalogue) as a list made once per catalogue: every plan of a cohort walks it. Never changed by its readers. */
export function choiceList(catalogue: Catalogue): readonly number[][] {
  let list = choiceLists.get(catalogue);
  if (!list) choiceLists.set(catalogue, (list = [...choices(catalogue)]));
  return list;
}
