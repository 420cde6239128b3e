/** Why a file could not be used: it could not be read, or it is not the JSON it should be. */
export class FileError extends Error {
  override name = 'FileError';
  /** Where in the text (both from 1) JSON that does not parse goes wrong; a file that cannot be read has no place. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(
    readonly kind: 'UNREADABLE' | 'MALFORMED',
    readonly file: string,
    message: string,
    place?: { line: number; column: number },
  ) {
    super(message);
    this.line = place?.line;
    this.column = place?.column;
  }
}
