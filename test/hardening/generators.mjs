// The hardening fuzz's cases: plan and catalogue files as the bytes a file would hold, from random
// JSON to valid files with one thing broken. Plain JavaScript so that the test suite (vitest,
// against src/) and bench/fuzz-night.mjs (node, against dist/) draw exactly the same cases.
import fc from 'fast-check';

/** A number token written exactly as given: values JSON.stringify cannot produce (1e400, -0, 2^53 + 1). */
export class Raw {
  constructor(text) {
    this.text = text;
  }
}

/** Sets an own, enumerable property, `__proto__` included, the way JSON.parse does. */
function setOwn(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of a value that may hold Raw numbers and own `__proto__` keys; undefined fields are left out. */
export function serialize(value, indent = 0, depth = 0) {
  if (value instanceof Raw) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pad = indent > 0 ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  const end = indent > 0 ? `\n${' '.repeat(indent * depth)}` : '';
  const colon = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => pad + serialize(item, indent, depth + 1)).join(',')}${end}]`;
  }
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  if (keys.length === 0) return '{}';
  return `{${keys.map((key) => `${pad}${JSON.stringify(key)}${colon}${serialize(value[key], indent, depth + 1)}`).join(',')}${end}}`;
}

/** A deep copy that keeps Raw numbers and own `__proto__` keys. */
function copy(value) {
  if (value === null || typeof value !== 'object' || value instanceof Raw) return value;
  if (Array.isArray(value)) return value.map(copy);
  const out = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') setOwn(out, key, copy(value[key]));
    else out[key] = copy(value[key]);
  }
  return out;
}

// Text that has broken programs before: terminal escapes, bidi overrides, lone surrogates,
// look-alikes, the names of Object.prototype's members, numbers in words, very long strings.
const NASTY_STRINGS = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u001b]52;c;cHduZWQ=\u0007',
  '\u001b[2J\u001b[H',
  '\u202eevil',
  '\u009b31m',
  '\u007f',
  '\ud800',
  '\udfff',
  '\ud83d',
  '😀',
  '👩‍👩‍👧',
  'é',
  'é',
  'Ａ',
  'ＳＮ５０２３',
  'ﬁ',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'true',
  'undefined',
  '0',
  '-1',
  '1e400',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'local',
  'LOCAL',
  ' local',
  'non-local',
  'nonlocal',
  'full-time',
  'Full-Time',
  'part-time',
  'sn5023',
  'Epidemiology ',
  'EPIDEMIOLOGY',
  'epidemiology\u200b',
  'Digital Imaging and PACS',
  '&',
  '&&',
  'a & b',
  'Semester One 2024/25',
  'semester two 2024-25',
  'Summer Term 9999/00',
  'Semester One 0000/01',
  'Year 2024/25',
  '%s%n',
  '${x}',
  '<script>',
  '../../etc/passwd',
  '\\',
  '"',
  "'",
  'x'.repeat(501),
  'é'.repeat(300),
  '😀'.repeat(200),
  'a '.repeat(5000),
];

const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '-0.0',
  '0e0',
  '1E+2',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1',
  '-1',
  '1.5',
  '3.0000000000000004',
];

// Any code point, lone surrogates included. (A custom unit: fast-check's own 'binary' unit spends
// a second building a table of every code point when first used.)
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n));
const anyText = (maxLength) => fc.string({ unit: anyCodePoint, maxLength });

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: anyText(30) },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    3,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    0.5,
    1e21,
    1_000_000_001,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...RAW_NUMBERS).map((text) => new Raw(text)),
);

function protoBomb(inner) {
  const bomb = {};
  setOwn(bomb, '__proto__', inner);
  return bomb;
}

/** Any value a field might hold instead of the right one. */
export const nastyValue = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [null], [''], [0], { '': '' }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom({ polluted: true }, { toString: 1, valueOf: 'x' }, { constructor: { prototype: { polluted: true } } })
      .map(protoBomb),
  },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
);

export const nastyKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'polluted',
    '',
    ' ',
    'Residency',
    'SUBJECTS',
    'subjects ',
    'schedule',
    'catalogue',
    'id',
    'title',
    'credits',
    'load',
    'anyOf',
    'rule',
  ),
  fc.string({ maxLength: 12 }),
);

/** Every place in a document: [parent, key] for each value below the root. */
function places(root) {
  const out = [];
  const walk = (node) => {
    if (node === null || typeof node !== 'object' || node instanceof Raw) return;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      out.push([node, key]);
      walk(node[key]);
    }
  };
  walk(root);
  return out;
}

function containers(root, wanted) {
  const out = wanted(root) ? [root] : [];
  for (const [parent, key] of places(root)) if (wanted(parent[key])) out.push(parent[key]);
  return out;
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

const STRING_EDITS = [
  (s) => s.toUpperCase(),
  (s) => `  ${s}  `,
  (s) => `${s}\u0000`,
  (s) => `\u001b]52;c;${s}\u0007`,
  (s) => `\u202e${s}`,
  (s) => s.repeat(1000),
  (s) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCodePoint(c.codePointAt(0) + 0xfee0)), // full-width
  (s) => s.split('').reverse().join(''),
  (s) => s.slice(0, -1),
  () => '',
];

/**
 * One thing broken in a valid document: a value replaced, a field removed, an unknown or
 * prototype-named field added, a list emptied or an entry repeated, a string or number bent.
 */
export const mutation = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add-key', 'proto', 'wrap', 'duplicate', 'empty', 'string', 'number', 'none'),
  at: fc.nat(),
  value: nastyValue,
  key: nastyKey,
  edit: fc.nat({ max: STRING_EDITS.length - 1 }),
  number: nastyNumber,
});

export function applyMutation(document, m) {
  const root = copy(document);
  const all = places(root);
  const pick = (list) => list[m.at % list.length];
  switch (m.kind) {
    case 'replace': {
      if (all.length === 0) return { root: m.value, label: 'root replaced' };
      const [parent, key] = pick(all);
      parent[key] = m.value;
      return { root, label: `${String(key)} replaced by ${short(m.value)}` };
    }
    case 'delete': {
      if (all.length === 0) return { root, label: 'nothing to delete' };
      const [parent, key] = pick(all);
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
      return { root, label: `${String(key)} deleted` };
    }
    case 'add-key':
    case 'proto': {
      const objects = containers(root, isObject);
      if (objects.length === 0) return { root, label: 'no object to add to' };
      const target = pick(objects);
      const key = m.kind === 'proto' ? '__proto__' : m.key;
      setOwn(target, key, m.kind === 'proto' ? protoBomb({ polluted: true }) : m.value);
      return { root, label: `field ${JSON.stringify(key)} added` };
    }
    case 'wrap': {
      if (all.length === 0) return { root: [root], label: 'root wrapped' };
      const [parent, key] = pick(all);
      parent[key] = m.at % 2 ? [parent[key]] : { value: parent[key] };
      return { root, label: `${String(key)} wrapped` };
    }
    case 'duplicate': {
      const arrays = containers(root, (v) => Array.isArray(v) && v.length > 0);
      if (arrays.length === 0) return { root, label: 'no list to repeat in' };
      const target = pick(arrays);
      target.push(copy(target[m.at % target.length]));
      return { root, label: 'a list entry repeated' };
    }
    case 'empty': {
      const lists = containers(root, (v) => Array.isArray(v) || isObject(v));
      const target = pick(lists);
      if (Array.isArray(target)) target.length = 0;
      else for (const key of Object.keys(target)) delete target[key];
      return { root, label: 'a list or object emptied' };
    }
    case 'string': {
      const strings = all.filter(([parent, key]) => typeof parent[key] === 'string');
      if (strings.length === 0) return { root, label: 'no string to bend' };
      const [parent, key] = pick(strings);
      parent[key] = STRING_EDITS[m.edit](parent[key]);
      return { root, label: `string at ${String(key)} bent (edit ${m.edit})` };
    }
    case 'number': {
      const numbers = all.filter(([parent, key]) => typeof parent[key] === 'number');
      if (numbers.length === 0) return { root, label: 'no number to bend' };
      const [parent, key] = pick(numbers);
      parent[key] = m.number;
      return { root, label: `number at ${String(key)} set to ${short(m.number)}` };
    }
    default:
      return { root, label: 'unchanged' };
  }
}

function short(value) {
  const text = value instanceof Raw ? value.text : (serialize(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** What can happen to a file's bytes on the way: BOMs, CRLF, truncation, stray bytes, another encoding. */
export const textChange = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'bom',
        'crlf',
        'bom+crlf',
        'double-bom',
        'cr',
        'utf16',
        'tabs',
        'nbsp',
        'comment',
        'trailing-comma',
        'garbage',
        'nul',
        'bad-utf8',
        'truncate',
        'proto-text',
        'duplicate-key',
        'whitespace',
      ),
      at: fc.nat(),
    }),
  },
);

export function applyTextChange(text, change) {
  const at = text.length === 0 ? 0 : (change.at ?? 0) % text.length;
  switch (change.kind) {
    case 'bom':
      return Buffer.from(`\ufeff${text}`);
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'));
    case 'bom+crlf':
      return Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`);
    case 'double-bom':
      return Buffer.from(`\ufeff\ufeff${text}`);
    case 'cr':
      return Buffer.from(text.replace(/\n/g, '\r'));
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'tabs':
      return Buffer.from(text.replace(/^ +/gm, (s) => '\t'.repeat(s.length / 2)));
    case 'nbsp':
      return Buffer.from(text.replace(/\n/, '\n\u00a0'));
    case 'comment':
      return Buffer.from(`// a plan\n${text}`);
    case 'trailing-comma':
      return Buffer.from(text.replace(/(\S)(\s*[\]}])\s*$/, '$1,$2'));
    case 'garbage':
      return Buffer.from(`${text}}`);
    case 'nul':
      return Buffer.from(`${text.slice(0, at)}\u0000${text.slice(at)}`);
    case 'bad-utf8':
      return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(at))]);
    case 'truncate':
      return Buffer.from(text.slice(0, at));
    case 'proto-text':
      return Buffer.from(text.replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, '));
    case 'duplicate-key':
      return Buffer.from(text.replace(/"(\w+)":/, '"$1": {"polluted": true}, "$1":'));
    case 'whitespace':
      return Buffer.from(`\n\n  ${text}  \n\n`);
    default:
      return Buffer.from(text);
  }
}

/** A plausible plan for a catalogue (its JSON data), named the ways people name subjects. */
export function planDocument(catalogue) {
  const names = catalogue.subjects.flatMap((s) => [s.id, s.title, ...(s.code ? [s.code] : [])]);
  const termLabels = (catalogue.terms ?? [{ label: 'Year' }]).map((t) => t.label);
  const year = Number(catalogue.programme.intake.slice(0, 4));
  const termName = fc
    .tuple(fc.constantFrom(...termLabels), fc.integer({ min: year - 1, max: year + 4 }))
    .map(([label, y]) => `${label} ${y}/${String((y + 1) % 100).padStart(2, '0')}`);
  const optional = (arb) => fc.option(arb, { nil: undefined });
  return fc
    .record({
      catalogue: optional(fc.constantFrom(catalogue.id, 'another-catalogue')),
      residency: fc.constantFrom('local', 'non-local'),
      mode: optional(fc.constantFrom(...catalogue.modes.map((m) => m.id))),
      fellowship: optional(fc.boolean()),
      subjects: fc.shuffledSubarray(names, { maxLength: 14 }),
      schedule: optional(fc.array(fc.record({ term: termName, subjects: fc.shuffledSubarray(names, { maxLength: 4 }) }), { maxLength: 6 })),
    })
    .map((plan) => JSON.parse(JSON.stringify(plan)));
}

/** A case: a file's bytes, and how they were made for a failure message (shown short, not as 20 kB of bytes). */
export function makeCase(kind, bytes, label) {
  return {
    kind,
    bytes,
    label,
    [fc.toStringMethod]() {
      return `${kind} (${label}): ${JSON.stringify(bytes.toString('utf8'))}`;
    },
  };
}

function fileCase(kind, documentArb) {
  return fc.tuple(documentArb, mutation, textChange, fc.boolean()).map(([document, m, change, pretty]) => {
    const { root, label } = applyMutation(document, m);
    const bytes = applyTextChange(serialize(root, pretty ? 2 : 0), change);
    return makeCase(kind, bytes, `${label}; text ${change.kind}`);
  });
}

/** Random JSON or random bytes, given as a plan or a catalogue. */
function randomCase(kind) {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => makeCase(kind, Buffer.from(JSON.stringify(value) ?? 'null'), 'random JSON')),
    fc.json({ maxDepth: 4 }).map((text) => makeCase(kind, Buffer.from(text), 'random JSON text')),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => makeCase(kind, Buffer.from(bytes), 'random bytes')),
    anyText(64).map((text) => makeCase(kind, Buffer.from(text), 'random text')),
  );
}

/** Plan files: mostly a plausible plan with one thing broken, some random JSON. */
export function planCase(catalogue) {
  return fc.oneof({ weight: 4, arbitrary: fileCase('plan', planDocument(catalogue)) }, { weight: 1, arbitrary: randomCase('plan') });
}

/** Catalogue files: one of `bases` (catalogue JSON) with one thing broken, or random JSON. */
export function catalogueCase(bases) {
  return fc.oneof(
    { weight: 5, arbitrary: fileCase('catalogue', fc.constantFrom(...bases)) },
    { weight: 1, arbitrary: randomCase('catalogue') },
  );
}
