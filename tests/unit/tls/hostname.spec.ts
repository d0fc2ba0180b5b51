import { describe, expect, it } from 'vitest';
import { InvalidHostnameError } from '../../../proxy/tls/errors';
import { normalizeHostname } from '../../../proxy/tls/hostname';

describe('normalizeHostname', () => {
  it('lower-cases DNS names and drops the trailing dot', () => {
    expect(normalizeHostname('API.Example.TEST.')).toEqual({
      name: 'api.example.test',
      kind: 'dns',
    });
    expect(normalizeHostname('my_service-1.internal')).toEqual({
      name: 'my_service-1.internal',
      kind: 'dns',
    });
  });

  it('turns internationalised names into punycode', () => {
    expect(normalizeHostname('Bücher.example')).toEqual({
      name: 'xn--bcher-kva.example',
      kind: 'dns',
    });
  });

  it('recognises IPv4 and IPv6 literals, with or without brackets, in canonical form', () => {
    expect(normalizeHostname('127.0.0.1')).toEqual({ name: '127.0.0.1', kind: 'ip' });
    expect(normalizeHostname('::1')).toEqual({ name: '::1', kind: 'ip' });
    expect(normalizeHostname('[0:0:0:0:0:0:0:1]')).toEqual({ name: '::1', kind: 'ip' });
    expect(normalizeHostname('2001:DB8::A')).toEqual({ name: '2001:db8::a', kind: 'ip' });
  });

  it.each([
    ['', /empty/],
    ['.', /empty/],
    ['a'.repeat(64) + '.test', /longer than 63/],
    [`${'abcdefghi.'.repeat(25)}abcd`, /longer than 253/],
    ['a..b', /empty label/],
    ['bad host', /only letters, digits/],
    ['evil.com/path', /only letters, digits/],
    ['-leading.test', /may not start or end with "-"/],
    ['fe80::1%eth0', /zone id/],
  ])('rejects %j with a clear error', (input, reason) => {
    let error: unknown;
    try {
      normalizeHostname(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidHostnameError);
    expect((error as InvalidHostnameError).hostname).toBe(input);
    expect((error as Error).message).toMatch(/^Cannot make a certificate for host/);
    expect((error as Error).message).toMatch(reason);
  });

  it('accepts a name of exactly 253 characters', () => {
    const name = `${'abcdefghi.'.repeat(25)}abc`;
    expect(name).toHaveLength(253);
    expect(normalizeHostname(name).name).toBe(name);
  });
});
