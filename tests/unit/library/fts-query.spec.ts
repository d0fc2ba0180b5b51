import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../../src-main/library/fts-query';

describe('full-text query escaping', () => {
  it('quotes every word as a prefix term', () => {
    expect(ftsMatchExpression('login flow')).toBe('"login"* "flow"*');
  });

  it('turns operators and punctuation into plain words or nothing', () => {
    expect(ftsMatchExpression('a OR b')).toBe('"a"* "OR"* "b"*');
    expect(ftsMatchExpression('NEAR(x y)')).toBe('"NEAR"* "x"* "y"*');
    expect(ftsMatchExpression('name:secret -foo ^bar')).toBe('"name"* "secret"* "foo"* "bar"*');
    expect(ftsMatchExpression('"unterminated')).toBe('"unterminated"*');
  });

  it('has nothing to search for in symbols alone', () => {
    for (const text of ['', '"', '*', '()', '😀😀', '   ', '-^:']) {
      expect(ftsMatchExpression(text)).toBeUndefined();
    }
  });

  it('keeps accented and non-Latin words whole, repeated words once', () => {
    expect(ftsMatchExpression('café café 日本')).toBe('"café"* "日本"*');
  });

  it('caps the number of terms', () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(ftsMatchExpression(many)?.split(' ')).toHaveLength(32);
  });
});
