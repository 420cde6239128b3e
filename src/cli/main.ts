import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { GlobalOptions, Io } from './context.js';
import { makeContext } from './make-context.js';
import { EXIT_CODES, InterruptedError, UsageError, type Outcome } from './outcome.js';
import { safeText } from './render/sanitize.js';

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Builds the command tree; each command's module is loaded only when that command runs. */
export function buildProgram(io: Io, settle: (outcome: Promise<Outcome>) => void): Command {
  const program = new Command('study-planner')
    .description('Plan the MSc in Health Informatics: choose subjects, check the rules, estimate the fees.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--catalogue <file>', 'load another catalogue file (default: the bundled Sept 2024 catalogue)')
    .option('--json', 'print a machine-readable result on stdout, and nothing else there')
    .option('--no-color', 'no colour (also when NO_COLOR is set or stdout is not a terminal)')
    .option('--no-input', 'never prompt; fail with exit 2 when an answer is missing')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`study-planner: ${s.replace(/^error: /, '')}(Run "study-planner --help" for usage.)\n`),
    });

  const context = (cmd: Command) => makeContext(io, cmd.optsWithGlobals<GlobalOptions>());
  const action = <A extends unknown[]>(run: (...args: A) => Promise<Outcome> | Outcome) =>
    (...args: A) => settle(Promise.resolve().then(() => run(...args)));

  program
    .command('check')
    .description('validate plan files (- reads one plan from standard input)')
    .argument('<file...>', 'plan files to check')
    .action(action(async (files: string[], _opts: object, cmd: Command) => (await import('./commands/check.js')).check(context(cmd), files)));

  program
    .command('fees')
    .description('fee estimate for a residency and a number of credits or a plan')
    .addOption(new Option('--residency <residency>', 'local or non-local'))
    .option('--credits <n>', 'credits to price (default: the credits required for graduation)')
    .option('--plan <file>', 'price the subjects of a plan file')
    .option('--fellowship', 'include the government fellowship (local students only)')
    .action(action(async (opts: object, cmd: Command) => (await import('./commands/fees.js')).fees(context(cmd), opts)));

  program
    .command('subjects')
    .description('list the catalogue')
    .option('--category <category>', 'only this category (compulsory, core, elective, ...)')
    .option('--search <text>', 'only subjects whose identifier, code or title contains these words')
    .action(action(async (opts: object, cmd: Command) => (await import('./commands/subjects.js')).subjects(context(cmd), opts)));

  program.action(
    action(async (_opts: object, cmd: Command): Promise<Outcome> => {
      const ctx = context(cmd);
      if (!ctx.interactive) {
        io.stderr.write(program.helpInformation());
        throw new UsageError('no command given and no terminal to ask in; name a command, such as "study-planner check plan.json".');
      }
      io.stdout.write(program.helpInformation());
      return 'success';
    }),
  );
  return program;
}

function report(io: Io, error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_CODES.success;
    return EXIT_CODES.failed;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write(`${safeText(error.message)}\n`);
    return EXIT_CODES.interrupted;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`study-planner: ${safeText(error.message)}\n`);
    return EXIT_CODES.failed;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.stderr.write('Interrupted.\n');
    return EXIT_CODES.interrupted;
  }
  // Not a user's mistake: a bug. Say so plainly; the stack only when asked for.
  const detail = io.env.DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ' (set DEBUG=1 to see the details)';
  io.stderr.write(`study-planner: internal error: ${safeText(String((error as Error)?.message ?? error))}${detail}\nPlease report this.\n`);
  return EXIT_CODES.failed;
}

/** The one place where outcomes and errors become exit codes. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let pending: Promise<Outcome> | undefined;
  const program = buildProgram(io, (outcome) => (pending = outcome));
  let code: number;
  try {
    await program.parseAsync([...argv]);
    code = EXIT_CODES[pending ? await pending : 'success'];
  } catch (error) {
    code = report(io, error);
  }
  return code;
}
