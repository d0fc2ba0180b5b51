import { describe, expect, it } from 'vitest';
import { compileHostPatterns } from '../../../proxy/engine/host-glob';

describe('tunnel host patterns', () => {
  it('matches names and wildcards without case, with optional ports', () => {
    const matches = compileHostPatterns(['*.example.com', 'API.test', 'db.local:5432', '[::1]']);
    expect(matches('a.example.com', 443)).toBe(true);
    expect(matches('a.b.EXAMPLE.com', 443)).toBe(true);
    expect(matches('example.com', 443)).toBe(false);
    expect(matches('api.test', 8443)).toBe(true);
    expect(matches('db.local', 5432)).toBe(true);
    expect(matches('db.local', 443)).toBe(false);
    expect(matches('::1', 443)).toBe(true);
    expect(matches('evil-example.com', 443)).toBe(false);
    expect(compileHostPatterns([])('anything', 1)).toBe(false);
    expect(compileHostPatterns(['*'])('anything', 1)).toBe(true);
  });

  it('rejects patterns that are not hosts', () => {
    expect(() => compileHostPatterns([''])).toThrow(/Invalid tunnel host pattern ""/);
    expect(() => compileHostPatterns(['https://x.com/'])).toThrow(/Invalid tunnel host pattern/);
    expect(() => compileHostPatterns(['a b'])).toThrow(/Invalid/);
  });
});
