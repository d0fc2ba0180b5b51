import { describe, expect, it } from 'vitest';
import { parseMatchingOptions } from '../../../proxy/matching/matching-options';
import type { IncomingRequestSummary, NearMiss } from '../../../proxy/matching/matching.model';
import { formatNearMissReport } from '../../../proxy/matching/near-miss';
import { RequestMatcher } from '../../../proxy/matching/request-matcher';
import { http, request, webSocket } from './interactions';

function nearMisses(matcher: RequestMatcher, incoming: IncomingRequestSummary): NearMiss[] {
  const result = matcher.match(incoming);
  if (result.kind !== 'miss') throw new Error(`expected a miss, got #${result.index}`);
  return result.nearMisses;
}

describe('near misses', () => {
  it('reports a different method', () => {
    const matcher = new RequestMatcher([http('GET', 'https://api.example.com/items')]);
    const [closest] = nearMisses(matcher, request('POST', 'https://api.example.com/items'));
    expect(closest).toMatchObject({ index: 0, exhausted: false });
    expect(closest?.differences).toEqual([{ field: 'method', expected: 'GET', actual: 'POST' }]);
  });

  it('reports scheme, host and path', () => {
    const matcher = new RequestMatcher([http('GET', 'https://api.example.com/items/1')]);
    const [closest] = nearMisses(matcher, request('GET', 'http://cdn.example.com/items/2'));
    expect(closest?.differences).toEqual([
      { field: 'scheme', expected: 'https', actual: 'http' },
      { field: 'host', expected: 'api.example.com', actual: 'cdn.example.com' },
      { field: 'path', expected: '/items/1', actual: '/items/2' },
    ]);
  });

  it('reports changed, missing and unexpected query parameters', () => {
    const matcher = new RequestMatcher([
      http('GET', 'https://api.example.com/items?page=2&sort=asc&tag=a&tag=b'),
    ]);
    const [closest] = nearMisses(
      matcher,
      request('GET', 'https://api.example.com/items?tag=b&page=3&debug=1&tag=a'),
    );
    expect(closest?.differences).toEqual([
      { field: 'query', name: 'page', expected: '2', actual: '3' },
      { field: 'query', name: 'sort', expected: 'asc', note: 'missing' },
      { field: 'query', name: 'debug', actual: '1', note: 'unexpected' },
    ]);
  });

  it('reports required headers that differ', () => {
    const matcher = new RequestMatcher(
      [
        http('GET', 'https://api.example.com/me', {
          headers: { 'x-tenant': 'acme', 'x-other': '1' },
        }),
      ],
      parseMatchingOptions({ headers: ['x-tenant', 'accept'] }),
    );
    const [closest] = nearMisses(
      matcher,
      request('GET', 'https://api.example.com/me', {
        headers: { 'x-tenant': 'globex', accept: 'text/html', 'x-other': '2' },
      }),
    );
    expect(closest?.differences).toEqual([
      { field: 'header', name: 'x-tenant', expected: 'acme', actual: 'globex' },
      { field: 'header', name: 'accept', actual: 'text/html', note: 'unexpected' },
    ]);
  });

  it('reports JSON body fields by path', () => {
    const matcher = new RequestMatcher(
      [
        http('POST', 'https://api.example.com/cart', {
          body: '{"user":{"id":7},"items":[{"sku":"A","qty":2}],"coupon":"X"}',
        }),
      ],
      parseMatchingOptions({ body: 'json' }),
    );
    const [closest] = nearMisses(
      matcher,
      request('POST', 'https://api.example.com/cart', {
        body: '{"items":[{"sku":"A","qty":3}],"user":{"id":7,"name":"Ann"},"weird key":true}',
      }),
    );
    expect(closest?.differences).toEqual([
      { field: 'body', name: '$.user.name', actual: '"Ann"', note: 'unexpected' },
      { field: 'body', name: '$.items[0].qty', expected: '2', actual: '3' },
      { field: 'body', name: '$.coupon', expected: '"X"', note: 'missing' },
      { field: 'body', name: '$["weird key"]', actual: 'true', note: 'unexpected' },
    ]);
  });

  it('reports only missing or different recorded fields with json-partial', () => {
    const matcher = new RequestMatcher(
      [http('POST', 'https://api.example.com/cart', { body: '{"a":1,"b":[1,2]}' })],
      parseMatchingOptions({ body: 'json-partial' }),
    );
    const [closest] = nearMisses(
      matcher,
      request('POST', 'https://api.example.com/cart', { body: '{"a":2,"b":[1],"c":3}' }),
    );
    expect(closest?.differences).toEqual([
      { field: 'body', name: '$.a', expected: '1', actual: '2' },
      { field: 'body', name: '$.b[1]', expected: '2', note: 'missing' },
    ]);
  });

  it('reports a whole body that differs in exact mode', () => {
    const matcher = new RequestMatcher(
      [http('PUT', 'https://api.example.com/file', { body: 'hello' })],
      parseMatchingOptions({ body: 'exact' }),
    );
    const [closest] = nearMisses(
      matcher,
      request('PUT', 'https://api.example.com/file', { body: 'hello!' }),
    );
    expect(closest?.differences).toEqual([
      {
        field: 'body',
        expected: 'hello',
        actual: 'hello!',
        note: 'recorded 5 bytes, received 6 bytes',
      },
    ]);
  });

  it('ranks one query difference above a different path, and keeps the top 3', () => {
    const matcher = new RequestMatcher([
      http('GET', 'https://api.example.com/orders?page=2'),
      http('GET', 'https://api.example.com/invoices?page=3'),
      http('GET', 'https://api.example.com/orders?page=2&sort=asc&x=1&y=2&z=3&w=4&v=5'),
      http('POST', 'https://api.example.com/orders?page=3'),
      http('GET', 'https://other.example.com/orders?page=3'),
    ]);
    const found = nearMisses(matcher, request('GET', 'https://api.example.com/orders?page=3'));
    expect(found.map((nearMiss) => nearMiss.index)).toEqual([0, 3, 2]);
    expect(found[0]?.distance).toBeLessThan(found[1]?.distance ?? 0);
    const pathOnly = nearMisses(
      new RequestMatcher([
        http('GET', 'https://api.example.com/invoices?page=3'),
        http('GET', 'https://api.example.com/orders?page=2'),
      ]),
      request('GET', 'https://api.example.com/orders?page=3'),
    );
    expect(pathOnly.map((nearMiss) => nearMiss.index)).toEqual([1, 0]);
  });

  it('lists WebSocket near misses for matchWebSocket', () => {
    const matcher = new RequestMatcher([
      http('GET', 'https://chat.example.com/socket?room=1'),
      webSocket('wss://chat.example.com/socket?room=1'),
    ]);
    const result = matcher.matchWebSocket('wss://chat.example.com/socket?room=2', {});
    expect(result.kind === 'miss' && result.nearMisses).toEqual([
      expect.objectContaining({
        index: 1,
        differences: [{ field: 'query', name: 'room', expected: '1', actual: '2' }],
      }),
    ]);
  });
});

describe('formatNearMissReport', () => {
  it('explains each near miss in plain text', () => {
    const matcher = new RequestMatcher(
      [
        http('GET', 'https://api.example.com/items?page=2&sort=asc', {
          headers: { 'x-tenant': 'acme' },
        }),
        http('POST', 'https://api.example.com/items', { body: '{"items":[{"qty":2}]}' }),
      ],
      parseMatchingOptions({ headers: ['x-tenant'], body: 'json' }),
    );
    const incoming = request('GET', 'https://api.example.com/items?page=3&debug=1', {
      headers: { 'x-tenant': 'globex' },
    });
    const report = formatNearMissReport(nearMisses(matcher, incoming), incoming);
    expect(report).toBe(
      [
        'No recorded interaction matches GET https://api.example.com/items?page=3&debug=1',
        'Closest, best first:',
        '  #0 GET https://api.example.com/items?page=2&sort=asc (distance 13)',
        '    - query parameter "page": expected "2", got "3"',
        '    - query parameter "sort": expected "asc", missing from the request',
        '    - query parameter "debug": "1" is not in the recording',
        '    - header "x-tenant": expected "acme", got "globex"',
        '  #1 POST https://api.example.com/items (distance 25)',
        '    - method: expected POST, got GET',
        '    - query parameter "debug": "1" is not in the recording',
        '    - query parameter "page": "3" is not in the recording',
        '    - header "x-tenant": "globex" is not in the recording',
        '    - body differs (recorded 21 bytes, received 0 bytes): expected "{\\"items\\":[{\\"qty\\":2}]}", no body received',
      ].join('\n'),
    );
  });

  it('explains body fields and exhausted sequences', () => {
    const post = request('POST', 'https://api.example.com/cart', { body: '{"items":[{"qty":3}]}' });
    const jsonMatcher = new RequestMatcher(
      [http('POST', 'https://api.example.com/cart', { body: '{"items":[{"qty":2}]}' })],
      parseMatchingOptions({ body: 'json' }),
    );
    expect(formatNearMissReport(nearMisses(jsonMatcher, post), post)).toContain(
      '    - body field $.items[0].qty: expected 2, got 3',
    );

    const once = new RequestMatcher(
      [http('GET', 'https://api.example.com/token')],
      parseMatchingOptions({ onExhausted: 'miss' }),
    );
    const get = request('GET', 'https://api.example.com/token');
    once.match(get);
    expect(formatNearMissReport(nearMisses(once, get), get)).toBe(
      [
        'No recorded interaction matches GET https://api.example.com/token',
        'Closest:',
        '  #0 GET https://api.example.com/token: matches, but every recorded copy was already replayed and onExhausted is "miss"',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to compare with', () => {
    const get = request('GET', 'https://api.example.com/');
    expect(formatNearMissReport(nearMisses(new RequestMatcher([]), get), get)).toBe(
      'No recorded interaction matches GET https://api.example.com/\n' +
        'The cassette has no recorded interaction to compare it with.',
    );
  });
});
