/**
 * Finds where and why JSON text is invalid. V8's JSON.parse often names neither a position nor
 * the expectation ("Unexpected token ','"), and people fix plan files by hand in text editors,
 * so this walks the text once more, only after JSON.parse has already failed.
 */
export interface JsonErrorAt {
  offset: number;
  line: number;
  column: number;
  problem: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function locateJsonError(text: string): JsonErrorAt | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const found = () => (i >= text.length ? 'the file ends' : `found ${JSON.stringify(text[i])}`);
  const fail = (expected: string): never => {
    throw new Stop(i, i >= text.length ? `the file ends too early; expected ${expected}` : `expected ${expected} but ${found()}`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw new Stop(i, 'a backslash in a text value must start a valid escape such as \\" or \\n');
        continue;
      }
      if (ch === '\n' || ch.charCodeAt(0) < 0x20) throw new Stop(i, 'a text value is not closed before the end of the line');
      i++;
    }
    fail('a closing quote "');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') throw new Stop(i, 'a comma before "}" must be followed by another property (JSON allows no trailing comma)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') throw new Stop(i, 'a comma before "]" must be followed by another value (JSON allows no trailing comma)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return;
    }
    fail('a value (text in double quotes, a number, true, false, null, an object or a list)');
  };

  try {
    value();
    ws();
    if (i < text.length) fail('nothing more after the end of the top-level value');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { offset: error.offset, line, column, problem: error.problem };
  }
}
