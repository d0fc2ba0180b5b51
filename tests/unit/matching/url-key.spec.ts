import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_OPTIONS } from '../../../proxy/matching/matching-options';
import { normaliseUrl, urlKey, type UrlKeyOptions } from '../../../proxy/matching/url-key';

const key = (url: string, options: Partial<UrlKeyOptions> = {}) =>
  urlKey(normaliseUrl(url, { ...DEFAULT_MATCHING_OPTIONS, ...options }));

describe('URL keys', () => {
  it('lower-cases scheme and host, drops default ports and the fragment', () => {
    expect(
      normaliseUrl('HTTPS://API.Example.COM:443/Items?b=2&a=1#frag', DEFAULT_MATCHING_OPTIONS),
    ).toEqual({
      scheme: 'https',
      host: 'api.example.com',
      path: '/Items',
      query: [
        ['a', '1'],
        ['b', '2'],
      ],
    });
    expect(key('http://h.example.com:80/')).toBe(key('http://h.example.com/'));
    expect(key('wss://h.example.com:443/s')).toBe('wss://h.example.com/s?');
    expect(key('http://h.example.com:8080/')).toBe('http://h.example.com:8080/?');
  });

  it('sorts query parameters by name then value, keeping duplicates and decoding', () => {
    expect(key('https://h/p?b=2&a=z&a=y&c')).toBe('https://h/p?a=y&a=z&b=2&c=');
    expect(key('https://h/p?q=a%20b')).toBe(key('https://h/p?q=a+b'));
    expect(key('https://h/p?a=1&a=1')).not.toBe(key('https://h/p?a=1'));
  });

  it('removes ignored parameters, or all of them', () => {
    expect(key('https://h/p?page=2&_t=5', { ignoreQueryParams: ['_t'] })).toBe(
      'https://h/p?page=2',
    );
    expect(key('https://h/p?page=2&_t=5', { ignoreAllQuery: true })).toBe('https://h/p?');
  });

  it('applies host rewrites by host, or by host and port', () => {
    const hostRewrites = [
      { from: 'staging.example.com', to: 'api.example.com' },
      { from: 'localhost:8443', to: 'api.example.com' },
      { from: '127.0.0.1', to: 'localhost:3000' },
    ];
    expect(key('https://staging.example.com/x', { hostRewrites })).toBe(
      'https://api.example.com/x?',
    );
    expect(key('https://staging.example.com:9000/x', { hostRewrites })).toBe(
      'https://api.example.com:9000/x?',
    );
    expect(key('https://localhost:8443/x', { hostRewrites })).toBe('https://api.example.com/x?');
    expect(key('https://localhost:9443/x', { hostRewrites })).toBe('https://localhost:9443/x?');
    expect(key('http://127.0.0.1:5000/x', { hostRewrites })).toBe('http://localhost:3000/x?');
  });

  it('keeps URLs it cannot parse verbatim', () => {
    expect(key('/relative/path?x=1')).toBe('raw:/relative/path?x=1');
  });
});
