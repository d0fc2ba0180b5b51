import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseMatchingOptions } from '../../../proxy/matching/matching-options';
import type { MatchResult } from '../../../proxy/matching/matching.model';
import { RequestMatcher } from '../../../proxy/matching/request-matcher';
import type { HttpErrorInteraction } from '../../../proxy/cassette/cassette.model';
import { http, request, webSocket } from './interactions';

function hitIndex(result: MatchResult): number | 'miss' {
  return result.kind === 'hit' ? result.index : 'miss';
}

describe('RequestMatcher: method and URL', () => {
  const recorded = [
    http('GET', 'https://api.example.com/items?b=2&a=1&a=0'),
    http('POST', 'https://api.example.com/items'),
    http('GET', 'HTTPS://API.Example.com:443/users#top'),
  ];

  it('matches on method and URL by default, whatever the headers and body', () => {
    const matcher = new RequestMatcher(recorded);
    const result = matcher.match(
      request('POST', 'https://api.example.com/items', {
        headers: { 'x-tenant': 'a' },
        body: '{"any":"thing"}',
      }),
    );
    expect(result).toMatchObject({ kind: 'hit', index: 1, repeat: false });
    expect(result.kind === 'hit' && result.interaction).toBe(recorded[1]);
    expect(hitIndex(matcher.match(request('GET', 'https://api.example.com/items')))).toBe('miss');
    expect(hitIndex(matcher.match(request('DELETE', 'https://api.example.com/items')))).toBe(
      'miss',
    );
  });

  it('compares query parameters regardless of order, keeping duplicates', () => {
    const matcher = new RequestMatcher(recorded);
    const url = 'https://api.example.com/items?a=0&b=2&a=1';
    expect(hitIndex(matcher.match(request('GET', url)))).toBe(0);
    expect(hitIndex(matcher.match(request('GET', 'https://api.example.com/items?a=1&b=2')))).toBe(
      'miss',
    );
    expect(hitIndex(matcher.match(request('GET', `${url}&a=1`)))).toBe('miss');
  });

  it('ignores case of scheme and host, default ports and the fragment', () => {
    const matcher = new RequestMatcher(recorded);
    expect(hitIndex(matcher.match(request('get', 'https://api.example.com/users')))).toBe(2);
    expect(hitIndex(matcher.match(request('GET', 'https://api.example.com:8443/users')))).toBe(
      'miss',
    );
    expect(hitIndex(matcher.match(request('GET', 'http://api.example.com/users')))).toBe('miss');
  });

  it('leaves out ignored query parameters, or the whole query', () => {
    const someIgnored = new RequestMatcher(
      [http('GET', 'https://api.example.com/feed?page=2&_t=111')],
      parseMatchingOptions({ ignoreQueryParams: ['_t'] }),
    );
    expect(
      hitIndex(someIgnored.match(request('GET', 'https://api.example.com/feed?_t=999&page=2'))),
    ).toBe(0);
    expect(hitIndex(someIgnored.match(request('GET', 'https://api.example.com/feed?page=2')))).toBe(
      0,
    );
    expect(hitIndex(someIgnored.match(request('GET', 'https://api.example.com/feed?page=3')))).toBe(
      'miss',
    );

    const allIgnored = new RequestMatcher(
      [http('GET', 'https://api.example.com/feed?page=2&_t=111')],
      parseMatchingOptions({ ignoreAllQuery: true }),
    );
    expect(hitIndex(allIgnored.match(request('GET', 'https://api.example.com/feed?x=1')))).toBe(0);
    expect(hitIndex(allIgnored.match(request('GET', 'https://api.example.com/other')))).toBe(
      'miss',
    );
  });

  it('matches any method when method matching is off', () => {
    const matcher = new RequestMatcher(
      [http('GET', 'https://api.example.com/a')],
      parseMatchingOptions({ method: false }),
    );
    expect(hitIndex(matcher.match(request('PATCH', 'https://api.example.com/a')))).toBe(0);
  });

  it('matches HttpError interactions by their request', () => {
    const failure: HttpErrorInteraction = {
      type: 'HttpError',
      id: 'e1',
      recordedAt: '2025-06-02T12:00:00Z',
      request: { method: 'GET', url: 'https://down.example.com/', headers: {}, body: null },
      error: { errorType: 'ConnectionRefused', message: 'connection refused' },
    };
    const matcher = new RequestMatcher([failure]);
    const result = matcher.match(request('GET', 'https://down.example.com/'));
    expect(result.kind === 'hit' && result.interaction).toBe(failure);
  });

  it('rewrites hosts both ways, with or without ports', () => {
    const matcher = new RequestMatcher(
      [http('GET', 'https://api.example.com/v1/me'), http('GET', 'http://localhost:3000/health')],
      parseMatchingOptions({
        hostRewrites: [
          { from: 'STAGING.example.com', to: 'api.example.com' },
          { from: 'localhost:8080', to: 'localhost:3000' },
        ],
      }),
    );
    expect(hitIndex(matcher.match(request('GET', 'https://staging.example.com/v1/me')))).toBe(0);
    expect(hitIndex(matcher.match(request('GET', 'https://api.example.com/v1/me')))).toBe(0);
    expect(hitIndex(matcher.match(request('GET', 'http://localhost:8080/health')))).toBe(1);
    expect(hitIndex(matcher.match(request('GET', 'http://localhost:9090/health')))).toBe('miss');
    expect(hitIndex(matcher.match(request('GET', 'https://staging.example.com/v1/other')))).toBe(
      'miss',
    );
  });
});

describe('RequestMatcher: headers', () => {
  it('requires the listed headers to have the same values, case-insensitively by name', () => {
    const matcher = new RequestMatcher(
      [
        http('GET', 'https://api.example.com/orders', { headers: { 'x-tenant': 'acme' } }),
        http('GET', 'https://api.example.com/orders', { headers: { 'x-tenant': 'globex' } }),
        http('GET', 'https://api.example.com/orders'),
      ],
      parseMatchingOptions({ headers: ['X-Tenant'] }),
    );
    const get = (headers: Record<string, string>) =>
      hitIndex(matcher.match(request('GET', 'https://api.example.com/orders', { headers })));
    expect(get({ 'x-tenant': 'globex' })).toBe(1);
    expect(get({ 'x-tenant': ' acme ' })).toBe(0);
    expect(get({})).toBe(2);
    expect(get({ 'x-tenant': 'initech' })).toBe('miss');
  });
});

describe('RequestMatcher: bodies', () => {
  const url = 'https://api.example.com/search';

  it('exact: the same bytes', () => {
    const matcher = new RequestMatcher(
      [http('POST', url, { body: '{"q":"cats","n":1}' })],
      parseMatchingOptions({ body: 'exact' }),
    );
    expect(hitIndex(matcher.match(request('POST', url, { body: '{"q":"cats","n":1}' })))).toBe(0);
    expect(hitIndex(matcher.match(request('POST', url, { body: '{"n":1,"q":"cats"}' })))).toBe(
      'miss',
    );
    expect(hitIndex(matcher.match(request('POST', url)))).toBe('miss');
  });

  it('exact: decodes a gzip request body before comparing', () => {
    const matcher = new RequestMatcher(
      [http('POST', url, { body: 'plain text payload' })],
      parseMatchingOptions({ body: 'exact' }),
    );
    const result = matcher.match(
      request('POST', url, {
        headers: { 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.from('plain text payload')),
      }),
    );
    expect(hitIndex(result)).toBe(0);
  });

  it('exact: compares the bytes as they came when they fail to decode', () => {
    const matcher = new RequestMatcher(
      [http('POST', url, { body: 'not really gzip' })],
      parseMatchingOptions({ body: 'exact' }),
    );
    const result = matcher.match(
      request('POST', url, { headers: { 'content-encoding': 'gzip' }, body: 'not really gzip' }),
    );
    expect(hitIndex(result)).toBe(0);
  });

  it('exact: no body and an empty body are the same', () => {
    const matcher = new RequestMatcher(
      [http('POST', url)],
      parseMatchingOptions({ body: 'exact' }),
    );
    expect(hitIndex(matcher.match(request('POST', url, { body: '' })))).toBe(0);
  });

  it('json: the same value, whatever the key order and spacing', () => {
    const matcher = new RequestMatcher(
      [
        http('POST', url, { body: '{"q":"cats","filters":{"age":2,"tags":["a","b"]}}' }),
        http('POST', url, { body: 'not json' }),
      ],
      parseMatchingOptions({ body: 'json' }),
    );
    const post = (body: string) => hitIndex(matcher.match(request('POST', url, { body })));
    expect(post('{ "filters": { "tags": ["a", "b"], "age": 2 }, "q": "cats" }')).toBe(0);
    expect(post('{"q":"cats","filters":{"age":2,"tags":["b","a"]}}')).toBe('miss');
    expect(post('{"q":"cats","filters":{"age":2,"tags":["a","b"]},"extra":1}')).toBe('miss');
    expect(post('not json')).toBe(1);
  });

  it('json-partial: the recorded fields must be present with equal values', () => {
    const matcher = new RequestMatcher(
      [
        http('POST', url, { body: '{"q":"cats","items":[{"sku":"A"}]}', answer: 'cats' }),
        http('POST', url, { body: '{"q":"dogs"}', answer: 'dogs' }),
      ],
      parseMatchingOptions({ body: 'json-partial' }),
    );
    const post = (body: string) => hitIndex(matcher.match(request('POST', url, { body })));
    expect(post('{"q":"dogs","page":4}')).toBe(1);
    expect(post('{"page":1,"items":[{"sku":"A","qty":3},{"sku":"B"}],"q":"cats"}')).toBe(0);
    expect(post('{"q":"cats","items":[{"sku":"B"}]}')).toBe('miss');
    expect(post('{"q":"cats"}')).toBe('miss');
    expect(post('{"page":1}')).toBe('miss');
  });

  it('removes ignoreBodyPaths from both bodies before comparing', () => {
    const recorded = '{"timestamp":1,"items":[{"id":"x1","qty":2},{"id":"x2","qty":5}]}';
    const incoming = '{"timestamp":9,"items":[{"id":"y7","qty":2},{"id":"y8","qty":5}]}';
    for (const body of ['json', 'json-partial'] as const) {
      const matcher = new RequestMatcher(
        [http('POST', url, { body: recorded })],
        parseMatchingOptions({ body, ignoreBodyPaths: ['$.timestamp', '$.items[*].id'] }),
      );
      expect(hitIndex(matcher.match(request('POST', url, { body: incoming })))).toBe(0);
      const changed = incoming.replace('"qty":5', '"qty":6');
      expect(hitIndex(matcher.match(request('POST', url, { body: changed })))).toBe('miss');
    }
  });

  it('removes whole array items selected by ignoreBodyPaths', () => {
    const matcher = new RequestMatcher(
      [http('POST', url, { body: '{"list":[1,2,3,4]}' })],
      parseMatchingOptions({ body: 'json', ignoreBodyPaths: ['$.list[0]', '$.list[2]'] }),
    );
    expect(hitIndex(matcher.match(request('POST', url, { body: '{"list":[9,2,8,4]}' })))).toBe(0);
    expect(hitIndex(matcher.match(request('POST', url, { body: '{"list":[9,4,8,2]}' })))).toBe(
      'miss',
    );
  });
});

describe('RequestMatcher: sequences', () => {
  const url = 'https://api.example.com/poll';
  const recorded = () => [
    http('GET', url, { answer: 'first' }),
    http('GET', 'https://api.example.com/other'),
    http('GET', url, { answer: 'second' }),
    http('GET', url, { answer: 'third' }),
  ];

  function replay(matcher: RequestMatcher, times: number): Array<[number | 'miss', boolean]> {
    return Array.from({ length: times }, () => {
      const result = matcher.match(request('GET', url));
      return result.kind === 'hit' ? [result.index, result.repeat] : ['miss', false];
    });
  }

  it('replays identical requests in recorded order, then repeats the last', () => {
    const matcher = new RequestMatcher(recorded());
    expect(replay(matcher, 5)).toEqual([
      [0, false],
      [2, false],
      [3, false],
      [3, true],
      [3, true],
    ]);
  });

  it('misses once exhausted when onExhausted is "miss", saying why', () => {
    const matcher = new RequestMatcher(recorded(), parseMatchingOptions({ onExhausted: 'miss' }));
    expect(replay(matcher, 3).map(([index]) => index)).toEqual([0, 2, 3]);
    const result = matcher.match(request('GET', url));
    expect(result.kind).toBe('miss');
    if (result.kind !== 'miss') return;
    expect(result.nearMisses).toHaveLength(1);
    expect(result.nearMisses[0]).toMatchObject({ index: 3, exhausted: true, differences: [] });
  });

  it('rewinds with reset()', () => {
    const matcher = new RequestMatcher(recorded(), parseMatchingOptions({ onExhausted: 'miss' }));
    replay(matcher, 4);
    matcher.reset();
    expect(replay(matcher, 2).map(([index]) => index)).toEqual([0, 2]);
  });

  it('keeps sequences apart per body when bodies are compared', () => {
    const post = 'https://api.example.com/graphql';
    const matcher = new RequestMatcher(
      [
        http('POST', post, { body: '{"op":"a"}' }),
        http('POST', post, { body: '{"op":"b"}' }),
        http('POST', post, { body: '{"op":"a"}' }),
      ],
      parseMatchingOptions({ body: 'json-partial', onExhausted: 'miss' }),
    );
    const send = (body: string) => hitIndex(matcher.match(request('POST', post, { body })));
    expect([send('{"op":"a"}'), send('{"op":"b"}'), send('{"op":"a"}')]).toEqual([0, 1, 2]);
    expect(send('{"op":"b"}')).toBe('miss');
  });

  it('adds interactions at run time as already replayed', () => {
    const matcher = new RequestMatcher([], parseMatchingOptions({ onExhausted: 'miss' }));
    const fresh = 'https://api.example.com/new';
    expect(hitIndex(matcher.match(request('GET', fresh)))).toBe('miss');
    expect(matcher.add(http('GET', fresh, { answer: 'recorded now' }))).toBe(0);
    expect(matcher.size).toBe(1);
    expect(hitIndex(matcher.match(request('GET', fresh)))).toBe('miss');
    expect(matcher.add(http('GET', fresh, { answer: 'again' }))).toBe(1);
    matcher.reset();
    expect([0, 1, 2].map(() => hitIndex(matcher.match(request('GET', fresh))))).toEqual([
      0,
      1,
      'miss',
    ]);

    const repeating = new RequestMatcher([]);
    repeating.add(http('GET', fresh));
    expect(repeating.match(request('GET', fresh))).toMatchObject({ kind: 'hit', repeat: true });
  });
});

describe('RequestMatcher: WebSockets', () => {
  it('matches WebSocket interactions by URL only through matchWebSocket', () => {
    const chat = webSocket('wss://chat.example.com/socket?room=1&v=2');
    const plain = webSocket('ws://localhost:8080/live');
    const matcher = new RequestMatcher([
      http('GET', 'https://chat.example.com/socket'),
      chat,
      plain,
    ]);
    expect(
      hitIndex(matcher.matchWebSocket('wss://chat.example.com:443/socket?v=2&room=1', {})),
    ).toBe(1);
    expect(hitIndex(matcher.matchWebSocket('https://chat.example.com/socket?room=1&v=2', {}))).toBe(
      1,
    );
    expect(hitIndex(matcher.matchWebSocket('http://localhost:8080/live', {}))).toBe(2);
    expect(hitIndex(matcher.matchWebSocket('wss://chat.example.com/socket?room=2&v=2', {}))).toBe(
      'miss',
    );
    expect(hitIndex(matcher.match(request('GET', 'ws://localhost:8080/live')))).toBe('miss');
    expect(hitIndex(matcher.matchWebSocket('https://chat.example.com/socket', {}))).toBe('miss');
  });

  it('applies header requirements when the handshake headers were recorded', () => {
    const matcher = new RequestMatcher(
      [
        webSocket('wss://chat.example.com/socket', { 'sec-websocket-protocol': 'v1' }),
        webSocket('wss://chat.example.com/socket', { 'sec-websocket-protocol': 'v2' }),
        webSocket('wss://legacy.example.com/socket'),
      ],
      parseMatchingOptions({ headers: ['sec-websocket-protocol'] }),
    );
    const open = (url: string, protocol: string) =>
      hitIndex(matcher.matchWebSocket(url, { 'sec-websocket-protocol': protocol }));
    expect(open('wss://chat.example.com/socket', 'v2')).toBe(1);
    expect(open('wss://chat.example.com/socket', 'v1')).toBe(0);
    expect(open('wss://chat.example.com/socket', 'v3')).toBe('miss');
    expect(open('wss://legacy.example.com/socket', 'anything')).toBe(2);
  });
});
