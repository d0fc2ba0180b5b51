import { describe, expect, it } from 'vitest';
import { fastPathHeaders } from '../../../proxy/engine/fast-path-headers';

describe('fastPathHeaders', () => {
  it('finds nothing in a plain GET', () => {
    expect(fastPathHeaders(['Host', 'api.test', 'Accept', '*/*', 'User-Agent', 'curl/8'])).toEqual({
      via: false,
      body: false,
      acceptEncoding: undefined,
    });
  });

  it('reads names whatever their case, and joins repeated Accept-Encoding as Node does', () => {
    const found = fastPathHeaders([
      'ACCEPT-ENCODING',
      'gzip',
      'VIA',
      '1.1 corporate',
      'accept-encoding',
      'br;q=0.5',
    ]);
    expect(found).toEqual({ via: true, body: false, acceptEncoding: 'gzip, br;q=0.5' });
  });

  it('sees a body in a non-zero Content-Length or any Transfer-Encoding, not in a zero length', () => {
    expect(fastPathHeaders(['Content-Length', '0']).body).toBe(false);
    expect(fastPathHeaders(['Content-Length', '7']).body).toBe(true);
    expect(fastPathHeaders(['Transfer-Encoding', 'chunked']).body).toBe(true);
  });

  it('is not fooled by other headers of the same lengths', () => {
    // 3, 14, 15 and 17 characters, none of them the headers looked for.
    const found = fastPathHeaders([
      'dnt',
      '1',
      'content-lenght',
      '5',
      'content-langage',
      'fr',
      'x-transfer-encode',
      'chunked',
    ]);
    expect(found).toEqual({ via: false, body: false, acceptEncoding: undefined });
  });
});
