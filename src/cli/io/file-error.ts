/** Why a file could not be used: it could not be read, or it is not the JSON it should be. */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly kind: 'UNREADABLE' | 'MALFORMED',
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
