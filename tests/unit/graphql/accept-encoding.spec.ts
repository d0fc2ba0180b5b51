/** Accept-Encoding negotiation: qualities, q=0, the wildcard and identity. */
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, type ContentCoding } from '../../../src-main/server/accept-encoding';

const BOTH = new Set<ContentCoding>(['br', 'gzip']);

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, then identity when qualities tie', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd', BOTH)).toBe('br');
    expect(negotiateEncoding('gzip, deflate', BOTH)).toBe('gzip');
    expect(negotiateEncoding('x-gzip', BOTH)).toBe('gzip');
    expect(negotiateEncoding('br', new Set(['gzip']))).toBe('identity');
    expect(negotiateEncoding(undefined, BOTH)).toBe('identity');
    expect(negotiateEncoding('', BOTH)).toBe('identity');
  });

  it('follows quality values, case-insensitively and with spaces', () => {
    expect(negotiateEncoding('br;q=0.5, GZIP ; Q=0.8', BOTH)).toBe('gzip');
    expect(negotiateEncoding('identity;q=1, br;q=0.9', BOTH)).toBe('identity');
    expect(negotiateEncoding('*;q=0.4, gzip;q=0.3', BOTH)).toBe('br');
    expect(negotiateEncoding('br;q=nonsense, gzip', BOTH)).toBe('gzip');
  });

  it('treats q=0 as refused, and answers undefined when nothing is left', () => {
    expect(negotiateEncoding('br;q=0, gzip', BOTH)).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0', BOTH)).toBe('identity');
    expect(negotiateEncoding('gzip, *;q=0', BOTH)).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0, identity;q=0, br', BOTH)).toBe('br');
    expect(negotiateEncoding('gzip;q=0, identity;q=0', BOTH)).toBeUndefined();
    expect(negotiateEncoding('br;q=0, identity;q=0', new Set(['br']))).toBeUndefined();
    expect(negotiateEncoding('*;q=0', BOTH)).toBeUndefined();
    expect(negotiateEncoding('identity;q=0', new Set())).toBeUndefined();
  });
});
