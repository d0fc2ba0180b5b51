import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../../proxy/cassette/cassette.model';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { parseContainer, serializeContainer } from '../../../../proxy/cassette/formats/container';
import { nativeFormat } from '../../../../proxy/cassette/formats/native';
import { nativeBytes, nativeDocumentOf } from './codec-spec-helpers';
import type { NativeDocument } from './codec-spec-helpers';
import { COMPACT_JSON, INEXACT_JSON, PNG_BASE64, PRETTY_JSON, richCassette } from './rich-cassette';

function read(bytes: Uint8Array): Cassette {
  const { document, container } = parseContainer(bytes, 'rich');
  expect(nativeFormat.matches(document, container)).toBe(true);
  return nativeFormat.decode(document, { fileName: 'rich' });
}

function responseOf(cassette: Cassette, id: string): HttpInteraction['response'] {
  const interaction = cassette.interactions.find((candidate) => candidate.id === id);
  if (interaction?.type !== 'Http') throw new Error(`no Http interaction ${id}`);
  return interaction.response;
}

describe('native format round trip', () => {
  it.each([
    ['JSON', 'json', false],
    ['MessagePack', 'msgpack', false],
    ['gzipped JSON', 'json', true],
    ['gzipped MessagePack', 'msgpack', true],
  ] as const)('model → native %s → model is deep-equal', (_, container, gzip) => {
    const cassette = richCassette();
    const bytes = nativeBytes(cassette, container, gzip);
    expect(parseContainer(bytes)).toMatchObject({ container, compressed: gzip });
    expect(read(bytes)).toStrictEqual(cassette);
  });

  it('reads the readable JSON forms from MessagePack too', () => {
    const cassette = richCassette();
    const bytes = serializeContainer(nativeFormat.encode?.(cassette, 'json'), 'msgpack');
    expect(read(bytes)).toStrictEqual(cassette);
  });

  it('lower-cases header names written by hand, keeping every value', () => {
    const document = nativeDocumentOf(richCassette());
    document.interactions[0]!.response.headers = {
      'Content-Type': 'text/plain',
      'Set-Cookie': ['a=1'],
      'set-cookie': 'b=2',
    };
    const cassette = nativeFormat.decode(document, {});
    expect(responseOf(cassette, 'text').headers).toEqual({
      'content-type': 'text/plain',
      'set-cookie': ['a=1', 'b=2'],
    });
  });

  it('keeps the gzip wire bytes, so replay stays byte-exact', () => {
    const original = responseOf(richCassette(), 'gzip').body;
    expect(original?.wireBase64).toBeDefined();
    const body = responseOf(read(nativeBytes(richCassette(), 'json')), 'gzip').body;
    expect(body && bodyToWire(body).toString('base64')).toBe(original?.wireBase64);
  });

  it('keeps JSON values that are not plain JSON text exact through MessagePack', () => {
    const texts = [
      '{"big":12345678901234,"neg":-3,"float":0.1,"exp":1e+21,"unicode":"é👋"}',
      '{"2":"numeric keys come first","1":"a"}',
      '{"__proto__":{"polluted":true}}',
      '["\\ud800 lone surrogate"]',
      '[]',
    ];
    const cassette = richCassette();
    cassette.interactions = texts.map((text, index) => ({
      type: 'Http',
      id: `t${index}`,
      recordedAt: '2025-06-02T00:00:00Z',
      request: {
        method: 'POST',
        url: 'https://x.example/',
        headers: {},
        body: { kind: 'text', text },
      },
      response: { status: 200, headers: {}, body: { kind: 'text', text } },
    }));
    for (const container of ['json', 'msgpack'] as const) {
      expect(read(nativeBytes(cassette, container))).toStrictEqual(cassette);
    }
  });
});

describe('native JSON document', () => {
  const document = nativeDocumentOf(richCassette());
  const byId = (id: string): Record<string, unknown> & { response: Record<string, unknown> } => {
    const found = document.interactions.find((interaction) => interaction.id === id);
    if (found === undefined) throw new Error(`no interaction ${id}`);
    return found;
  };

  it('keeps Magneto-Serge names and adds version 2.0, ids and metadata', () => {
    expect(Object.keys(document)).toEqual([
      'version',
      'name',
      'recorded_at',
      'metadata',
      'cookies',
      'interactions',
    ]);
    expect(document.version).toBe('2.0');
    expect(document.metadata).toEqual({
      created_at: '2025-06-02T14:00:00Z',
      modified_at: '2025-06-03T09:15:00Z',
      tags: ['users', 'smoke'],
      description: 'Every feature of the model.',
      settings: { mode: 'replay', matching: { ignoreHeaders: ['date'] }, redaction: {} },
    });
    expect(Object.keys(byId('text'))).toEqual([
      'id',
      'type',
      'request',
      'response',
      'recorded_at',
      'response_time_ms',
    ]);
    expect((document.cookies as unknown[])[0]).toMatchObject({ max_age: null, http_only: true });
  });

  it('writes JSON bodies as JSON values, compact or indented', () => {
    const json = byId('json');
    expect((json.request as { body: unknown }).body).toEqual({ json: JSON.parse(COMPACT_JSON) });
    expect(json.response.body).toEqual({ json: JSON.parse(PRETTY_JSON), indent: 2 });
  });

  it('keeps as text a JSON body that would not be written back the same', () => {
    expect(byId('inexact').response.body).toBe(INEXACT_JSON);
  });

  it('writes text, binary and null bodies, and body extras next to body', () => {
    expect(byId('text').response.body).toBe('Not Found: ça va ? 👋\n');
    expect((byId('binary').request as { body: unknown }).body).toEqual({ base64: PNG_BASE64 });
    expect(byId('binary').response.body).toBeNull();
    expect(byId('gzip').response).toMatchObject({
      body: { json: expect.any(Object) },
      body_encoding: 'gzip',
      body_wire_base64: expect.any(String),
    });
    expect(byId('truncated').response).toMatchObject({
      body: 'first bytes',
      body_truncated: true,
      body_original_size: 1048576,
    });
  });

  it('writes the arrival times of server-sent events', () => {
    expect(byId('sse').response.event_offsets_ms).toEqual([0, 250.5]);
    expect(byId('text').response).not.toHaveProperty('event_offsets_ms');
  });

  it('keeps repeated headers as arrays', () => {
    expect(byId('text').response.headers).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'set-cookie': ['a=1; Path=/', 'b=2; Path=/; HttpOnly'],
    });
  });

  it('writes WebSocket handshake headers, text data as strings and other data as base64', () => {
    const ws = byId('ws');
    expect(ws.request_headers).toEqual({ 'sec-websocket-protocol': 'chat', 'x-trace': ['1', '2'] });
    expect(ws.messages).toEqual([
      { direction: 'Sent', timestamp_ms: 0, msg_type: 'Text', data: '{"type":"join"}' },
      {
        direction: 'Received',
        timestamp_ms: 12,
        msg_type: 'Binary',
        data: { base64: 'AAECf4D+/w==' },
      },
      {
        direction: 'Sent',
        timestamp_ms: 30000,
        msg_type: 'Ping',
        data: { base64: 'a2VlcGFsaXZl' },
      },
      { direction: 'Received', timestamp_ms: 30004, msg_type: 'Pong', data: { base64: '' } },
    ]);
    expect(ws.close_frame).toEqual({ code: 1000, reason: 'bye' });
    expect(byId('ws-open')).not.toHaveProperty('request_headers');
    expect(byId('ws-open').close_frame).toBeNull();
  });

  it('writes each HTTP error type', () => {
    expect(byId('err-Timeout').error).toEqual({
      error_type: 'Timeout',
      message: 'failed with Timeout',
      timeout_ms: 5000,
    });
    expect(byId('err-TooManyRedirects').error).toMatchObject({ redirect_count: 10 });
    expect(byId('err-TlsError').error).toEqual({
      error_type: 'TlsError',
      message: 'failed with TlsError',
    });
  });

  it('is pretty-printed so a JSON body reads as indented JSON', () => {
    const text = Buffer.from(nativeBytes(richCassette(), 'json')).toString('utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines).toContain('  "version": "2.0",');
    const nameLine = lines.find((line) => line.includes('"name": "Ada Lovelace"'));
    expect(nameLine).toMatch(/^ {12,}"name": "Ada Lovelace",$/);
    expect(text).not.toContain('\\"name\\"');
  });

  it('keeps every text as a string in MessagePack', () => {
    const document = nativeFormat.encode?.(richCassette(), 'msgpack') as NativeDocument;
    const json = document.interactions.find((interaction) => interaction.id === 'json');
    expect(json?.response.body).toBe(PRETTY_JSON);
  });
});
