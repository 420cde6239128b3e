import fs from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import type { GlobalOptions, Io } from './context.js';
import { EXIT_CODES, ExitError, InterruptedError, UsageError, type Outcome } from './outcome.js';
import { addHelpTexts, asciiLines, HELP_TOPICS, topicHelp } from './help-text.js';
import { outputWidth } from './io/output-width.js';
import { safeLine, safeText } from './render/sanitize.js';
import { joinWords } from '../domain/rules/wording.js';
import { editDistance } from '../domain/text/suggest.js';

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function processIo(): Io {
  // stdin on first use: making the stream costs a start-up about 3 ms, and most commands never read it.
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/**
 * Commander's help item, but on a narrow screen (too little room beside the term) the description
 * goes on the lines below it, wrapped, rather than running past the edge.
 */
function narrowHelpItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = this.helpWidth ?? 80;
  if (!description || width - termWidth - 4 >= 24) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  const wrapped = helper.boxWrap(description, width - 6).replace(/\n/g, '\n      ');
  return `  ${term}\n      ${wrapped}`;
}

/** Commander's usage line, broken between words under "Usage: " where it is wider than the screen. */
function narrowUsage(this: Help, cmd: Command): string {
  const usage = Help.prototype.commandUsage.call(this, cmd);
  const room = (this.helpWidth ?? 80) - 'Usage: '.length;
  if (usage.length <= room) return usage;
  return asciiLines(usage, room).join(`\n${' '.repeat('Usage: '.length)}`);
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
    // Each command as its own usage line shows it, not the catch-all arguments behind it.
    .configureHelp({
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
      helpWidth: outputWidth(io),
      minWidthToWrap: 10,
      formatItem: narrowHelpItem,
      commandUsage: narrowUsage,
      showGlobalOptions: true,
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander's messages quote what the user typed: escaped like any other untrusted text.
      outputError: (s, write) => write(`study-planner: ${safeText(s.replace(/^error: /, ''))}(Run "study-planner --help" for usage.)\n`),
    });

  // Loaded with the command, not before: --help and --version need neither a catalogue nor the store.
  const context = async (cmd: Command) => (await import('./make-context.js')).makeContext(io, cmd.optsWithGlobals<GlobalOptions>());
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<Outcome> | Outcome) =>
    (...args: A) =>
      settle(Promise.resolve().then(() => run(...args)));
  // A group of commands (catalogue, config) run with none of them: its help, then what to name.
  const needsSubcommand = (group: Command, example: string) =>
    group
      .usage('[options] <command>')
      .argument('[subcommand...]')
      .action(
        action((words: string[]): Outcome => {
          if (words.length > 0) throw unknownCommand(words[0]!, group, `study-planner ${group.name()}`);
          io.stderr.write(group.helpInformation());
          const names = joinWords(
            group.commands.map((c) => c.name()),
            'or',
          );
          throw new UsageError(`${group.name()} needs a subcommand: ${names}; for example: ${example}.`);
        }),
      );

  program
    .command('plan')
    .description('the interactive planner: asks only what the flags (or saved defaults) do not answer')
    .addOption(new Option('--residency <residency>', 'local or non-local'))
    .option('--mode <mode>', 'study mode: full-time or part-time')
    .option('--core <subject...>', 'core subjects (identifier, code or title)')
    .option('--elective <subject...>', 'elective subjects')
    .option('--route <route>', 'dissertation or coursework (up to three more core or elective subjects instead)')
    .option(
      '--extra <subject...>',
      'the subjects that replace the dissertation, beside extra core or elective ones (implies --route coursework)',
    )
    .option('--subjects <subject...>', 'any catalogue: the subjects to choose, each for the first question whose pool has it')
    .option('--fellowship', 'you will hold the fellowship (local students only)')
    .option('--no-fellowship', 'you will not hold the fellowship (not asked)')
    .option('--name <name>', 'save the plan under this name')
    .option('--out <file>', 'also write the plan file here')
    .option('--force', 'let --out overwrite an existing file, and --name replace a saved plan')
    .option('--resume', 'continue the draft kept from an unfinished session')
    .action(action(async (opts: object, cmd: Command) => (await import('./commands/plan/index.js')).plan(await context(cmd), opts)));

  program
    .command('check')
    .description('validate plan files (- reads one plan from standard input)')
    .argument('<file...>', 'plan files to check')
    .action(
      action(async (files: string[], _opts: object, cmd: Command) =>
        (await import('./commands/check.js')).check(await context(cmd), files),
      ),
    );

  program
    .command('fees')
    .description('fee estimate for a residency and a number of credits or a plan')
    .addOption(new Option('--residency <residency>', 'local or non-local'))
    .option('--credits <n>', 'tuition-bearing credits to price (default: the whole programme)')
    .option('--plan <file>', 'price the subjects of a plan file')
    .option('--fellowship', 'include the government fellowship (local students only)')
    .option('--by-term', "bill term by term, by the plan's schedule or a proposed one (needs --plan)")
    .option('--format <format>', 'text (the default), or with --by-term csv (a spreadsheet) or ics (a calendar of due dates)')
    .option('--transferred-credits <n>', 'credits transferred from earlier study, not billed (with --credits or the whole programme)')
    .action(action(async (opts: object, cmd: Command) => (await import('./commands/fees.js')).fees(await context(cmd), opts)));

  program
    .command('compare')
    .description('plans side by side (files or saved names); --routes: one plan by each route')
    .argument('<plan...>', 'plan files or saved plan names')
    .option('--routes', 'the one plan named, by the dissertation route and by the coursework route')
    .option('--extra <subject...>', 'with --routes: your own subjects for the coursework route (default: the cheapest)')
    .action(
      action(async (plans: string[], opts: object, cmd: Command) =>
        (await import('./commands/compare.js')).compare(await context(cmd), plans, opts),
      ),
    );

  program
    .command('subjects')
    .description('list the catalogue')
    .option('--category <category>', 'only this category (compulsory, core, elective, ...)')
    .option('--search <text>', 'only subjects whose identifier, code or title contains these words')
    .action(action(async (opts: object, cmd: Command) => (await import('./commands/subjects.js')).subjects(await context(cmd), opts)));

  const catalogue = program.command('catalogue').description("a catalogue file's author's tools: check");
  needsSubcommand(catalogue, 'study-planner catalogue check programme.json');
  catalogue
    .command('check')
    .description('validate a catalogue file for its author: errors, warnings and the line and column of each')
    .argument('<file>', 'the catalogue file (- reads standard input)')
    .option('--strict', 'exit 1 when there are warnings')
    .action(
      action(async (file: string, opts: object, cmd: Command) =>
        (await import('./commands/catalogue-check.js')).catalogueCheck(await context(cmd), file, opts),
      ),
    );

  const plans = program.command('plans').description('the saved plans: list, show, delete, export, edit, import, rename');
  plans
    .usage('[options] [command]')
    .argument('[subcommand...]')
    .action(
      action(async (words: string[], _opts: object, cmd: Command) => {
        if (words.length > 0) throw unknownCommand(words[0]!, plans, 'study-planner plans');
        return (await import('./commands/plans.js')).plansList(await context(cmd));
      }),
    );
  plans
    .command('list')
    .description('every saved plan: route, credits, payable, valid or not, last changed')
    .action(action(async (_opts: object, cmd: Command) => (await import('./commands/plans.js')).plansList(await context(cmd))));
  plans
    .command('show')
    .description('the full report of a saved plan, judged against the loaded catalogue')
    .argument('<name>', 'the saved plan')
    .action(
      action(async (name: string, _opts: object, cmd: Command) =>
        (await import('./commands/plans.js')).plansShow(await context(cmd), name),
      ),
    );
  plans
    .command('delete')
    .description('delete a saved plan (asks first in a terminal)')
    .argument('<name>', 'the saved plan')
    .option('--force', 'delete without asking (needed when not running interactively)')
    .action(
      action(async (name: string, opts: object, cmd: Command) =>
        (await import('./commands/plans.js')).plansDelete(await context(cmd), name, opts),
      ),
    );
  plans
    .command('export')
    .description('a saved plan as a plan file, or a Markdown report (--format md), on stdout or in --out')
    .argument('<name>', 'the saved plan')
    .addOption(new Option('--format <format>', 'json (a plan file) or md (a Markdown report for an adviser)').default('json'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--force', 'let --out overwrite an existing file')
    .action(
      action(async (name: string, opts: object, cmd: Command) =>
        (await import('./commands/plans.js')).plansExport(await context(cmd), name, opts),
      ),
    );

  plans
    .command('edit')
    .description('change a saved plan: the planner at its review in a terminal; elsewhere flags, saved with --force')
    .argument('<name>', 'the saved plan')
    .addOption(new Option('--residency <residency>', 'local or non-local'))
    .option('--mode <mode>', 'study mode: full-time or part-time')
    .option('--core <subject...>', 'core subjects (identifier, code or title)')
    .option('--elective <subject...>', 'elective subjects')
    .option('--route <route>', 'dissertation or coursework')
    .option('--extra <subject...>', 'the subjects that replace the dissertation (implies --route coursework)')
    .option('--fellowship', 'you will hold the fellowship (local students only)')
    .option('--no-fellowship', 'you will not hold the fellowship')
    .option('--grade <subject=grade...>', 'record a final grade, such as --grade SN5023=B+ (a grade of "none" removes one)')
    .option('--transferred <subject...>', 'record credit transferred from earlier study for these subjects')
    .option('--exempted <subject...>', 'record an exemption from these subjects')
    .option('--force', 'save the changes (needed when not running interactively)')
    .action(
      action(async (name: string, opts: object, cmd: Command) =>
        (await import('./commands/plans/edit.js')).plansEdit(await context(cmd), name, opts),
      ),
    );
  plans
    .command('import')
    .description("check a plan file and save it under a name (the file's name unless --name)")
    .argument('<file>', 'the plan file (- reads standard input, with --name)')
    .option('--name <name>', 'save it under this name')
    .option('--force', 'replace a saved plan of that name')
    .action(
      action(async (file: string, opts: object, cmd: Command) =>
        (await import('./commands/plans/import.js')).plansImport(await context(cmd), file, opts),
      ),
    );
  plans
    .command('rename')
    .description('give a saved plan another name')
    .argument('<old>', 'the saved plan')
    .argument('<new>', 'its new name')
    .action(
      action(async (from: string, to: string, _opts: object, cmd: Command) =>
        (await import('./commands/plans/rename.js')).plansRename(await context(cmd), from, to),
      ),
    );

  program
    .command('completion')
    .description('print a shell completion script: commands, flags, subjects and saved plan names')
    .argument('<shell>', 'bash, zsh or fish')
    .action(
      action(async (shell: string, _opts: object, cmd: Command) =>
        (await import('./commands/completion.js')).completion(await context(cmd), shell),
      ),
    );
  // What the completion scripts call on each Tab: not for people, so not in the help.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .action(
      action(async (words: string[], _opts: object, cmd: Command) =>
        (await import('./commands/completion.js')).completeCommand(await context(cmd), program, words),
      ),
    );

  const config = program.command('config').description('saved defaults: get, set, unset, path');
  needsSubcommand(config, 'study-planner config get');
  config
    .command('get')
    .description('a saved default, or all of them')
    .argument('[key]', 'residency, mode or catalogue')
    .action(
      action(async (key: string | undefined, _opts: object, cmd: Command) =>
        (await import('./commands/config.js')).configGet(await context(cmd), key),
      ),
    );
  config
    .command('set')
    .description('save a default (used when no flag or STUDY_PLANNER_* variable gives one)')
    .argument('<key>', 'residency, mode or catalogue')
    .argument('<value>', 'residency: local or non-local; mode: full-time or part-time; catalogue: a file')
    .action(
      action(async (key: string, value: string, _opts: object, cmd: Command) =>
        (await import('./commands/config.js')).configSet(await context(cmd), key, value),
      ),
    );
  config
    .command('unset')
    .description('forget a saved default')
    .argument('<key>', 'residency, mode or catalogue')
    .action(
      action(async (key: string, _opts: object, cmd: Command) =>
        (await import('./commands/config.js')).configUnset(await context(cmd), key),
      ),
    );
  config
    .command('path')
    .description('print where the store of saved plans and defaults lives')
    .action(action(async (_opts: object, cmd: Command) => (await import('./commands/config.js')).configPath(await context(cmd))));

  program
    .usage('[options] [command]')
    .argument('[command...]')
    .action(
      action(async (words: string[], _opts: object, cmd: Command): Promise<Outcome> => {
        if (words[0] === 'help') {
          // "help plans show" is the help of "plans show", examples, environment and exit codes included, as --help shows it.
          // "help help" is the program's help, as "help" alone is.
          if (words[1] === 'help' && words.length === 2) {
            program.outputHelp();
            return 'success';
          }
          const other = HELP_TOPICS.find((t) => t === words[1]);
          if (other !== undefined) {
            io.stdout.write(topicHelp(other, outputWidth(io)));
            return 'success';
          }
          let topic: Command = program;
          let path = 'study-planner';
          for (const word of words.slice(1)) {
            // A command without subcommands takes the rest as its arguments ("help check plan.json").
            if (topic !== program && topic.commands.length === 0) break;
            const next = topic.commands.find((c) => c.name() === word);
            // As "study-planner nosuch --help" would be: exit 2, naming the commands there are.
            if (next === undefined || word.startsWith('__')) throw unknownCommand(word, topic, path);
            topic = next;
            path = `${path} ${word}`;
          }
          topic.outputHelp();
          return 'success';
        }
        if (words.length > 0) throw unknownCommand(words[0]!, program, 'study-planner');
        const ctx = await context(cmd);
        if (!ctx.interactive) {
          io.stderr.write(program.helpInformation());
          throw new UsageError('no command given and no terminal to ask in; name a command, such as "study-planner check plan.json".');
        }
        // In a terminal, the bare program is the planner.
        return (await import('./commands/plan/index.js')).plan(ctx, {});
      }),
    );
  addHelpTexts(program, outputWidth(io));
  return program;
}

function unknownCommand(name: string, parent: Command, usage: string): UsageError {
  // Commands named __ (the shell completion's __complete) are for scripts of ours, not for people.
  const names = parent.commands.map((c) => c.name()).filter((n) => !n.startsWith('__'));
  const [closest] = names
    .map((n) => ({ n, d: editDistance(name.toLowerCase(), n, 2) }))
    .filter(({ d }) => d <= Math.min(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d);
  const hint = closest ? `did you mean "${usage} ${closest.n}"? ` : '';
  return new UsageError(`unknown command "${safeLine(name)}"; ${hint}the commands are ${names.join(', ')} (run "${usage} --help").`);
}

/**
 * An error's words broken between words at a terminal's width, which would otherwise split them
 * anywhere ("permiss" / "ion denied"); a path or command wider than a line is never cut. Piped or
 * redirected, it stays the one line a script reads.
 */
async function fittedToTerminal(io: Io, text: string): Promise<string> {
  if (!io.stderr.isTTY) return text;
  // Loaded only here: measuring text is of no use to a start that ends well or in a pipe.
  const { forStderr } = await import('./render/wrap.js');
  return forStderr(text, outputWidth({ stdout: io.stderr, env: io.env }), true);
}

/** What an error that ended a command says on stderr, and the exit code it ends in. */
async function report(io: Io, error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
      return EXIT_CODES.success;
    return EXIT_CODES.failed;
  }
  if (error instanceof ExitError) {
    // An interruption is the user's own doing, and its message (what was kept) stands alone.
    const line = error instanceof InterruptedError ? error.message : `study-planner: ${error.message}`;
    io.stderr.write(`${await fittedToTerminal(io, safeText(line))}\n`);
    return error.code;
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
    code = await report(io, error);
  }
  return code;
}
