// Feeds one fuzz case through the path the CLI takes (decode, parse JSON, validate, judge, render)
// and checks what must hold for every input: a verdict or a typed error, never anything else
// thrown, and no prototype touched. The functions come in as `p`, from src/ in the test suite and
// from dist/ in bench/fuzz-night.mjs, so both run exactly these checks.

const PLAN_FIELDS = new Set(['catalogue', 'residency', 'mode', 'fellowship', 'subjects', 'schedule']);
const CODE = /^[A-Z][A-Z_]*$/;

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const describe = (object) => Reflect.ownKeys(object).map(String).sort().join(',');

/**
 * Remembers the shared prototypes as they are now; the function returned throws if one has
 * changed since. Cheap checks on each call, a full comparison of every name when `full`.
 */
export function snapshotPrototypes() {
  const counts = Object.values(PROTOTYPES).map((p) => Reflect.ownKeys(p).length);
  const names = Object.values(PROTOTYPES).map(describe);
  return (full = false) => {
    Object.entries(PROTOTYPES).forEach(([name, p], i) => {
      if (Reflect.ownKeys(p).length !== counts[i] || (full && describe(p) !== names[i]))
        throw new Error(`${name}.prototype was changed: ${describe(p)}`);
    });
    if ({}.polluted !== undefined || [].polluted !== undefined || Object.getPrototypeOf({}) !== Object.prototype) {
      throw new Error('Object.prototype was polluted');
    }
  };
}

/** Every object reachable from `value` is a plain object or array, with the ordinary prototype or none. */
function assertPlainTree(value, where, seen = new Set()) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
    throw new Error(`${where}: an object with an unexpected prototype (${proto === null ? 'null' : proto?.constructor?.name})`);
  }
  for (const key of Object.keys(value)) assertPlainTree(value[key], `${where}.${key}`, seen);
}

function assertIssues(issues, where) {
  if (!Array.isArray(issues) || issues.length === 0) throw new Error(`${where}: rejected without a reason`);
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string' || issue.message.trim() === '') {
      throw new Error(`${where}: a malformed issue ${JSON.stringify(issue)}`);
    }
  }
}

function assertFindings(list, where) {
  if (!Array.isArray(list)) throw new Error(`${where} is not a list`);
  for (const f of list) {
    if (!CODE.test(f.code) || typeof f.message !== 'string' || f.message === '')
      throw new Error(`${where}: a malformed finding ${JSON.stringify(f)}`);
  }
}

const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
const isMoney = (n) => Number.isFinite(n);

function assertJudgement(p, j, file) {
  if (typeof j.valid !== 'boolean' || j.valid !== (j.errors.length === 0)) throw new Error('valid does not match the errors');
  assertFindings(j.errors, 'errors');
  assertFindings(j.warnings, 'warnings');
  if (!isCount(j.credits.planned) || !isCount(j.credits.required)) throw new Error(`odd credits ${JSON.stringify(j.credits)}`);
  for (const [key, amount] of Object.entries(j.fees))
    if (key !== 'currency' && !isMoney(amount)) throw new Error(`fees.${key} is ${amount}`);
  // What `check --json` prints: must survive a round trip, with the ordinary prototypes.
  const json = p.judgementJson(file, j);
  assertPlainTree(json, 'check --json');
  const text = JSON.stringify(json);
  if (JSON.stringify(JSON.parse(text)) !== text) throw new Error('check --json does not round-trip');
  const report = p.renderJudgement(file, j, p.makeStyle(false), 80);
  if (typeof report !== 'string' || report === '') throw new Error('empty report');
  if (/[\u001b\u0007\u202e]/.test(report)) throw new Error('a raw control character reached the report');
}

function judgeAndRender(p, catalogue, plan, file) {
  const j = p.judgePlan(catalogue, plan);
  assertJudgement(p, j, file);
  if (plan.schedule === undefined) {
    // What `fees --by-term` asks for: a proposed schedule and its bills.
    const s = p.planSchedule(catalogue, plan, {
      subjects: j.subjects,
      requirements: j.requirements,
      fees: j.fees,
      counted: j.counted,
      satisfied: j.requirements.every((r) => r.satisfied),
    });
    const billed = s.bills.reduce((sum, b) => sum + b.bill, 0) + j.fees.initialPayment;
    if (s.unscheduled.length === 0 && billed !== j.fees.payable) throw new Error(`bills add up to ${billed}, not ${j.fees.payable}`);
  }
  return j;
}

/**
 * Runs one case. Returns what became of it: 'file-error' (unreadable or not JSON), 'issues'
 * (rejected by validation) or 'verdict' (judged). Throws on anything else.
 */
export function runCase(p, c, defaultCatalogue) {
  const file = `fuzz.${c.kind}.json`;
  let json;
  try {
    json = p.parseJson(p.decodeText(c.bytes, file), file);
  } catch (error) {
    if (error instanceof p.FileError && typeof error.message === 'string' && error.message !== '') return 'file-error';
    throw error;
  }
  if (c.kind === 'plan') {
    const parsed = p.parsePlan(defaultCatalogue, json);
    const unknownField =
      json !== null && typeof json === 'object' && !Array.isArray(json) && Object.keys(json).some((k) => !PLAN_FIELDS.has(k));
    if (!parsed.ok) {
      assertIssues(parsed.issues, 'plan');
      return 'issues';
    }
    if (unknownField) throw new Error(`a plan with an unknown field was accepted: ${Object.keys(json).join(', ')}`);
    assertPlainTree(parsed.plan, 'plan');
    judgeAndRender(p, defaultCatalogue, parsed.plan, file);
    return 'verdict';
  }
  const parsed = p.parseCatalogue(json);
  if (!parsed.ok) {
    assertIssues(parsed.issues, 'catalogue');
    return 'issues';
  }
  const catalogue = parsed.catalogue;
  assertPlainTree(catalogue.data, 'catalogue');
  const subjects = catalogue.subjects;
  const mode = catalogue.data.modes[0].id;
  const plans = [
    { residency: 'local', mode, fellowship: true, subjects: subjects.map((s) => s.id) },
    { residency: 'non-local', mode, fellowship: false, subjects: subjects.slice(0, 8).map((s) => s.title) },
    { residency: 'local', mode, fellowship: false, subjects: [] },
  ];
  const everything = judgeAndRender(p, catalogue, plans[0], file);
  // The loader promises that some plan meets the catalogue; the one with every subject must.
  if (everything.requirements.some((r) => !r.satisfied)) throw new Error('a catalogue was accepted that no plan can meet');
  for (const plan of plans.slice(1)) judgeAndRender(p, catalogue, plan, file);
  return 'verdict';
}
