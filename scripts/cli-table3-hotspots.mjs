// Equivalent rewrites of cli-table3's dearest code, applied to the bundle only (scripts/bundle.mjs):
// cli-table3 stays the table renderer, and draws the same bytes (test/process/bundle.test.ts runs
// the bundle against dist/, and test/process/cli-table3-hotspots.test.ts holds each rewrite equal
// to the original). Each original is matched exactly: a cli-table3 whose text differs fails the
// build, so an upgrade is looked at, never silently left unpatched or patched wrongly.
//
// Every cell works out its 15 border characters from the table's, one `setOption` each, which
// splits, capitalises and joins the name and filters a rest-argument array every time: about
// 20 ms of the 35 ms `subjects` spent drawing its ~475 cells on a cold start
// (docs/performance.md). The rewrites work the characters out once per drawing and give each
// cell its own copy, and convert each name once.
import fs from 'node:fs';

export const CLI_TABLE3_CELL = /[\\/]cli-table3[\\/]src[\\/]cell\.js$/;

/** Each rewrite: the exact text of cli-table3 0.6.5's src/cell.js, and what the bundle has instead. */
export const REWRITES = [
  {
    what: 'setOption',
    original: `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
    // Every property is still read, in the original's order (its arguments were all evaluated).
    rewritten: `const camelCaseOfOption = new Map();
function camelCaseOf(name) {
  let camel = camelCaseOfOption.get(name);
  if (camel === undefined) {
    const parts = name.split('-');
    if (parts.length > 1) {
      parts[1] = parts[1].charAt(0).toUpperCase() + parts[1].substr(1);
      camel = parts.join('');
    } else camel = name;
    camelCaseOfOption.set(name, camel);
  }
  return camel;
}
function setOption(objA, objB, nameB, targetObj) {
  const nameA = camelCaseOf(nameB);
  if (nameA === nameB) {
    const a = objA[nameB], b = objB[nameB];
    targetObj[nameB] = a != null ? a : b != null ? b : undefined;
    return;
  }
  const a = objA[nameA], b = objA[nameB], c = objB[nameA], d = objB[nameB];
  targetObj[nameA] = a != null ? a : b != null ? b : c != null ? c : d != null ? d : undefined;
}`,
  },
  {
    what: "a cell's border characters",
    original: `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`,
    // A cell without characters of its own gets the table's: worked out once for all the cells of
    // one drawing (table.js passes them all as \`cells\`), each cell given its own copy, with the
    // same keys in the same order. tableChars cannot change during one drawing.
    rewritten: `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars;
    const drawing = !this.options.chars && cells ? tableCharsOfDrawing.get(cells) : undefined;
    if (drawing !== undefined && drawing.tableChars === tableChars) {
      chars = this.chars = Object.assign({}, drawing.chars);
    } else {
      chars = this.chars = {};
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
      if (!this.options.chars && cells) tableCharsOfDrawing.set(cells, { tableChars, chars: Object.assign({}, chars) });
    }`,
    prelude: 'const tableCharsOfDrawing = new WeakMap();\n',
  },
];

/** cell.js with every rewrite made; throws when an original is not there exactly once. */
export function rewriteCell(text, file) {
  let rewritten = text;
  let prelude = '';
  for (const { what, original, rewritten: replacement, prelude: before = '' } of REWRITES) {
    const at = rewritten.indexOf(original);
    if (at === -1 || rewritten.indexOf(original, at + 1) !== -1)
      throw new Error(
        `${file}: cli-table3's ${what} is not the code scripts/cli-table3-hotspots.mjs rewrites; compare the two and update the rewrite (or drop it).`,
      );
    rewritten = rewritten.slice(0, at) + replacement + rewritten.slice(at + original.length);
    prelude += before;
  }
  return prelude + rewritten;
}

/** The esbuild plugin. */
export const cliTable3Hotspots = {
  name: 'cli-table3-hotspots',
  setup(build) {
    build.onLoad({ filter: CLI_TABLE3_CELL }, async (args) => ({
      contents: rewriteCell(await fs.promises.readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
