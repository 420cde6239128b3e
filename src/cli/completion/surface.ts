import type { Command } from 'commander';

/** What completion needs of the command tree: names, flags and which flags take a value. */
export interface Surface {
  name: string;
  flags: { name: string; takesValue: boolean }[];
  commands: Surface[];
}

/** The command tree as commander holds it, so completion can never drift from the real options. */
export function surfaceOf(command: Command): Surface {
  const flags = command.options.flatMap((o) => {
    const takesValue = o.required || o.optional || o.variadic;
    return [o.long, o.short].filter((f): f is string => f !== undefined).map((name) => ({ name, takesValue }));
  });
  return {
    name: command.name(),
    flags,
    commands: command.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map(surfaceOf),
  };
}
