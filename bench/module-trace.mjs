// Lists the modules a command loads, to find what start-up could defer.
// Usage: node --import ./bench/module-trace.mjs test/fixtures/run-dist.mjs fees --json
//   (dist/'s ES modules; bin/study-planner runs one CommonJS bundle, which this cannot see into)
//   (MODULE_TRACE=file appends the list there instead of printing it to stderr at exit)
// Not a timing tool: the hook itself slows loading. It counts modules, by package.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const loaded = [];
port1.on('message', (url) => loaded.push(url));
port1.unref();
register(
  `data:text/javascript,${encodeURIComponent(
    'let port; export function initialize(d) { port = d.port; } export async function load(url, context, next) { port.postMessage(url); return next(url, context); }',
  )}`,
  { data: { port: port2 }, transferList: [port2] },
);

process.on('exit', () => {
  const byPackage = new Map();
  for (const url of loaded) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const key = match ? match[1] : url.startsWith('node:') ? 'node:' : url.includes('/dist/') ? 'dist/' : url.slice(0, 40);
    byPackage.set(key, (byPackage.get(key) ?? 0) + 1);
  }
  const lines = [`${loaded.length} modules`, ...[...byPackage].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}\t${k}`)];
  if (process.env.MODULE_TRACE_LIST)
    lines.push(...loaded.filter((u) => u.includes('/dist/')).map((u) => `    ${u.replace(/.*\/dist\//, '')}`));
  process.stderr.write(`${lines.join('\n')}\n`);
});
