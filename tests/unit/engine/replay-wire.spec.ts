import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../proxy/cassette/cassette.model';
import { acceptsCoding, WIRE_CACHE_ENTRIES, wireResponse } from '../../../proxy/engine/replay-wire';

const TEXT = '{"hello":"world"}';

function gzipResponse(): HttpResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': '37',
      connection: 'close',
    },
    body: { kind: 'text', text: TEXT, contentEncoding: 'gzip' },
  };
}

describe('replay wire form', () => {
  it.each([
    [undefined, 'gzip', false],
    ['gzip, deflate, br', 'gzip', true],
    ['deflate', 'gzip', false],
    ['gzip;q=0, *', 'gzip', false],
    ['*;q=0.5', 'br', true],
    ['*;q=0', 'br', false],
    ['x-gzip', 'gzip', true],
    ['identity', 'deflate', false],
  ] as const)('Accept-Encoding %j accepts %s: %s', (header, coding, expected) => {
    expect(acceptsCoding(header, coding)).toBe(expected);
  });

  it('encodes for clients that accept the coding and decodes for the others, kept for later', () => {
    const response = gzipResponse();
    // The first replay of a response is not kept (replayed once, it is not worth it), the second is.
    expect(wireResponse(response, 'gzip')).not.toBe(wireResponse(response, 'gzip'));
    const encoded = wireResponse(response, 'gzip');
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(encoded.body!).toString()).toBe(TEXT);
    expect(encoded.headers['content-length']).toBe(String(encoded.body!.length));
    expect(encoded.headers.connection).toBeUndefined();

    expect(wireResponse(response, undefined)).toBe(wireResponse(response, undefined));
    const identity = wireResponse(response, undefined);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body!.toString()).toBe(TEXT);
    expect(identity.headers['content-length']).toBe(String(TEXT.length));

    expect(wireResponse(response, 'gzip, br')).toBe(encoded);
    expect(wireResponse(response, '')).toBe(identity);
  });

  it('sends no body for 204 and 304, and length 0 for an empty 200', () => {
    const noContent = wireResponse(
      { status: 204, headers: { 'content-length': '0' }, body: null },
      undefined,
    );
    expect(noContent).toEqual({ status: 204, headers: {}, headerList: [], body: null });
    const empty = wireResponse({ status: 200, headers: {}, body: null }, undefined);
    expect(empty.headers['content-length']).toBe('0');
  });

  it('marks truncated bodies and splits timed event streams', () => {
    const truncated = wireResponse(
      {
        status: 200,
        headers: {},
        body: { kind: 'text', text: 'abc', truncated: true, originalSize: 9000 },
      },
      undefined,
    );
    expect(truncated.headers['x-magneto-truncated']).toBe('9000');
    const stream = wireResponse(
      {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'content-length': '24' },
        body: { kind: 'text', text: 'data: 1\n\ndata: 2\n\nrest' },
        eventOffsetsMs: [0, 50],
      },
      undefined,
    );
    expect(stream.headers['content-length']).toBeUndefined();
    expect(stream.events?.map((e) => [e.atMs, e.bytes.toString()])).toEqual([
      [0, 'data: 1\n\n'],
      [50, 'data: 2\n\n'],
      [50, 'rest'],
    ]);
  });

  it('puts headers in a flat list for writeHead, repeated ones included', () => {
    const wire = wireResponse(
      {
        status: 200,
        headers: { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] },
        body: { kind: 'text', text: 'hi' },
      },
      undefined,
    );
    expect(wire.headerList).toEqual([
      'content-type',
      'text/plain',
      'set-cookie',
      'a=1',
      'set-cookie',
      'b=2',
      'content-length',
      '2',
    ]);
  });

  it('keeps the wire forms of the responses replayed last only', () => {
    const response = (i: number): HttpResponse => ({
      status: 200,
      headers: {},
      body: { kind: 'text', text: `body ${i}` },
    });
    const replayTwice = (replayed: HttpResponse) => {
      wireResponse(replayed, undefined);
      return wireResponse(replayed, undefined);
    };
    const first = response(-1);
    const kept = replayTwice(first);
    expect(wireResponse(first, undefined)).toBe(kept);
    for (let i = 0; i < WIRE_CACHE_ENTRIES; i++) replayTwice(response(i));
    const again = wireResponse(first, undefined);
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });
});
