import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth, splitAtWidth } from '../../src/cli/render/text-width.js';

// string-width (a dev dependency) is the oracle: the program measures with the East Asian Width
// tables alone, which start faster.
describe('display width', () => {
  it.each([
    ['plain ASCII', 'Big Data Computing', 18],
    ['CJK', '健康信息學', 10],
    ['fullwidth letters', 'ＡＢＣ', 6],
    ['a combining accent', 'cafe\u0301', 4],
    ['accents', 'café Ελληνικά', 13],
    ['an emoji', '👍', 2],
    ['an emoji with a skin tone', '👍🏽', 2],
    ['a family joined by zero-width joiners', '👨‍👩‍👧', 2],
    ['Hangul', '한국어', 6],
  ])('%s', (_what, text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(displayWidth(text)).toBe(stringWidth(text));
  });

  it('agrees with string-width on text of letters, CJK, marks and spaces', () => {
    const char = fc.constantFrom('a', 'Z', ' ', '-', 'é', '\u0301', '日', '本', 'ｱ', 'Ω', '한', '·', '…', '—');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')),
        (text) => {
          expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
        },
      ),
    );
  });

  it('splits without breaking a character, keeping a mark with its letter', () => {
    expect(splitAtWidth('日本語', 3)).toEqual(['日', '本語']);
    expect(splitAtWidth('cafe\u0301s', 4)).toEqual(['cafe\u0301', 's']);
    expect(splitAtWidth('日本', 1)).toEqual(['日', '本']);
    // A family joined by zero-width joiners is one picture, two columns wide: never split.
    expect(splitAtWidth('👨‍👩‍👧ab', 2)).toEqual(['👨‍👩‍👧', 'ab']);
    expect(splitAtWidth('a👍🏽b', 3)).toEqual(['a👍🏽', 'b']);
  });

  it('pads to columns, not characters', () => {
    expect(padToWidth('日本', 6)).toBe('日本  ');
    expect(padToWidth('日本', 6, 'right')).toBe('  日本');
  });
});
