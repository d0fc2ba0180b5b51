import { describe, expect, it } from 'vitest';
import { scanJson } from '../../../src-renderer/src/components/code-editor/json-locations';

const failure = (text: string) => {
  const scan = scanJson(text);
  if (scan.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return { message: scan.message, ...scan.position };
};

describe('scanJson', () => {
  it('reads what JSON.parse reads, and finds each path (property names, array items)', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": {"d": null, "e": -1.5e3}\n}';
    const scan = scanJson(text);
    if (!scan.ok) throw new Error(scan.message);
    expect(scan.value).toEqual(JSON.parse(text));
    expect(scan.positionOf([])).toEqual({ line: 1, column: 1 });
    expect(scan.positionOf(['a'])).toEqual({ line: 2, column: 3 });
    expect(scan.positionOf(['a', 1])).toEqual({ line: 2, column: 12 });
    expect(scan.positionOf(['a', 1, 'b'])).toEqual({ line: 2, column: 13 });
    expect(scan.positionOf(['c', 'e'])).toEqual({ line: 3, column: 20 });
  });

  it('points a path that is not there at its nearest ancestor', () => {
    const scan = scanJson('{\n  "c": {"d": 1}\n}');
    if (!scan.ok) throw new Error(scan.message);
    expect(scan.positionOf(['c', 'missing', 0])).toEqual({ line: 2, column: 3 });
    expect(scan.positionOf(['nothing'])).toEqual({ line: 1, column: 1 });
  });

  it('refuses what JSON.parse refuses, saying where', () => {
    expect(failure('{\n  "a": 1,\n}')).toEqual({
      message: 'Expected a property name in double quotes',
      line: 3,
      column: 1,
    });
    expect(failure('{"a" 1}')).toEqual({
      message: "Expected ':' after the property name",
      line: 1,
      column: 6,
    });
    expect(failure('[1 2]')).toMatchObject({ message: "Expected ',' or ']'", column: 4 });
    expect(failure('{"a": 1')).toMatchObject({ message: "Expected ',' or '}'", column: 8 });
    expect(failure('{"a": tru}')).toMatchObject({ message: 'Unexpected "t"', column: 7 });
    expect(failure('"line\nbreak"')).toMatchObject({ message: 'Unterminated or invalid string' });
    expect(failure('01')).toMatchObject({ message: 'Unexpected text after the JSON value' });
    expect(failure('')).toMatchObject({ message: 'Unexpected end of the text', line: 1 });
    for (const text of ['{,}', '[1,]', '{"a":1}}', "{'a':1}", '-', '1.', 'NaN']) {
      expect(scanJson(text).ok, text).toBe(false);
      expect(() => JSON.parse(text), text).toThrow();
    }
  });
});
