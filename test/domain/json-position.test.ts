import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLocator, parsePath, positionOf, type PathKey } from '../../src/domain/catalogue/json-position.js';
import { formatPath } from '../../src/domain/issue.js';
import { propertyRuns } from '../support/property-runs.js';

const CATALOGUE = `{
  "schemaVersion": 2,
  "requirements": [
    { "id": "core", "from": { "categories": ["core"] } },
    {
      "id": "capstone",
      "anyOf": [
        { "id": "a", "from": { "subjects": ["x"] } },
        { "id": "b", "from": { "subjects": ["y", "z"] } }
      ]
    }
  ],
  "modes": [{ "id": "full-time", "load": { "semester-one": { "minSubjects": 4 } } }],
  "odd keys": { "a.b": 1, "x[0]": 2 }
}`;

describe('positionOf: where a path leads in JSON text', () => {
  it.each([
    ['', 1, 1, true],
    ['schemaVersion', 2, 20, true],
    ['requirements', 3, 19, true],
    ['requirements[0]', 4, 5, true],
    ['requirements[0].from.categories[0]', 4, 46, true],
    ['requirements[1].anyOf[1].from', 9, 30, true],
    ['requirements[1].anyOf[1].from.subjects[1]', 9, 50, true],
    ['modes[0].load.semester-one.minSubjects', 13, 77, true],
    ['["odd keys"]["a.b"]', 14, 24, true],
    ['["odd keys"]["x[0]"]', 14, 35, true],
    // Past what the file holds: the deepest part that exists.
    ['requirements[1].anyOf[1].label', 9, 9, false],
    ['requirements[7].id', 3, 19, false],
    ['schemaVersion.deeper', 2, 20, false],
    ['nothing', 1, 1, false],
  ])('%s is at %i:%i (exact: %s)', (path, line, column, exact) => {
    expect(positionOf(CATALOGUE, path)).toMatchObject({ line, column, exact });
  });

  it("gives a member's key as well as its value; an array's element has no key", () => {
    const at = positionOf(CATALOGUE, 'requirements[1].anyOf');
    expect(at).toMatchObject({ line: 7, column: 16, key: { line: 7, column: 7 } });
    expect(positionOf(CATALOGUE, 'requirements[1]').key).toBeUndefined();
    expect(positionOf(CATALOGUE, '').key).toBeUndefined();
  });

  it.each([
    ['a line feed', '{\n"a":\n  1}', 3, 3],
    ['a carriage return and line feed, one line break', '{\r\n"a":\r\n  1}', 3, 3],
    ['a lone carriage return', '{\r"a":\r  1}', 3, 3],
    ['a letter outside the Basic Multilingual Plane, one column', '{"𝔘": 0, "a": 1}', 1, 15],
    ['wide characters, one column each', '{"名": "大數據", "a": 1}', 1, 19],
    ['a tab, one column', '{\t"a":\t1}', 1, 8],
    ['escaped quotes and brackets inside strings', '{"s": "\\"]}[{", "a": 1}', 1, 22],
  ])('counts %s', (_name, text, line, column) => {
    expect(positionOf(text, 'a')).toMatchObject({ line, column, exact: true });
  });

  it('takes the last of a repeated key, as JSON.parse does', () => {
    expect(positionOf('{"a": 1, "a": 2}', 'a')).toMatchObject({ line: 1, column: 15 });
  });

  it('indexes nesting deeper than the stack would allow a recursive parser', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}7${']'.repeat(depth)}`;
    expect(
      positionOf(
        text,
        Array.from({ length: depth }, () => 0),
      ),
    ).toMatchObject({ line: 1, column: depth + 1, exact: true });
  });

  it('locates every path of any JSON value where that value is written', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const locate = jsonLocator(text);
        const lines = text.split('\n');
        for (const [path, sub] of everyPath(value)) {
          const at = locate(path);
          expect(at.exact).toBe(true);
          const rest = [...lines[at.line - 1]!].slice(at.column - 1).join('');
          // A scalar or an empty container is written whole at its place; another container starts with its bracket.
          const written = JSON.stringify(sub, null, indent);
          expect(rest.startsWith(written.includes('\n') ? written[0]! : written)).toBe(true);
        }
      }),
      { numRuns: propertyRuns(400) },
    );
  });
});

function everyPath(value: unknown, path: PathKey[] = []): [PathKey[], unknown][] {
  const out: [PathKey[], unknown][] = [[path, value]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...everyPath(v, [...path, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...everyPath(v, [...path, k]));
  return out;
}

describe('parsePath: a path as issues write it, back into keys', () => {
  it.each<[string, PathKey[]]>([
    ['', []],
    ['requirements', ['requirements']],
    ['requirements[2].anyOf[1].from', ['requirements', 2, 'anyOf', 1, 'from']],
    ['modes[0].load.semester-one', ['modes', 0, 'load', 'semester-one']],
    ['["odd keys"]["a.b"]', ['odd keys', 'a.b']],
    ['load["say \\"hi\\""]', ['load', 'say "hi"']],
  ])('%j', (path, keys) => {
    expect(parsePath(path)).toEqual(keys);
  });

  it('reads back whatever formatPath writes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat())), (keys) => {
        expect(parsePath(formatPath(keys))).toEqual(keys);
      }),
    );
  });

  it.each(['.leading', 'a..b', 'a[x]', 'a[1', 'a b'])('refuses %j, saying where', (path) => {
    expect(() => parsePath(path)).toThrow(/is not a path such as requirements\[2\]\.from \(at character \d+\)/);
  });
});
