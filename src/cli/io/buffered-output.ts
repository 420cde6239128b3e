/** Collects small writes into large ones: thousands of reports become a few dozen writes. */
export function bufferedOutput(write: (text: string) => void, limit = 64 * 1024) {
  let buffer = '';
  return {
    write(text: string) {
      buffer += text;
      if (buffer.length >= limit) this.flush();
    },
    flush() {
      if (buffer !== '') write(buffer);
      buffer = '';
    },
  };
}
