import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError, readTextFile } from '../../src/cli/io/read-file.js';

// readTextFile reads a small file without an fstat (src/cli/io/read-file.ts): whatever size a file
// is, it must read the same text, and refuse the same files, as the careful way does.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-text-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const refusal = (file: string, maxBytes: number) => {
  try {
    readTextFile(file, maxBytes);
  } catch (error) {
    if (error instanceof FileError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  return 'read';
};

describe('readTextFile', () => {
  const KIB = 1024;
  it.each([0, 1, 300, 64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 200 * KIB])('reads a file of %i bytes whole', (size) => {
    const text = 'x'.repeat(size);
    expect(readTextFile(fileOf(`size-${size}.json`, text), 1024 * KIB)).toBe(text);
  });

  it('reads multi-byte text whole and drops a byte order mark', () => {
    const text = '{"subjects":["Épidémiologie","流行病學"]}';
    expect(readTextFile(fileOf('bom.json', `\ufeff${text}`), 1024)).toBe(text);
  });

  it.each([
    [10, 10, 'read'],
    [11, 10, 'UNREADABLE: is 0.0 MiB, over the 0.0000095367431640625 MiB limit for this kind of file; is it the right file?'],
    [70 * 1024, 64 * 1024, 'UNREADABLE: is 0.1 MiB, over the 0.0625 MiB limit for this kind of file; is it the right file?'],
  ])('a file of %i bytes with a limit of %i: %s', (size, maxBytes, expected) => {
    expect(refusal(fileOf(`limit-${size}-${maxBytes}`, 'y'.repeat(size)), maxBytes)).toBe(expected);
  });

  it('refuses a directory, a missing file and binary data as before', () => {
    expect(refusal(dir, 1024)).toBe('UNREADABLE: is a directory, not a file; name a JSON file inside it');
    expect(refusal(path.join(dir, 'missing.json'), 1024)).toBe('UNREADABLE: does not exist; check the path');
    expect(refusal(fileOf('binary', Buffer.from([0x7b, 0, 0x7d])), 1024)).toBe('MALFORMED: is a binary file, not JSON text');
  });

  it.runIf(process.platform !== 'win32')('reads a device that ends at once as empty text', () => {
    expect(readTextFile('/dev/null', 1024)).toBe('');
  });

  it('reads the text of each file, however many in a row (the buffer is reused)', () => {
    const files = ['{"a":1}', '{"bb":22}', '{}'].map((text, i) => [fileOf(`row-${i}.json`, text), text] as const);
    for (const [file, text] of files) expect(readTextFile(file, 1024)).toBe(text);
  });
});
