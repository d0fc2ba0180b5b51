/**
 * Where things are in a JSON text, for markers: the line and column of the first syntax error, and
 * of the value at a path (a property's name, an array item's value). JSON.parse says neither.
 */
export type JsonPath = ReadonlyArray<PropertyKey>;

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type JsonScan =
  | { ok: true; value: unknown; positionOf(path: JsonPath): TextPosition }
  | { ok: false; message: string; position: TextPosition };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

const pathKey = (path: JsonPath): string => JSON.stringify(path.map(String));

/** A recursive-descent reader that only checks the syntax and notes where each path starts. */
class Scanner {
  private offset = 0;
  readonly starts = new Map<string, number>();

  constructor(private readonly text: string) {}

  document(): void {
    this.value([]);
    this.skipSpace();
    if (this.offset < this.text.length) this.fail('Unexpected text after the JSON value');
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.offset);
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.offset))) this.offset++;
  }

  private expect(char: string, message: string): void {
    this.skipSpace();
    if (this.text.charAt(this.offset) !== char) this.fail(message);
    this.offset++;
  }

  private token(pattern: RegExp, message: string): string {
    pattern.lastIndex = this.offset;
    const match = pattern.exec(this.text);
    if (match === null) this.fail(message);
    this.offset += match[0].length;
    return match[0];
  }

  private value(path: PropertyKey[], noteStart = true): void {
    this.skipSpace();
    if (noteStart) this.starts.set(pathKey(path), this.offset);
    const char = this.text.charAt(this.offset);
    if (char === '{') return this.object(path);
    if (char === '[') return this.array(path);
    if (char === '"') return void this.token(STRING, 'Unterminated or invalid string');
    if (char === '-' || (char >= '0' && char <= '9')) return void this.token(NUMBER, 'Bad number');
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.offset));
    if (literal !== undefined) return void (this.offset += literal.length);
    this.fail(char === '' ? 'Unexpected end of the text' : `Unexpected ${JSON.stringify(char)}`);
  }

  private object(path: PropertyKey[]): void {
    this.offset++;
    this.skipSpace();
    if (this.text.charAt(this.offset) === '}') return void this.offset++;
    for (;;) {
      this.skipSpace();
      const start = this.offset;
      if (this.text.charAt(start) !== '"') this.fail('Expected a property name in double quotes');
      const name = JSON.parse(this.token(STRING, 'Unterminated or invalid string')) as string;
      this.starts.set(pathKey([...path, name]), start);
      this.expect(':', "Expected ':' after the property name");
      this.value([...path, name], false);
      this.skipSpace();
      if (this.text.charAt(this.offset) === '}') return void this.offset++;
      this.expect(',', "Expected ',' or '}'");
    }
  }

  private array(path: PropertyKey[]): void {
    this.offset++;
    this.skipSpace();
    if (this.text.charAt(this.offset) === ']') return void this.offset++;
    for (let index = 0; ; index++) {
      this.value([...path, index]);
      this.skipSpace();
      if (this.text.charAt(this.offset) === ']') return void this.offset++;
      this.expect(',', "Expected ',' or ']'");
    }
  }
}

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Reads `text` as JSON: its value and where each path is, or the first syntax error and where.
 * A path that is not there resolves to its nearest ancestor that is (a missing property points at
 * its object).
 */
export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.message, position: positionAt(text, error.offset) };
  }
  const positionOf = (path: JsonPath): TextPosition => {
    for (let length = path.length; length >= 0; length--) {
      const start = scanner.starts.get(pathKey(path.slice(0, length)));
      if (start !== undefined) return positionAt(text, start);
    }
    return { line: 1, column: 1 };
  };
  return { ok: true, value: JSON.parse(text) as unknown, positionOf };
}
