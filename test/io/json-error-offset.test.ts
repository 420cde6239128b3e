import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/cli/io/json-error-offset.js';
import { parseJson } from '../../src/cli/io/read-file.js';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['{"a":1,}', 7],
    ['[1,2', 4],
    ['{"a" 1}', 5],
    ['nul', 0],
    ['{"a":"b\\q"}', 8],
    ['[1]]', 3],
    ['{"a":[1,{"b":tru}]}', 13],
    ['"unterminated', 13],
  ])('%s goes wrong at %i (the length, when it ends too early)', (text, offset) => expect(jsonErrorOffset(text)).toBe(offset));

  it('finds the place in JSON nested 100,000 deep without overflowing the stack', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(99_999))).toBe(199_999);
  });

  it('agrees that valid JSON has no error before its end', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(jsonErrorOffset(text)).toBeGreaterThan(text.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseJson', () => {
  it.each([
    ['{\n  "residency": "local",\n  "subjects": ["a" "b"]\n}', 'line 3, column 20'],
    ['{"a":', 'line 1, column 6: the text ends too early'],
    ['   ', 'is empty'],
  ])('says where %j goes wrong', (text, where) => {
    expect(() => parseJson(text, 'plan.json')).toThrow(where);
  });
});
