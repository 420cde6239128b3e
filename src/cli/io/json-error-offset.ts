/**
 * Where JSON text first goes wrong, as a character offset, for the parse errors whose message
 * carries no position (Node 20's "Unexpected token '}', ..." and "Unexpected end of JSON input").
 * Only run after JSON.parse has failed, so it need not be fast. Iterative: deep nesting is fine.
 * Text that ends too early gives its length; text with no error gives more than its length.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
      }
    }
    return false;
  };
  const scalar = (): boolean => {
    const rest = text.slice(i, i + 400);
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(rest);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Each loop turn reads one value, then what may follow it inside its container.
  for (;;) {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      space();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        if (c === '{') {
          if (!string()) return i;
          space();
          if (text[i] !== ':') return i;
          i++;
        }
        continue;
      }
    } else if (c === '"') {
      if (!string()) return i;
    } else if (!scalar()) return i;
    // After a value: close containers or move to the next member.
    for (;;) {
      space();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : text.length + 1;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      if (top === '{') {
        space();
        if (!string()) return i;
        space();
        if (text[i] !== ':') return i;
        i++;
      }
      break;
    }
  }
}
