/**
 * Where a value sits in JSON text, by a path as issues give it (`requirements[2].anyOf[1].from`,
 * see formatPath in ../issue.ts), so a finding can say line and column as compilers do. Pure: the
 * text in, positions out. Lines and columns count from 1; a column counts Unicode characters (a
 * tab is one), and a line ends at "\n", "\r\n" or a lone "\r".
 */

export interface Position {
  line: number;
  column: number;
}

/** Where a path leads: its value, and its key when it is an object's member. */
export interface Located extends Position {
  /** The member's key (its opening quote); absent for the root and for an array's element. */
  key: Position | undefined;
  /** False when the path goes on past what the text holds: the position is then that of the deepest part that exists. */
  exact: boolean;
}

export type PathKey = string | number;

interface Node {
  value: number;
  key: number | undefined;
  children: Map<PathKey, Node> | undefined;
}

/** A path as formatPath writes it, back into its keys: `a.b[2]["c d"]` is a, b, 2, "c d". Throws on a malformed path. */
export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  let i = 0;
  while (i < path.length) {
    const rest = path.slice(i);
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    const name = /^\.?([A-Za-z_$][\w$-]*)/.exec(rest);
    if (index) keys.push(Number(index[1]));
    else if (quoted) keys.push(JSON.parse(quoted[1]!) as string);
    else if (name && (keys.length > 0 || !rest.startsWith('.'))) keys.push(name[1]!);
    else throw new Error(`"${path}" is not a path such as requirements[2].from (at character ${i + 1})`);
    i += (index ?? quoted ?? name)![0].length;
  }
  return keys;
}

/**
 * Indexes `text` (JSON that JSON.parse accepts) once; the function returned locates any path in
 * it. Where a key is repeated, the last one counts, as in JSON.parse. Iterative, so nesting that
 * JSON.parse accepts never overflows the stack here.
 */
export function jsonLocator(text: string): (path: string | readonly PathKey[]) => Located {
  const root = indexJson(text);
  const lines = lineStarts(text);
  const at = (offset: number): Position => positionAt(text, lines, offset);
  return (path) => {
    const keys = typeof path === 'string' ? parsePath(path) : path;
    let node = root;
    let exact = true;
    for (const key of keys) {
      const next = node.children?.get(key);
      if (!next) {
        exact = false;
        break;
      }
      node = next;
    }
    return { ...at(node.value), key: node.key === undefined ? undefined : at(node.key), exact };
  };
}

/** The position of one path in `text`: jsonLocator for a single look-up. */
export function positionOf(text: string, path: string | readonly PathKey[]): Located {
  return jsonLocator(text)(path);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

function positionAt(text: string, starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  // Characters, not UTF-16 units: a letter outside the Basic Multilingual Plane is one column.
  const column = [...text.slice(starts[low], offset)].length + 1;
  return { line: low + 1, column };
}

interface Open {
  node: Node;
  /** For an array: the index of the next element. */
  next: number;
  array: boolean;
}

function indexJson(text: string): Node {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') break;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipScalar = () => {
    while (i < text.length && !' \t\n\r,]}'.includes(text[i]!)) i++;
  };
  space();
  const root: Node = { value: i, key: undefined, children: undefined };
  const stack: Open[] = [];
  let pending: { key: PathKey; keyAt: number | undefined } | undefined;
  // Reads the value at i; containers are entered and stay open on the stack until closed.
  const value = (node: Node) => {
    const c = text[i];
    if (c === '{' || c === '[') {
      node.children = new Map();
      stack.push({ node, next: 0, array: c === '[' });
      i++;
    } else if (c === '"') readString();
    else skipScalar();
  };
  value(root);
  while (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    space();
    const c = text[i];
    if (c === '}' || c === ']') {
      stack.pop();
      i++;
      continue;
    }
    if (c === ',') {
      i++;
      space();
    }
    if (open.array) pending = { key: open.next++, keyAt: undefined };
    else {
      const keyAt = i;
      const key = readString();
      space();
      i++; // the colon
      pending = { key, keyAt };
    }
    space();
    const child: Node = { value: i, key: pending.keyAt, children: undefined };
    open.node.children!.set(pending.key, child);
    value(child);
  }
  return root;
}
