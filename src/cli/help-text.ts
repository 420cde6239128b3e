import type { Command } from 'commander';
import { commandLines } from './render/command-lines.js';

// Examples shown under each command's help, by its path: one place to keep them all true.
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  plan: [
    'study-planner plan',
    'study-planner plan --residency local \\',
    '  --mode part-time \\',
    '  --route dissertation \\',
    '  --core epidemiology LGT5037 \\',
    '  --elective COMP5434 APSS6403',
    'study-planner plan --resume',
  ],
  check: [
    'study-planner check plan.json',
    'study-planner check --json plans/*.json > results.json',
    'cat plan.json | study-planner check -',
  ],
  fees: [
    'study-planner fees --residency local --fellowship',
    'study-planner fees --residency non-local --credits 9',
    'study-planner fees --plan plan.json --by-term',
    'study-planner fees --plan plan.json --by-term --format csv > bills.csv',
    'study-planner fees --plan plan.json --by-term --format ics > bills.ics',
  ],
  compare: ['study-planner compare plan-a.json "My plan"', 'study-planner compare plan.json --routes'],
  subjects: ['study-planner subjects --category core', 'study-planner subjects --search data --json'],
  catalogue: ['study-planner catalogue check programme.json'],
  'catalogue check': [
    'study-planner catalogue check programme.json',
    'study-planner catalogue check --strict programme.json   # warnings fail too',
    'study-planner catalogue check --json programme.json',
    'cat programme.json | study-planner catalogue check -',
  ],
  plans: ['study-planner plans', 'study-planner plans show "My plan"', 'study-planner plans export "My plan" --format md --out plan.md'],
  'plans list': ['study-planner plans list --json'],
  'plans show': ['study-planner plans show "My plan"'],
  'plans delete': ['study-planner plans delete "Old plan" --force'],
  'plans export': ['study-planner plans export "My plan" --out plan.json', 'study-planner plans export "My plan" --format md > plan.md'],
  'plans edit': ['study-planner plans edit "My plan"', 'study-planner plans edit "My plan" --grade SN5023=B+ --force'],
  'plans import': ['study-planner plans import second-year.json --name "Second year"'],
  'plans rename': ['study-planner plans rename "My plan" "Coursework route"'],
  completion: [
    'source <(study-planner completion bash)   # in ~/.bashrc',
    'source <(study-planner completion zsh)    # in ~/.zshrc',
    'cd ~/.config/fish/completions',
    'study-planner completion fish > study-planner.fish',
  ],
  config: ['study-planner config set residency local', 'study-planner config get --json'],
  'config get': ['study-planner config get residency'],
  'config set': ['study-planner config set mode part-time'],
  'config unset': ['study-planner config unset catalogue'],
  'config path': ['study-planner config path'],
};

const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['STUDY_PLANNER_RESIDENCY', 'residency when --residency is not given (local, non-local)'],
  ['STUDY_PLANNER_MODE', 'study mode when --mode is not given'],
  ['STUDY_PLANNER_CATALOGUE', 'catalogue file when --catalogue is not given'],
  ['STUDY_PLANNER_STORE_DIR', 'where saved plans, defaults and the draft are kept'],
  ['STUDY_PLANNER_TODAY', 'the date (YYYY-MM-DD) that decides which terms have passed'],
  ['NO_COLOR', 'no colour'],
  ['FORCE_COLOR', 'colour even when stdout is not a terminal'],
  ['COLUMNS', 'the width to lay out for when stdout is not a terminal'],
  ['DEBUG', 'show the stack of an internal error'],
];

const EXIT_CODES: readonly (readonly [string, string])[] = [
  ['0', 'success; for check, every plan is valid'],
  ['1', 'the work ran and found a problem (an invalid plan)'],
  ['2', 'the work could not be done: bad usage, an unreadable or malformed file, a missing answer'],
  ['130', 'interrupted (Ctrl-C); any draft is kept'],
];

/** ASCII text in lines of at most `width` columns, broken at spaces (help text is all ASCII). */
export function asciiLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** Rows of a term and its meaning, side by side where `width` has room, else the meaning below. */
function section(title: string, rows: readonly (readonly [string, string])[], width: number): string {
  const termWidth = Math.max(...rows.map(([term]) => term.length)) + 2;
  const beside = width - 2 - termWidth >= 30;
  const lines = rows.flatMap(([term, meaning]) => {
    if (!beside) return [`  ${term}`, ...asciiLines(meaning, width - 6).map((line) => `      ${line}`)];
    const [first, ...rest] = asciiLines(meaning, width - 2 - termWidth);
    return [`  ${term.padEnd(termWidth)}${first}`, ...rest.map((line) => `${' '.repeat(2 + termWidth)}${line}`)];
  });
  return `\n${title}:\n${lines.join('\n')}\n`;
}

/** The environment variables and exit codes, for the program's help, fitted to `width` columns. */
export function environmentHelp(width: number): string {
  return `${section('Environment', ENVIRONMENT, width)}${section('Exit codes', EXIT_CODES, width)}\nMore: README.md and docs/.\n`;
}

/** The help topics that are not commands: `help environment`, `help exit-codes`. */
export const HELP_TOPICS = ['environment', 'exit-codes'] as const;

/** One of HELP_TOPICS alone, fitted to `width` columns. */
export function topicHelp(topic: (typeof HELP_TOPICS)[number], width: number): string {
  return topic === 'environment' ? section('Environment', ENVIRONMENT, width).slice(1) : section('Exit codes', EXIT_CODES, width).slice(1);
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * An example as lines of at most `width` columns: a command too long for one is broken between
 * its words with the shell's " \\" (never inside quotes, so a copied command runs as it reads), its
 * later lines indented; a comment that does not fit beside it goes on a line of its own above it.
 */
export function fitExample(example: string, width: number): string[] {
  if (example.length <= width) return [example];
  const commented = /^(.*?)\s+(# .*)$/.exec(example);
  if (commented) return [commented[2]!, ...fitExample(commented[1]!, width)];
  return commandLines(example, width);
}

/** Adds its examples under every command's help that has some, and the environment and exit codes under the program's. */
export function addHelpTexts(program: Command, width: number): void {
  // Each text is written when its help is shown, not at every start of the program.
  const visit = (command: Command) => {
    const examples = EXAMPLES[pathOf(command)];
    if (examples)
      command.addHelpText(
        'after',
        () =>
          `\nExamples:\n${examples
            .flatMap((e) => fitExample(e, width - 2))
            .map((line) => `  ${line}`)
            .join('\n')}\n`,
      );
    command.commands.forEach(visit);
  };
  program.commands.forEach(visit);
  program.addHelpText('after', () => environmentHelp(width));
}
