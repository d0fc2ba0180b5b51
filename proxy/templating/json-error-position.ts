/**
 * Where JSON text stops being valid, and why: a small scanner that follows the JSON grammar
 * (JSON.parse's messages do not always give a position).
 */

export interface JsonSyntaxProblem {
  /** Index in the text where the problem is. */
  offset: number;
  message: string;
}

class Problem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- raw control characters are what JSON strings forbid
const STRING_CHARS = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const MAX_DEPTH = 5000;

function scan(text: string): void {
  let i = 0;
  const fail = (message: string): never => {
    throw new Problem(i, i >= text.length ? 'unexpected end of the text' : message);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[i] !== char) fail(`expected ${what}, found ${JSON.stringify(text[i])}`);
    i++;
  };
  const string = () => {
    i++;
    STRING_CHARS.lastIndex = i;
    STRING_CHARS.exec(text);
    i = STRING_CHARS.lastIndex;
    if (text[i] !== '"')
      fail(text[i] === '\\' ? 'bad escape in a string' : 'bad character in a string');
    i++;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipSpace();
    const char = text[i];
    if (char === '"') return string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          skipSpace();
          if (text[i] !== '"')
            fail(`expected a property name in double quotes, found ${JSON.stringify(text[i])}`);
          string();
          expect(':', '":"');
        }
        value(depth + 1);
        skipSpace();
        if (text[i] === close) {
          i++;
          return;
        }
        expect(',', `"," or "${close}"`);
      }
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text) !== null) {
      i = NUMBER.lastIndex;
      return;
    }
    fail(`expected a value, found ${JSON.stringify(char)}`);
  };
  value(0);
  skipSpace();
  if (i < text.length) fail('unexpected text after the JSON value');
}

/** The first syntax problem of `text` as JSON, or undefined when it is valid JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (parseError) {
    try {
      scan(text);
    } catch (error) {
      if (error instanceof Problem) return { offset: error.offset, message: error.message };
    }
    return { offset: 0, message: (parseError as Error).message };
  }
}

/** 1-based line and column of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
