import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileError, parseJson } from '../../src/cli/io/read-file.js';

/** What parseJson throws for `text`, which must not parse. */
function failure(text: string): FileError {
  try {
    parseJson(text, 'plan.json');
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(text.slice(0, 80))} parsed`);
}

describe('parseJson: the place of a failure, as fields', () => {
  it.each([
    ['{\n  "residency": "local",\n  "subjects": ["a" "b"]\n}', 3, 20],
    ['{"a":', 1, 6],
    ['\n\n  }', 3, 3],
  ])('%j goes wrong at line %i, column %i', (text, line, column) => {
    expect(failure(text)).toMatchObject({ kind: 'MALFORMED', line, column });
  });

  it('has no place for empty text, which has no character to point at', () => {
    const error = failure('  \n');
    expect(error.line).toBeUndefined();
    expect(error.column).toBeUndefined();
  });

  it('gives the line and column its message states, for any JSON cut short', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const whole = JSON.stringify(value, null, 2);
        const text = whole.slice(0, cut % whole.length);
        fc.pre(text.trim() !== '' && !parses(text));
        const error = failure(text);
        expect(error.message).toContain(`at line ${error.line}, column ${error.column}:`);
      }),
      { numRuns: 300 },
    );
  });
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
