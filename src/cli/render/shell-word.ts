// Characters no POSIX shell (sh, bash, zsh) gives a meaning to in a word; zsh expands a word that
// starts with "=", so such a word is quoted.
const PLAIN = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:@%+=,-]*$/;

/**
 * Text as one word of a command to copy into a shell: as it is when it is plain, otherwise in
 * single quotes (inside which nothing is special but the quote itself, written '\''), so a name
 * holding `$`, `"`, a backquote or a run of spaces reaches the program as it was saved.
 */
export function shellWord(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A name as the last argument of a command to copy: as shellWord writes it, after "--" when it
 * starts with "-" (which no quoting stops the program reading as an option).
 */
export function nameArgument(name: string): string {
  return `${name.startsWith('-') && name !== '-' ? '-- ' : ''}${shellWord(name)}`;
}
