import { describe, expect, it } from 'vitest';
import { parseAuthority } from '../../../proxy/engine/connect-handler';
import {
  resolveTarget,
  reverseBase,
  targetPrefix,
  tunnelOrigin,
} from '../../../proxy/engine/request-target';

const plain = { scheme: 'http' as const };

describe('request targets', () => {
  it('takes absolute-form URLs as they are', () => {
    const result = resolveTarget('http://api.test:8080/a?b=1', plain, null);
    expect(result.ok && result.url.href).toBe('http://api.test:8080/a?b=1');
  });

  it('puts origin-form requests in a tunnel on the tunnel host', () => {
    const result = resolveTarget('/x?y=1', tunnelOrigin('https', 'api.test:443'), null);
    expect(result.ok && result.url.href).toBe('https://api.test/x?y=1');
  });

  it('sends origin-form requests to the reverse-proxy target, under its base path', () => {
    const base = reverseBase(new URL('https://api.test/v1/'));
    expect(base).toBe('https://api.test/v1');
    expect(resolveTarget('/users', plain, base)).toMatchObject({
      ok: true,
      prefix: 'https://api.test/v1',
    });
    const result = resolveTarget(
      '/users?id=2',
      plain,
      reverseBase(new URL('http://127.0.0.1:3000')),
    );
    expect(result.ok && result.url.href).toBe('http://127.0.0.1:3000/users?id=2');
  });

  it('tells what a request target is appended to, before parsing anything', () => {
    const tunnel = tunnelOrigin('https', 'api.test:443');
    expect(targetPrefix('/a?b=1', tunnel, 'http://y.test')).toBe('https://api.test:443');
    expect(targetPrefix('http://x.test/a', plain, 'http://y.test')).toBe('');
    expect(targetPrefix('/a', plain, 'http://y.test/v1')).toBe('http://y.test/v1');
    expect(targetPrefix('/a', plain, null)).toBeUndefined();
    expect(targetPrefix('*', plain, 'http://y.test')).toBeUndefined();
    expect(resolveTarget('/a?b=1', tunnel, null)).toMatchObject({ prefix: 'https://api.test:443' });
  });

  it('explains what it cannot serve', () => {
    expect(resolveTarget('/users', plain, null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('absolute form'),
    });
    expect(resolveTarget('*', plain, null)).toMatchObject({ ok: false });
    expect(resolveTarget('http://[::1/', plain, null)).toMatchObject({ ok: false });
  });

  it('parses CONNECT authorities', () => {
    expect(parseAuthority('api.test:443')).toEqual({ hostname: 'api.test', port: 443 });
    expect(parseAuthority('[::1]:8443')).toEqual({ hostname: '::1', port: 8443 });
    expect(parseAuthority('api.test')).toBeUndefined();
    expect(parseAuthority('api.test:0')).toBeUndefined();
    expect(parseAuthority('api.test:70000')).toBeUndefined();
    expect(parseAuthority('a/b:443')).toBeUndefined();
  });
});
