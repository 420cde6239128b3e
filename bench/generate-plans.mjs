// Writes a cohort of plan files: mostly valid plans, with the mistakes advisers actually meet.
import fs from 'node:fs';
import path from 'node:path';
import { random } from '../test/hardening/random.mjs';

/** The plan kinds and how often each occurs in the cohort (weights sum to 100). */
const KINDS = [
  ['valid-dissertation', 30],
  ['valid-coursework', 30],
  ['valid-extra-credits', 8],
  ['missing-elective', 8],
  ['typo', 10],
  ['duplicate', 3],
  ['fellowship-non-local', 3],
  ['catalogue-mismatch', 2],
  ['unknown-field', 3],
  ['wrong-type', 1],
  ['broken-json', 2],
];

/**
 * `invalidShare` (0 to 1), when given, rescales the weights so that this share of the cohort is
 * invalid kinds, keeping their proportions among themselves (bench/ratios.mjs uses 1 in 5).
 */
export function generatePlans(dir, count, catalogue, seed = 20240901, { invalidShare } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  const byCategory = (c) => catalogue.subjects.filter((s) => s.category === c);
  const compulsory = byCategory('compulsory');
  const core = byCategory('core');
  const elective = byCategory('elective');
  const dissertation = byCategory('dissertation');

  // A subject named the way a person would: identifier, code, title, in whatever case.
  const nameOf = (s) => {
    const forms = [s.id, s.title, s.title, s.title.toLowerCase(), s.title.replaceAll('&', 'and')];
    if (s.code) forms.push(s.code, s.code, s.code.toLowerCase());
    return pick(forms);
  };
  // A slip of the keyboard in a title: a letter dropped, or two different letters swapped.
  const letter = /[a-z]/i;
  const typo = (s) => {
    const t = s.title;
    for (;;) {
      const i = 1 + Math.floor(rand() * (t.length - 2));
      if (!letter.test(t[i]) || !letter.test(t[i + 1]) || t[i] === t[i + 1]) continue;
      return rand() < 0.5 ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    }
  };

  const kinds = invalidShare === undefined ? KINDS : reweigh(invalidShare);
  const totalWeight = kinds.reduce((sum, [, w]) => sum + w, 0);
  const kindAt = (x) => {
    let acc = 0;
    for (const [kind, w] of kinds) if (x < (acc += w / totalWeight)) return kind;
    return kinds[0][0];
  };

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tally = {};
  const files = [];
  const width = String(count).length;
  for (let n = 1; n <= count; n++) {
    const kind = kindAt(rand());
    tally[kind] = (tally[kind] ?? 0) + 1;
    const residency = kind === 'fellowship-non-local' ? 'non-local' : pick(['local', 'local', 'non-local']);
    const plan = { residency, mode: pick(['full-time', 'part-time']) };
    if (rand() < 0.5) plan.catalogue = catalogue.id;
    if (residency === 'local' && rand() < 0.3) plan.fellowship = true;
    if (kind === 'fellowship-non-local') plan.fellowship = true;
    if (kind === 'catalogue-mismatch') plan.catalogue = 'polyu-msc-health-informatics-2023';

    const coursework = kind === 'valid-coursework' || (kind !== 'valid-dissertation' && rand() < 0.5);
    const extra = kind === 'valid-extra-credits' ? 1 + Math.floor(rand() * 2) : 0;
    const chosen = [...compulsory];
    const options = sample([...core, ...elective], 20);
    const cores = sample(core, 2);
    const electives = sample(elective, kind === 'missing-elective' ? 1 : 2);
    chosen.push(...cores, ...electives);
    const rest = options.filter((s) => !chosen.includes(s));
    if (coursework) chosen.push(...rest.slice(0, 3 + extra));
    else chosen.push(...dissertation, ...rest.slice(0, extra));

    const ordered = sample(chosen, chosen.length);
    const names = ordered.map(nameOf);
    if (kind === 'typo') {
      const i = Math.floor(rand() * names.length);
      names[i] = typo(ordered[i]);
    }
    if (kind === 'duplicate') names.push(nameOf(pick(chosen)));
    plan.subjects = names;
    if (kind === 'unknown-field') plan[pick(['notes', 'studentId', 'Residency'])] = 'x';
    if (kind === 'wrong-type') plan.subjects = names.join(', ');

    let text = rand() < 0.7 ? `${JSON.stringify(plan, null, 2)}\n` : JSON.stringify(plan);
    if (kind === 'broken-json') text = text.slice(0, Math.floor(text.length * (0.3 + rand() * 0.6)));
    const file = path.join(dir, `${String(n).padStart(width, '0')}.json`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return { files, tally };
}

/** KINDS with the invalid kinds' weights scaled to `share` of the total and the valid ones to the rest. */
function reweigh(share) {
  if (!(share >= 0 && share <= 1)) throw new Error(`invalidShare must be between 0 and 1, not ${share}`);
  const isValid = (kind) => kind.startsWith('valid-');
  const sum = (valid) => KINDS.filter(([k]) => isValid(k) === valid).reduce((acc, [, w]) => acc + w, 0);
  const validSum = sum(true);
  const invalidSum = sum(false);
  return KINDS.map(([k, w]) => [k, isValid(k) ? (w / validSum) * (1 - share) : (w / invalidSum) * share]);
}
