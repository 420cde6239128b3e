import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseDuplicateKeys } from '../../src/cli/io/duplicate-keys.js';
import { FileError } from '../../src/cli/io/file-error.js';
import { ROOT } from '../support/run-in-process.js';

const check = (text: string) => refuseDuplicateKeys(text, JSON.parse(text), 'plan.json');

describe('a key given twice in one object', () => {
  it.each([
    ['at the top', '{"residency":"local","subjects":[],"residency":"non-local"}', 'residency', 1, 36],
    ['in a nested object', '{"grades":{"SN5023":"A","SN5023":"F"}}', 'SN5023', 1, 25],
    ['spelt with an escape', '{"a":1,"\\u0061":2}', 'a', 1, 8],
    ['with space before the colon, on a later line', '{\n  "a" : 1,\n  "a"\n  : 2\n}', 'a', 3, 3],
    ['in an object inside a list', '{"schedule":[{"term":"x","term":"y"}]}', 'term', 1, 26],
  ])('%s is refused, naming the key and where its second one is', (_where, text, key, line, column) => {
    let error: unknown;
    try {
      check(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).kind).toBe('MALFORMED');
    expect((error as FileError).message).toContain(`gives the key "${key}" twice in one object`);
    expect([(error as FileError).line, (error as FileError).column]).toEqual([line, column]);
  });

  it.each([
    ['the same key in two objects', '{"a":{"k":1},"b":{"k":2},"c":[{"k":1},{"k":2}]}'],
    ['a value repeated, in a list', '{"subjects":["SN5023","SN5023"]}'],
    ['a colon and an escaped quote inside strings', '{"subjects":["a\\":b","c:d"],"x":"\\"x\\":1"}'],
    ['a key that is also a value', '{"residency":"residency","mode":"residency"}'],
  ])('%s is not', (_what, text) => {
    expect(() => check(text)).not.toThrow();
  });

  it('never refuses what JSON.stringify writes, and always finds a key written twice', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.nat(), (object, pick) => {
        const text = JSON.stringify(object, null, pick % 3);
        expect(() => check(text)).not.toThrow();
        const keys = Object.keys(object);
        const key = keys[pick % keys.length]!;
        const doubled = `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(key)}:null}`;
        expect(() => check(doubled)).toThrow(`gives the key ${JSON.stringify(key)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('the bundled catalogue and every example plan give each key once', () => {
    const files = [
      path.join(ROOT, 'data', 'polyu-msc-health-informatics-2024.json'),
      ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
    ].filter((f) => f.endsWith('.json'));
    for (const file of files) expect(() => check(fs.readFileSync(file, 'utf8')), file).not.toThrow();
  });
});
