// test/cli/config.test.ts and completion.test.ts still import from here; new tests use test/support/.
export { BIN, makeTempDir, ROOT, runCli, type CliOptions } from '../support/run-process.js';
