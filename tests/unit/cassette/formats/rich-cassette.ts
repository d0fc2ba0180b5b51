/** A cassette that uses every feature of the model, for the native format's round-trip tests. */
import zlib from 'node:zlib';
import type {
  Cassette,
  HttpErrorInteraction,
  HttpRequest,
} from '../../../../proxy/cassette/cassette.model';
import { HTTP_ERROR_TYPES } from '../../../../proxy/cassette/cassette.model';
import { bodyFromWire } from '../../../../proxy/cassette/content-coding';

/** A 1x1 PNG, so the bytes are not UTF-8. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mPQqr/yHwAE0QJ94jqzegAAAABJRU5ErkJggg==';

export const PRETTY_JSON = JSON.stringify(
  { id: 42, name: 'Ada Lovelace', roles: ['admin', 'editor'], active: true },
  null,
  2,
);
export const COMPACT_JSON = '{"id":7,"score":0.93,"tags":["x"],"nested":{"ok":null}}';
/** Parses as JSON but would not be written back the same, so it must stay text. */
export const INEXACT_JSON = '{"a":1.0}';

const REPORT = JSON.stringify({ report: 'summary', rows: Array.from({ length: 40 }, (_, i) => i) });
/** gzip at level 1 differs from what re-encoding gives, so the wire bytes must be kept. */
const GZIP_WIRE = zlib.gzipSync(Buffer.from(REPORT), { level: 1 });

const get = (url: string): HttpRequest => ({
  method: 'GET',
  url,
  headers: { accept: 'application/json', host: 'api.example.com' },
  body: null,
});

function errorInteraction(index: number): HttpErrorInteraction {
  const errorType = HTTP_ERROR_TYPES[index] ?? 'Other';
  return {
    type: 'HttpError',
    id: `err-${errorType}`,
    recordedAt: `2025-06-02T14:20:0${index}.000000001Z`,
    request: get(`https://errors.example.com/${errorType}`),
    error: {
      errorType,
      message: `failed with ${errorType}`,
      ...(errorType === 'Timeout' ? { timeoutMs: 5000 } : {}),
      ...(errorType === 'TooManyRedirects' ? { redirectCount: 10 } : {}),
    },
  };
}

export function richCassette(): Cassette {
  const gzipHeaders = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
  return {
    version: '2.0',
    name: 'rich',
    recordedAt: '2025-06-02T14:00:00.123456789Z',
    cookies: [
      {
        name: 'session_id',
        value: '9f86d081884c7d65',
        domain: 'app.example.com',
        path: '/',
        expires: '2035-06-02T14:40:01Z',
        maxAge: null,
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        createdAt: '2025-06-02T14:40:01.080113467Z',
      },
      {
        name: 'csrf',
        value: 'c5f2',
        domain: '.example.com',
        path: '/api',
        expires: null,
        maxAge: 3600,
        secure: false,
        httpOnly: false,
        sameSite: null,
        createdAt: '2025-06-02T14:40:01Z',
      },
    ],
    interactions: [
      {
        type: 'Http',
        id: 'text',
        recordedAt: '2025-06-02T14:00:01Z',
        responseTimeMs: 87,
        request: get('https://api.example.com/hello'),
        response: {
          status: 404,
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            'set-cookie': ['a=1; Path=/', 'b=2; Path=/; HttpOnly'],
          },
          body: { kind: 'text', text: 'Not Found: ça va ? 👋\n' },
        },
      },
      {
        type: 'Http',
        id: 'json',
        recordedAt: '2025-06-02T14:00:02Z',
        request: {
          method: 'POST',
          url: 'https://api.example.com/users',
          headers: { 'content-type': 'application/json' },
          body: { kind: 'text', text: COMPACT_JSON },
        },
        response: {
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: { kind: 'text', text: PRETTY_JSON },
        },
      },
      {
        type: 'Http',
        id: 'inexact',
        recordedAt: '2025-06-02T14:00:03Z',
        request: get('https://api.example.com/inexact'),
        response: {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: { kind: 'text', text: INEXACT_JSON },
        },
      },
      {
        type: 'Http',
        id: 'binary',
        recordedAt: '2025-06-02T14:00:04Z',
        request: {
          method: 'PUT',
          url: 'https://cdn.example.com/pixel.png',
          headers: { 'content-type': 'image/png' },
          body: { kind: 'binary', base64: PNG_BASE64 },
        },
        response: { status: 204, headers: {}, body: null },
      },
      {
        type: 'Http',
        id: 'gzip',
        recordedAt: '2025-06-02T14:00:05Z',
        responseTimeMs: 0,
        request: get('https://api.example.com/report'),
        response: { status: 200, headers: gzipHeaders, body: bodyFromWire(GZIP_WIRE, gzipHeaders) },
      },
      {
        type: 'Http',
        id: 'truncated',
        recordedAt: '2025-06-02T14:00:06Z',
        request: get('https://api.example.com/big'),
        response: {
          status: 200,
          headers: { 'content-type': 'text/plain' },
          body: { kind: 'text', text: 'first bytes', truncated: true, originalSize: 1048576 },
        },
      },
      {
        type: 'Http',
        id: 'sse',
        recordedAt: '2025-06-02T14:00:07Z',
        request: get('https://api.example.com/events'),
        response: {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          body: { kind: 'text', text: 'data: one\n\ndata: two\n\n' },
          eventOffsetsMs: [0, 250.5],
        },
      },
      {
        type: 'WebSocket',
        id: 'ws',
        recordedAt: '2025-06-02T14:30:00Z',
        url: 'wss://chat.example.com/socket',
        requestHeaders: { 'sec-websocket-protocol': 'chat', 'x-trace': ['1', '2'] },
        responseHeaders: { upgrade: 'websocket' },
        messages: [
          { direction: 'Sent', timestampMs: 0, msgType: 'Text', data: '{"type":"join"}' },
          { direction: 'Received', timestampMs: 12, msgType: 'Binary', data: 'AAECf4D+/w==' },
          { direction: 'Sent', timestampMs: 30000, msgType: 'Ping', data: 'a2VlcGFsaXZl' },
          { direction: 'Received', timestampMs: 30004, msgType: 'Pong', data: '' },
        ],
        closeFrame: { code: 1000, reason: 'bye' },
      },
      {
        type: 'WebSocket',
        id: 'ws-open',
        recordedAt: '2025-06-02T14:31:00Z',
        url: 'wss://stream.example.com/ticker',
        messages: [],
        closeFrame: null,
      },
      ...HTTP_ERROR_TYPES.map((_, index) => errorInteraction(index)),
    ],
    metadata: {
      createdAt: '2025-06-02T14:00:00Z',
      modifiedAt: '2025-06-03T09:15:00Z',
      tags: ['users', 'smoke'],
      description: 'Every feature of the model.',
      settings: { mode: 'replay', matching: { ignoreHeaders: ['date'] }, redaction: {} },
    },
  };
}
