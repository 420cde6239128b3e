// Generated programmes and plans of any size, shaped like the real one (3 compulsory subjects,
// core and elective pools, a dissertation or three more subjects), for the scale tests and
// bench/engine-scale.mjs and bench/check-100k.mjs. Deterministic: the same size gives the same files.

const pad = (n) => String(n).padStart(6, '0');
const LETTER = { compulsory: 'M', core: 'C', elective: 'E', dissertation: 'D' };

/** A catalogue (its JSON data) with `size` subjects: 3 compulsory, a dissertation, 30% core, the rest elective. */
export function generateCatalogue(size) {
  if (size < 12) throw new Error('a generated catalogue needs at least 12 subjects');
  const subjects = [];
  const add = (category, n, credits = 3) => {
    const id = `${category}-${pad(n)}`;
    subjects.push({
      id,
      code: `G${LETTER[category]}${pad(n)}`,
      title: `${category[0].toUpperCase()}${category.slice(1)} Topic Number ${n}`,
      category,
      credits,
    });
  };
  for (let n = 1; n <= 3; n++) add('compulsory', n);
  add('dissertation', 1, 9);
  const core = Math.max(4, Math.round((size - 4) * 0.3));
  for (let n = 1; n <= core; n++) add('core', n);
  for (let n = 1; n <= size - 4 - core; n++) add('elective', n);
  return {
    schemaVersion: 1,
    id: `generated-programme-${size}`,
    programme: {
      name: `Generated Programme of ${size} Subjects`,
      institution: 'Generated Institute',
      intake: '2024-09',
      intakeLabel: 'Sept 2024 Entry',
    },
    modes: [
      {
        id: 'full-time',
        label: 'Full-time',
        normalDurationYears: 1,
        load: { 'semester-one': { minCredits: 12, maxCredits: 15 }, 'semester-two': { minCredits: 12, maxCredits: 15 } },
      },
      {
        id: 'part-time',
        label: 'Part-time',
        normalDurationYears: 3,
        load: { 'semester-one': { minCredits: 6, maxCredits: 6 }, 'semester-two': { minCredits: 6, maxCredits: 6 } },
      },
    ],
    terms: [
      { id: 'semester-one', label: 'Semester One', startMonth: 9, endMonth: 12 },
      { id: 'semester-two', label: 'Semester Two', startMonth: 1, endMonth: 4 },
      { id: 'summer', label: 'Summer Term', startMonth: 6, endMonth: 8 },
    ],
    creditsRequired: 30,
    categories: ['compulsory', 'core', 'elective', 'dissertation'].map((id) => ({
      id,
      label: `${id[0].toUpperCase()}${id.slice(1)} subjects`,
      adjective: id,
    })),
    subjects,
    fees: {
      currency: 'HKD',
      perCredit: 5750,
      initialRegistrationCredits: { local: 3, 'non-local': 6 },
      fellowship: { name: 'Generated Fellowship', cap: 120000, minimumStudentShare: 42100, eligibleResidencies: ['local'] },
    },
    requirements: [
      { id: 'compulsory', label: 'Compulsory subjects', rule: { type: 'all', from: { categories: ['compulsory'] } } },
      { id: 'core', label: 'Core subjects', rule: { type: 'subjects', min: 2, from: { categories: ['core'] } } },
      { id: 'elective', label: 'Elective subjects', rule: { type: 'subjects', min: 2, from: { categories: ['elective'] } } },
      {
        id: 'dissertation-or-coursework',
        label: 'Dissertation or 3 more subjects',
        anyOf: [
          { id: 'dissertation', label: 'Dissertation', rule: { type: 'all', from: { subjects: ['dissertation-000001'] } } },
          {
            id: 'coursework',
            label: '3 more core or elective subjects',
            rule: { type: 'subjects', min: 3, from: { categories: ['core', 'elective'] } },
          },
        ],
      },
    ],
  };
}

/**
 * A plan of `size` distinct subjects of `catalogue`: the compulsory ones, the dissertation, then core
 * and elective subjects alternately, named by identifier, code or title in turn. Valid, with
 * extra credits once it passes the 30 required.
 */
export function generatePlan(catalogue, size, residency = 'local') {
  const of = (category) => catalogue.subjects.filter((s) => s.category === category);
  const core = of('core');
  const elective = of('elective');
  const chosen = [...of('compulsory'), ...of('dissertation')];
  for (let i = 0; chosen.length < size; i++) {
    const pool = i % 2 === 0 ? core : elective;
    const next = pool[Math.floor(i / 2)] ?? (i % 2 === 0 ? elective : core)[Math.floor(i / 2)];
    if (!next) throw new Error(`the catalogue has fewer than ${size} subjects`);
    if (!chosen.includes(next)) chosen.push(next);
  }
  const names = chosen.slice(0, size).map((s, i) => [s.id, s.code, s.title][i % 3]);
  return { catalogue: catalogue.id, residency, mode: 'full-time', fellowship: residency === 'local', subjects: names };
}
