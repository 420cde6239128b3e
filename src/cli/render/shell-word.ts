// Characters no POSIX shell (sh, bash, zsh, fish) gives a meaning to in a word.
const PLAIN = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * Text as one word of a command to copy into a shell: as it is when it is plain, otherwise in
 * single quotes (inside which nothing is special but the quote itself, written '\''), so a name
 * holding `$`, `"`, a backquote or a run of spaces reaches the program as it was saved.
 */
export function shellWord(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
