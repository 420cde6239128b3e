/** Every answer of the planner as a flag (after `plan`): a complete, valid full-time plan. */
const COMPLETE_PLAN_ANSWERS = [
  '--residency',
  'local',
  '--mode',
  'full-time',
  '--core',
  'epidemiology',
  'project management',
  '--elective',
  'big data computing',
  'health care ethics',
  '--route',
  'dissertation',
];

/** `plan`, never asking, with every answer: add `--name NAME` to save it. */
export const COMPLETE_PLAN = ['plan', '--no-input', ...COMPLETE_PLAN_ANSWERS];
