/**
 * A strict JSON parser that remembers where every value starts, so a broken layout file can be
 * reported as "line 12, column 5" (V8's JSON.parse gives no position on Node 20) and a schema
 * problem at `elements[3].type` can point at its line too.
 */
export interface Position {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly position: Position,
  ) {
    super(`line ${position.line}, column ${position.column}: ${problem}`);
  }
}

export interface ParsedJson {
  value: unknown;
  /** JSON path (`elements[3].type`, '' for the root) to where its value starts. */
  positions: Map<string, Position>;
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const positions = new Map<string, Position>();
  let i = 0;
  // Line starts, to turn offsets into line/column cheaply.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  const pos = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const fail = (problem: string, at = i): never => {
    throw new JsonSyntaxError(problem, pos(at));
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const parseValue = (path: string): unknown => {
    ws();
    positions.set(path, pos(i));
    const ch = text[i];
    if (ch === '{') return parseObject(path);
    if (ch === '[') return parseArray(path);
    if (ch === '"') return parseString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (ch === "'") return fail('strings need double quotes (") in JSON');
    return fail(`expected a value but found ${describe(i)}`);
  };

  const parseObject = (path: string): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') {
        return fail(text[i] === '}' ? 'a comma before } is not allowed in JSON' : `expected a property name in double quotes but found ${describe(i)}`);
      }
      const key = parseString();
      ws();
      if (text[i] !== ':') fail(`expected ':' after the property name "${key}" but found ${describe(i)}`);
      i++;
      if (Object.hasOwn(obj, key)) fail(`the property "${key}" appears twice`);
      obj[key] = parseValue(path ? `${path}.${key}` : key);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      return fail(`expected ',' or '}' after the value of "${key}" but found ${describe(i)}`);
    }
  };

  const parseArray = (path: string): unknown[] => {
    const arr: unknown[] = [];
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      ws();
      if (text[i] === ']') return fail('a comma before ] is not allowed in JSON');
      arr.push(parseValue(`${path}[${arr.length}]`));
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      return fail(`expected ',' or ']' in the list but found ${describe(i)}`);
    }
  };

  const parseString = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) return fail('this string is never closed with "', start);
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n') return fail('a string cannot run over the end of a line (write \\n)', i);
      if (ch === '\\') {
        const esc = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc !== undefined && simple[esc] !== undefined) {
          out += simple[esc];
          i += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else return fail(`'\\${esc ?? ''}' is not an escape JSON knows`);
      } else {
        out += ch;
        i++;
      }
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 64));
    if (!m) return fail('this is not a number JSON understands');
    i += m[0].length;
    return Number(m[0]);
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const value = parseValue('');
  ws();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the layout`);
  return { value, positions };
}
