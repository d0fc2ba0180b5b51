import { describe, expect, it } from 'vitest';
import {
  headerPairs,
  headerValue,
  headerValues,
  headersFromPairs,
} from '../../../proxy/cassette/headers';

describe('headers', () => {
  it('lower-cases names and keeps every value of a repeated header in order', () => {
    const headers = headersFromPairs([
      ['Set-Cookie', 'a=1'],
      ['Content-Type', 'text/plain'],
      ['set-cookie', 'b=2'],
      ['SET-COOKIE', 'c=3'],
    ]);
    expect(headers).toEqual({ 'set-cookie': ['a=1', 'b=2', 'c=3'], 'content-type': 'text/plain' });
    expect(headerValue(headers, 'Set-Cookie')).toBe('a=1');
    expect(headerValues(headers, 'set-cookie')).toEqual(['a=1', 'b=2', 'c=3']);
    expect(headerValues(headers, 'x-missing')).toEqual([]);
    expect(headerPairs(headers)).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['set-cookie', 'c=3'],
      ['content-type', 'text/plain'],
    ]);
  });
});
