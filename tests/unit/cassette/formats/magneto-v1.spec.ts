import fs from 'node:fs';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../../../proxy/cassette/cassette.model';
import { HTTP_ERROR_TYPES } from '../../../../proxy/cassette/cassette.model';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { serializeContainer } from '../../../../proxy/cassette/formats/container';
import { magnetoV1Format } from '../../../../proxy/cassette/formats/magneto-v1';
import { magnetoFixture } from '../../../support/fixtures';
import { asHttp, asWebSocket, loadMagnetoFixture } from './codec-spec-helpers';

const V1_FIXTURES = [
  'http-basic.json',
  'http-basic.msgpack',
  'http-binary.json',
  'http-errors.json',
  'mixed-with-cookies.json',
  'websocket-chat.json',
  'websocket-chat.msgpack',
  'large-1000.json',
  'large-1000.msgpack',
];

function typesOf(cassette: Cassette): string[] {
  return cassette.interactions.map((interaction) => interaction.type);
}

describe('Magneto-Serge 1.0 fixtures', () => {
  it.each([
    ['http-basic.json', 'json', ['Http', 'Http', 'Http', 'Http', 'Http']],
    ['http-basic.msgpack', 'msgpack', ['Http', 'Http', 'Http', 'Http', 'Http']],
    ['http-binary.json', 'json', ['Http', 'Http']],
    ['http-errors.json', 'json', Array(7).fill('HttpError')],
    ['mixed-with-cookies.json', 'json', ['Http', 'Http', 'WebSocket', 'Http']],
    ['websocket-chat.json', 'json', ['WebSocket', 'WebSocket']],
    ['websocket-chat.msgpack', 'msgpack', ['WebSocket', 'WebSocket']],
  ])('loads %s (%s) with the right interactions', (name, container, types) => {
    const loaded = loadMagnetoFixture(name);
    expect(loaded.container).toBe(container);
    expect(typesOf(loaded.cassette)).toEqual(types);
    expect(loaded.cassette.version).toBe('1.0');
  });

  it.each(['large-1000.json', 'large-1000.msgpack'])('loads %s', (name) => {
    const { cassette } = loadMagnetoFixture(name);
    expect(cassette.interactions).toHaveLength(1000);
    const last = asHttp(cassette.interactions[999]);
    expect(last.request.url).toMatch(/\/api\/items\/\d+$/);
    expect(last.response.body?.kind).toBe('text');
    expect(() =>
      JSON.parse(last.response.body?.kind === 'text' ? last.response.body.text : ''),
    ).not.toThrow();
  });

  it.each(V1_FIXTURES)('exports %s back deep-equal to the original', (name) => {
    const { document, container, cassette } = loadMagnetoFixture(name);
    const bytes = serializeContainer(magnetoV1Format.encode?.(cassette, container), container);
    const reread =
      container === 'json'
        ? JSON.parse(Buffer.from(bytes).toString('utf8'))
        : new Packr({ useRecords: false }).unpack(bytes);
    expect(reread).toStrictEqual(document);
  });

  it('writes JSON that is the fixture byte for byte, plus a final newline', () => {
    const original = fs.readFileSync(magnetoFixture('http-binary.json'), 'utf8');
    const { cassette } = loadMagnetoFixture('http-binary.json');
    const bytes = serializeContainer(magnetoV1Format.encode?.(cassette, 'json'), 'json');
    expect(Buffer.from(bytes).toString('utf8')).toBe(`${original}\n`);
  });

  it('gives ids by position and metadata from recorded_at', () => {
    const { cassette } = loadMagnetoFixture('http-basic.json');
    expect(cassette.interactions.map((interaction) => interaction.id)).toEqual([
      'i0',
      'i1',
      'i2',
      'i3',
      'i4',
    ]);
    expect(cassette.metadata).toEqual({
      createdAt: cassette.recordedAt,
      modifiedAt: cassette.recordedAt,
      tags: [],
      description: '',
      settings: {},
    });
    expect(cassette.cookies).toBeUndefined();
  });

  it('reads bodies as text, null, and response times when present', () => {
    const { cassette } = loadMagnetoFixture('http-basic.json');
    const post = asHttp(cassette.interactions[1]);
    expect(post.request.body).toEqual({
      kind: 'text',
      text: '{"name":"Grace Hopper","email":"grace@example.com"}',
    });
    expect(post.responseTimeMs).toBe(142);
    expect(asHttp(cassette.interactions[2]).responseTimeMs).toBeUndefined();
    expect(asHttp(cassette.interactions[3]).response).toMatchObject({ status: 204, body: null });
  });

  it('stores a PNG as binary and a gzip body decoded, with its coding', () => {
    const { document, cassette } = loadMagnetoFixture('http-binary.json');
    const png = asHttp(cassette.interactions[0]).response.body;
    expect(png?.kind).toBe('binary');
    const gzip = asHttp(cassette.interactions[1]).response.body;
    expect(gzip).toMatchObject({ kind: 'text', contentEncoding: 'gzip' });
    expect(gzip?.kind === 'text' && JSON.parse(gzip.text)).toMatchObject({ report: 'summary' });
    const wire = (document as { interactions: Array<{ response: { body: number[] } }> })
      .interactions[1]?.response.body;
    expect(gzip && Array.from(bodyToWire(gzip))).toEqual(wire);
  });

  it('reads every HTTP error type', () => {
    const { cassette } = loadMagnetoFixture('http-errors.json');
    const errors = cassette.interactions.map((interaction) =>
      interaction.type === 'HttpError' ? interaction.error : undefined,
    );
    expect(errors.map((error) => error?.errorType).sort()).toEqual([...HTTP_ERROR_TYPES].sort());
    expect(errors.find((error) => error?.errorType === 'Timeout')?.timeoutMs).toBe(5000);
    expect(errors.find((error) => error?.errorType === 'TooManyRedirects')?.redirectCount).toBe(10);
  });

  it('reads WebSocket text as strings and other payloads as base64', () => {
    const { cassette } = loadMagnetoFixture('websocket-chat.json');
    const chat = asWebSocket(cassette.interactions[0]);
    expect(chat.closeFrame).toEqual({ code: 1000, reason: 'bye' });
    expect(chat.messages[3]?.data).toContain('ça va ? 👋');
    expect(chat.messages[4]).toEqual({
      direction: 'Sent',
      timestampMs: 2000,
      msgType: 'Binary',
      data: Buffer.from([0, 1, 2, 127, 128, 254, 255]).toString('base64'),
    });
    expect(chat.messages[6]).toMatchObject({ msgType: 'Ping', data: btoa('keepalive') });
    expect(asWebSocket(cassette.interactions[1]).closeFrame).toBeNull();
  });

  it('reads cookies', () => {
    const { cassette } = loadMagnetoFixture('mixed-with-cookies.json');
    expect(cassette.cookies).toHaveLength(2);
    expect(cassette.cookies?.[1]).toEqual({
      name: 'csrf_token',
      value: 'c5f2e0b1a9d84e7f',
      domain: '.example.com',
      path: '/api',
      expires: '2035-06-02T14:40:01Z',
      maxAge: 315360000,
      secure: true,
      httpOnly: false,
      sameSite: 'Strict',
      createdAt: '2025-06-02T14:40:01.080113467Z',
    });
  });
});

describe('Magneto-Serge export of studio cassettes', () => {
  it('joins repeated headers with ", " and fills required error fields', () => {
    const cassette: Cassette = {
      version: '2.0',
      name: 'joined',
      recordedAt: '2025-06-02T00:00:00Z',
      interactions: [
        {
          type: 'Http',
          id: 'x',
          recordedAt: '2025-06-02T00:00:01Z',
          request: { method: 'GET', url: 'https://a.example/', headers: {}, body: null },
          response: {
            status: 200,
            headers: { 'set-cookie': ['a=1', 'b=2'], vary: 'accept' },
            body: { kind: 'text', text: '' },
          },
        },
        {
          type: 'HttpError',
          id: 'y',
          recordedAt: '2025-06-02T00:00:02Z',
          request: { method: 'GET', url: 'https://b.example/', headers: {}, body: null },
          error: { errorType: 'Timeout', message: 'timed out' },
        },
      ],
      metadata: { createdAt: '', modifiedAt: '', tags: ['t'], description: 'd', settings: {} },
    };
    expect(magnetoV1Format.encode?.(cassette, 'json')).toEqual({
      version: '1.0',
      name: 'joined',
      recorded_at: '2025-06-02T00:00:00Z',
      interactions: [
        {
          type: 'Http',
          request: { method: 'GET', url: 'https://a.example/', headers: {}, body: null },
          response: {
            status: 200,
            headers: { 'set-cookie': 'a=1, b=2', vary: 'accept' },
            body: [],
          },
          recorded_at: '2025-06-02T00:00:01Z',
        },
        {
          type: 'HttpError',
          request: { method: 'GET', url: 'https://b.example/', headers: {}, body: null },
          error: { error_type: 'Timeout', message: 'timed out', timeout_ms: 0 },
          recorded_at: '2025-06-02T00:00:02Z',
        },
      ],
    });
  });
});
