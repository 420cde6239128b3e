// Equivalent rewrites of cli-table3's dearest code, applied to the bundle only (scripts/bundle.mjs):
// cli-table3 stays the table renderer, and draws the same bytes (test/process/bundle.test.ts runs
// the bundle against dist/, and test/build/cli-table3-hotspots.test.ts holds the rewritten
// cli-table3 equal to the installed one). Each original is matched exactly: a cli-table3 whose
// text differs fails the build, so an upgrade is looked at, never silently left unpatched or
// patched wrongly.
//
// On a cold start, `subjects` spent about 35 ms drawing its ~475 cells (docs/performance.md), most
// of it in two places. Every cell works out its 15 border characters from the table's, one
// `setOption` each, which splits, capitalises and joins the name and filters a rest-argument array
// every time: the rewrites work the characters out once per drawing, give each cell its own copy,
// and convert each name once. Every cell truncates its text to ten columns for a debugging
// message that is dropped unless the table was made with `debug`: the rewrite truncates only when
// the message is kept. And text is measured and coloured line by line through regular
// expressions for colour codes: text with no escape character skips them.
//
// Equivalent for every table the program draws, and for any table of plain options. Two uses it
// never makes could tell the difference: a `truncate` option that is not a string (the original
// turns it into text, or throws for a Symbol, while cutting every cell's debugging message), and
// option objects whose getters change the table's border characters in the middle of a drawing.
import fs from 'node:fs';
import path from 'node:path';

export const CLI_TABLE3_SOURCES = /[\\/]cli-table3[\\/]src[\\/](cell|debug|utils)\.js$/;

/** Each rewrite: the exact text of a file of cli-table3 0.6.5's src/, and what the bundle has instead. */
export const REWRITES = [
  {
    file: 'cell.js',
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
    file: 'cell.js',
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
  {
    file: 'debug.js',
    what: 'the debugging messages',
    original: `debug.debugMessages = () => messages;
`,
    rewritten: `debug.debugMessages = () => messages;

debug.keeps = (min) => level >= min;
`,
  },
  {
    file: 'cell.js',
    what: "a cell's debugging message",
    original: `    let content = utils.truncate(this.content, 10, this.truncate);
    if (!lineNum) {
      info(\`\${this.y}-\${this.x}: \${this.rowSpan - lineNum}x\${this.colSpan} Cell \${content}\`);
    } else {
      // debug(\`\${lineNum}-\${this.x}: 1x\${this.colSpan} RowSpanCell \${content}\`);
    }`,
    rewritten: `    if (!lineNum && debugMessages.keeps(debugMessages.INFO)) {
      let content = utils.truncate(this.content, 10, this.truncate);
      info(\`\${this.y}-\${this.x}: \${this.rowSpan - lineNum}x\${this.colSpan} Cell \${content}\`);
    }`,
    prelude: "const debugMessages = require('./debug');\n",
  },
  {
    file: 'utils.js',
    what: 'strlen',
    // Text without an escape or a line break has nothing to strip or split: its width is string-width's.
    original: `function strlen(str) {
  let code = codeRegex();`,
    rewritten: `function strlen(str) {
  if (typeof str === 'string' && str.indexOf('\\u001b') === -1 && str.indexOf('\\n') === -1) return stringWidth(str);
  let code = codeRegex();`,
  },
  {
    file: 'utils.js',
    what: 'colorizeLines',
    // Lines without an escape carry no colour from one to the next: each comes out as it went in.
    original: `function colorizeLines(input) {
  let state = {};`,
    rewritten: `function colorizeLines(input) {
  if (input.every((line) => typeof line === 'string' && line.indexOf('\\u001b') === -1)) return input.slice();
  let state = {};`,
  },
];

/** A file of cli-table3's src/ (`file` is its path) with its rewrites made; throws when an original is not there exactly once. */
export function rewriteSource(text, file) {
  let rewritten = text;
  let prelude = '';
  for (const { what, original, rewritten: replacement, prelude: before = '' } of REWRITES.filter((r) => path.basename(file) === r.file)) {
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
    build.onLoad({ filter: CLI_TABLE3_SOURCES }, async (args) => ({
      contents: rewriteSource(await fs.promises.readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
