// Bundles the built program (dist/, from tsc) and its dependencies into one CommonJS file,
// dist/bundle.cjs, and writes V8's code cache for it, dist/bundle.cache: bin/study-planner loads
// the two with vm.Script, which starts far faster than resolving and linking ~60 to 120 ES modules
// (docs/performance.md). Run by "npm run build" after tsc; dist/ must be built first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cliTable3Hotspots } from './cli-table3-hotspots.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BUNDLE = path.join(DIST, 'bundle.cjs');

/**
 * The program finds package.json, the bundled catalogue and dist/validated/ relative to its own
 * module (`new URL('../../package.json', import.meta.url)`), and loads valibot and cli-table3 with
 * createRequire(import.meta.url). A CommonJS bundle has no import.meta, so each module's
 * import.meta.url becomes the URL its file had under dist/, computed from where the bundle lies
 * (dist/ too): every relative path resolves as it did before bundling, in a checkout or installed.
 */
const importMetaUrlOfEachModule = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const relative = path.relative(DIST, args.path);
      if (relative.startsWith('..'))
        throw new Error(`${args.path} uses import.meta outside dist/; teach scripts/bundle.mjs where it lives.`);
      const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(relative.split(path.sep).join('/'))})).href`;
      const replaced = text
        // A package loaded on first use is bundled, still loaded on first use (esbuild runs a
        // bundled CommonJS module when it is first required), and compiled from the code cache.
        .replace(/\bcreateRequire\(import\.meta\.url\)\(('[^']+')\)/g, 'require($1)')
        .replace(/\bimport\.meta\.url\b/g, `(${url})`);
      if (/\bimport\.meta\b/.test(replaced))
        throw new Error(`${args.path} uses import.meta other than import.meta.url; the bundle cannot give it that.`);
      return { contents: replaced, loader: 'js' };
    });
  },
};

/**
 * cli-table3 measures every cell several times with its own string-width (version 4), which builds
 * and runs a regular expression of every emoji on each call: most of the time `subjects` takes.
 * For printable ASCII that string-width returns the length (no escape, emoji, control, combining
 * or wide character can occur), so the bundle answers that case at once. Every other string goes
 * to the real string-width, loaded on first need, and its answer is remembered (it is a pure
 * function of the string): cli-table3 measures its ellipsis, "…", for each cell longer than ten
 * columns, only to write a debugging message it drops, which was 13 ms of `subjects`.
 * test/process/bundle.test.ts holds the shortcut equal to string-width.
 */
const asciiFastStringWidth = {
  name: 'ascii-fast-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (!/[\\/]cli-table3[\\/]/.test(args.importer)) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: path.relative(ROOT, real.path), namespace: 'ascii-fast-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'ascii-fast-string-width' }, (args) => ({
      contents: [
        'const PRINTABLE_ASCII = /^[\\x20-\\x7e]*$/;',
        'const KNOWN_AT_MOST = 1000;',
        // cli-table3 measures its ellipsis on every drawing: known at once, string-width's regular expression of every emoji is never built for it.
        "const known = new Map([['\\u2026', 1]]);",
        'let measure;',
        `const real = (text) => (measure ??= require(${JSON.stringify(path.resolve(ROOT, args.path))}))(text);`,
        'const stringWidth = (text) => {',
        "  if (typeof text !== 'string') return real(text);",
        '  if (PRINTABLE_ASCII.test(text)) return text.length;',
        '  let width = known.get(text);',
        '  if (width === undefined) {',
        '    if (known.size >= KNOWN_AT_MOST) known.clear();',
        '    width = real(text);',
        '    known.set(text, width);',
        '  }',
        '  return width;',
        '};',
        'module.exports = stringWidth;',
        'module.exports.default = stringWidth;',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * commander requires child_process as it loads, for subcommands that are programs of their own,
 * which this program has none of; child_process brings net, dgram and more with it, a few
 * milliseconds of every start. In the bundle it is loaded when first used, if ever.
 */
const LAZY_BUILTINS = /^(node:)?child_process$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: [
        'let loaded;',
        `const builtin = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));`,
        'module.exports = new Proxy({}, {',
        '  get: (_, key) => builtin()[key],',
        '  has: (_, key) => key in builtin(),',
        '  ownKeys: () => Reflect.ownKeys(builtin()),',
        '  getOwnPropertyDescriptor: (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(builtin(), key), configurable: true }),',
        '});',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

if (!fs.existsSync(path.join(DIST, 'cli', 'main.js'))) throw new Error('dist/ is missing; run tsc first ("npm run build" does both).');
// esbuild's asynchronous API: its plugins do not run under buildSync.
const result = await esbuild.build({
  stdin: {
    contents: "export { guardOutput } from './cli/io/output-guard.js';\nexport { run } from './cli/main.js';\n",
    resolveDir: DIST,
    sourcefile: 'bundle-entry.js',
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Every import() of the program becomes a lazily run module inside the bundle, so a command
  // still loads only what it needs; none is left for vm.Script, which has no dynamic-import hook.
  supported: { 'dynamic-import': false },
  outfile: BUNDLE,
  write: false,
  logLevel: 'silent',
  legalComments: 'none',
  // Without comments the bundle is ASCII (esbuild escapes the rest), which Node.js reads into a
  // one-byte string several milliseconds faster; names are kept for DEBUG=1's stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [cliTable3Hotspots, importMetaUrlOfEachModule, asciiFastStringWidth, lazyBuiltins],
});
for (const warning of result.warnings) console.error(`bundle: ${esbuild.formatMessagesSync([warning], { kind: 'warning' }).join('')}`);
fs.writeFileSync(BUNDLE, result.outputFiles[0].contents);
// The cache of every command, then one for each command with a cache of its own (bin/study-planner).
const require = createRequire(import.meta.url);
const { caches, COMMANDS_WITH_OWN_CACHE } = require('../bin/study-planner');
for (const file of caches()) fs.rmSync(file, { force: true });
for (const only of [undefined, ...COMMANDS_WITH_OWN_CACHE]) {
  const cache = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cache.cjs'), ...(only ? [only] : [])], {
    stdio: 'inherit',
    // The warm-up runs the bundled catalogue with no saved or environment settings of the builder's.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('STUDY_PLANNER_'))), NODE_OPTIONS: '' },
  });
  if (cache.status !== 0) throw new Error(`writing the code cache${only ? ` of ${only}` : ''} failed (see above)`);
}
