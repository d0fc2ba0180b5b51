import { describe, expect, it } from 'vitest';
import { endToEndHeaders, endToEndRawPairs } from '../../../proxy/engine/hop-by-hop';

describe('hop-by-hop headers', () => {
  it('drops the standard ones, proxy credentials, and those the Connection header names', () => {
    const kept = endToEndHeaders({
      connection: 'keep-alive, X-Trace',
      'keep-alive': 'timeout=5',
      'proxy-connection': 'keep-alive',
      'proxy-authorization': 'Basic abc',
      te: 'trailers',
      trailer: 'x-checksum',
      'transfer-encoding': 'chunked',
      upgrade: 'h2c',
      'x-trace': '1',
      'content-type': 'text/plain',
      'set-cookie': ['a=1', 'b=2'],
    });
    expect(kept).toEqual({ 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
  });

  it('keeps raw pairs in order and spelling, repeated names included', () => {
    const pairs = endToEndRawPairs([
      'Host',
      'example.test',
      'Connection',
      'close, X-Hop',
      'X-Hop',
      'gone',
      'Accept',
      'text/html',
      'accept',
      'application/json',
      'Proxy-Authorization',
      'Basic x',
    ]);
    expect(pairs).toEqual([
      ['Host', 'example.test'],
      ['Accept', 'text/html'],
      ['accept', 'application/json'],
    ]);
  });
});
