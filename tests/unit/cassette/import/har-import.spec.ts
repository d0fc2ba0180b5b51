import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type {
  Cassette,
  HttpErrorInteraction,
  HttpInteraction,
  Interaction,
  WebSocketInteraction,
} from '../../../../proxy/cassette/cassette.model';
import { bodyToBytes } from '../../../../proxy/cassette/body';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import { harFormat } from '../../../../proxy/cassette/formats/har';
import { magnetoFixture } from '../../../support/fixtures';
import { importFixture, readJsonFixture } from './import-fixtures';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mPQqr/yHwAE0QJ94jqzegAAAABJRU5ErkJggg==';

function decode(name: string, context = { fileName: importFixture(name) }): Cassette {
  const document = readJsonFixture(name);
  expect(harFormat.matches(document, 'json')).toBe(true);
  return harFormat.decode(document, context);
}

function at<T extends Interaction['type']>(
  cassette: Cassette,
  index: number,
  type: T,
): Extract<Interaction, { type: T }> {
  const interaction = cassette.interactions[index];
  expect(interaction?.type).toBe(type);
  return interaction as Extract<Interaction, { type: T }>;
}

type LooseEntry = {
  startedDateTime?: unknown;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
};

/** A copy of a HAR document with one entry changed. */
function withEntry(document: unknown, index: number, change: (entry: LooseEntry) => void): unknown {
  const copy = structuredClone(document) as { log: { entries: LooseEntry[] } };
  change(copy.log.entries[index]!);
  return copy;
}

describe('HAR import: a Chrome devtools export', () => {
  const cassette = decode('chrome-devtools.har');

  it('names the cassette after the file and describes where it came from', () => {
    expect(cassette.name).toBe('chrome-devtools');
    expect(cassette.version).toBe('1.2');
    expect(cassette.metadata.description).toBe('Imported from HAR written by WebInspector 537.36');
    expect(cassette.metadata.tags).toEqual(['imported:har']);
    expect(cassette.metadata.settings).toEqual({});
    expect(cassette.interactions.map((i) => i.id)).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5']);
  });

  it('dates the cassette at its earliest entry and keeps each startedDateTime', () => {
    expect(cassette.interactions.map((i) => i.recordedAt)[0]).toBe('2025-06-02T09:15:02.418Z');
    expect(cassette.recordedAt).toBe('2025-06-02T09:15:02.250Z');
    expect(cassette.metadata.createdAt).toBe('2025-06-02T09:15:02.250Z');
    expect(cassette.metadata.modifiedAt).toBe('2025-06-02T09:15:02.250Z');
  });

  it('keeps a gzip response decoded, records the coding, and drops HTTP/2 pseudo-headers', () => {
    const http = at(cassette, 0, 'Http');
    expect(http.request.method).toBe('GET');
    expect(http.request.url).toBe('https://shop.example.com/api/products?page=1&sort=price');
    expect(Object.keys(http.request.headers)).toEqual(['accept', 'accept-encoding', 'user-agent']);
    expect(http.responseTimeMs).toBe(84);
    const body = http.response.body;
    expect(body?.kind).toBe('text');
    expect(body?.contentEncoding).toBe('gzip');
    expect(body?.wireBase64).toBeUndefined();
    const products = bodyToBytes(body!).toString('utf8');
    const document = readJsonFixture('chrome-devtools.har') as {
      log: { entries: Array<{ response: { content: { text: string } } }> };
    };
    expect(products).toBe(document.log.entries[0]?.response.content.text);
    expect(products).toContain('Café filter');
    // Replay puts gzip on the wire again, and it decodes to the same text.
    expect(zlib.gunzipSync(bodyToWire(body!)).toString('utf8')).toBe(products);
  });

  it('reads postData as the request body and keeps repeated response headers', () => {
    const http = at(cassette, 1, 'Http');
    expect(http.request.method).toBe('POST');
    expect(http.request.body).toEqual({ kind: 'text', text: '{"productId":101,"quantity":2}' });
    expect(http.request.headers['content-type']).toBe('application/json');
    expect(http.response.status).toBe(201);
    expect(http.response.headers['set-cookie']).toEqual([
      'cart_id=7f3a; Path=/; Secure',
      'cart_items=1; Path=/',
    ]);
    expect(http.response.body).toEqual({
      kind: 'text',
      text: '{"cartId":"7f3a","items":1,"ok":true}',
    });
  });

  it('decodes base64 content into binary bodies', () => {
    const http = at(cassette, 2, 'Http');
    expect(http.response.body).toEqual({ kind: 'binary', base64: PNG_BASE64 });
    expect(bodyToBytes(http.response.body!).length).toBe(70);
  });

  it("maps Chrome's WebSocket entry to a session with message times from its start", () => {
    const ws: WebSocketInteraction = at(cassette, 3, 'WebSocket');
    expect(ws.url).toBe('wss://shop.example.com/live?channel=stock');
    expect(ws.requestHeaders?.['sec-websocket-key']).toBe('dGhlIHNhbXBsZSBub25jZQ==');
    expect(ws.responseHeaders?.['sec-websocket-accept']).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(ws.messages).toEqual([
      {
        direction: 'Sent',
        timestampMs: 13,
        msgType: 'Text',
        data: '{"op":"subscribe","sku":[101,102]}',
      },
      { direction: 'Received', timestampMs: 58, msgType: 'Text', data: '{"sku":101,"stock":12}' },
      { direction: 'Received', timestampMs: 1500, msgType: 'Binary', data: 'AAEC/w==' },
    ]);
    expect(ws.closeFrame).toBeNull();
  });

  it('turns failed requests (status 0) into HTTP errors typed from the error text', () => {
    const refused: HttpErrorInteraction = at(cassette, 4, 'HttpError');
    expect(refused.request.url).toBe('http://localhost:9999/health');
    expect(refused.error).toEqual({
      errorType: 'ConnectionRefused',
      message: 'net::ERR_CONNECTION_REFUSED',
    });
    const dns: HttpErrorInteraction = at(cassette, 5, 'HttpError');
    expect(dns.request.method).toBe('GET');
    expect(dns.error.errorType).toBe('DnsResolutionFailed');
    expect(dns.responseTimeMs).toBeUndefined();
  });
});

describe('HAR import: a Polly.js recording', () => {
  const cassette = decode('polly-recording.har', {
    fileName: '/recordings/orders_123/recording.har',
  });

  it("prefers Polly's recording name to the file name when it is a valid cassette name", () => {
    const document = readJsonFixture('polly-recording.har') as { log: Record<string, unknown> };
    document.log._recordingName = '  orders-api lists orders ';
    const named = harFormat.decode(document, { fileName: '/recordings/orders_123/recording.har' });
    expect(named.name).toBe('orders-api lists orders');
  });

  it('falls back to the file name when the recording name has "/" or other unsafe characters', () => {
    // The fixture's recording name is Polly's title path, "orders-api/lists orders".
    expect(cassette.name).toBe('recording');
    expect(cassette.metadata.description).toBe('Imported from HAR written by Polly.JS 6.0.6');
    expect(cassette.recordedAt).toBe('2025-03-14T10:20:31.300Z');
    const document = readJsonFixture('polly-recording.har') as { log: Record<string, unknown> };
    for (const title of ['Creator / Page: "title"', 'a\\b', 'CON', '..']) {
      document.log._recordingName = title;
      expect(harFormat.decode(document, { fileName: 'C:\\exports\\checkout.har' }).name).toBe(
        'checkout',
      );
    }
    expect(harFormat.decode(document, {}).name).toBe('har-import');
  });

  it("decodes Polly's encoded chunks (wire bytes) and keeps them byte-exact", () => {
    const http: HttpInteraction = at(cassette, 0, 'Http');
    const body = http.response.body!;
    expect(body.contentEncoding).toBe('gzip');
    const text = bodyToBytes(body).toString('utf8');
    expect(JSON.parse(text)).toHaveLength(16);
    const document = readJsonFixture('polly-recording.har') as {
      log: { entries: Array<{ response: { content: { text: string } } }> };
    };
    const chunks = JSON.parse(document.log.entries[0]!.response.content.text) as string[];
    const wire = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk, 'base64')));
    expect(bodyToWire(body).equals(wire)).toBe(true);
  });

  it('reads postData, binary content, and treats time 0 as not measured', () => {
    const post: HttpInteraction = at(cassette, 1, 'Http');
    expect(post.request.body).toEqual({ kind: 'text', text: '{"sku":"A-17","quantity":3}' });
    expect(post.responseTimeMs).toBeUndefined();
    const image: HttpInteraction = at(cassette, 2, 'Http');
    expect(image.response.body).toEqual({ kind: 'binary', base64: PNG_BASE64 });
    expect(image.responseTimeMs).toBe(12);
  });
});

describe('HAR import: names, errors and detection', () => {
  const chrome = readJsonFixture('chrome-devtools.har');

  it('takes the name from the context first, then the file, then a default', () => {
    expect(harFormat.decode(chrome, { name: 'checkout', fileName: 'x/y.har' }).name).toBe(
      'checkout',
    );
    expect(harFormat.decode(chrome, { fileName: 'C:\\exports\\shop.har.gz' }).name).toBe('shop');
    expect(harFormat.decode(chrome, {}).name).toBe('har-import');
  });

  it('names the file, the path and what was expected when an entry is invalid', () => {
    const bad = withEntry(chrome, 2, (entry) => {
      entry.response.status = 'OK';
    });
    let error: unknown;
    try {
      harFormat.decode(bad, { fileName: 'shop.har' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CassetteFormatError);
    const formatError = error as CassetteFormatError;
    expect(formatError.file).toBe('shop.har');
    expect(formatError.path).toBe('log.entries[2].response.status');
    expect(formatError.expected).toBe('number');
    expect(formatError.message).toContain('shop.har: log.entries[2].response.status');
  });

  it('builds a form body from postData params, and times relative WebSocket frames from the first', () => {
    const document = {
      log: {
        entries: [
          {
            request: {
              method: 'post',
              url: 'https://forms.example/submit',
              headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                params: [
                  { name: 'name', value: 'Ada Lovelace' },
                  { name: 'lang', value: 'fr' },
                ],
              },
            },
            response: { status: 303, headers: [{ name: 'Location', value: '/thanks' }] },
          },
          {
            request: { method: 'GET', url: 'https://example.com/socket', headers: [] },
            response: { status: 101 },
            _webSocketMessages: [
              { type: 'send', time: 1, opcode: 1, data: 'hi' },
              { type: 'receive', time: 2.25, opcode: 1, data: 'pong' },
            ],
          },
        ],
      },
    };
    const cassette = harFormat.decode(document, {});
    const form = at(cassette, 0, 'Http');
    expect(form.request.method).toBe('POST');
    expect(form.request.body).toEqual({ kind: 'text', text: 'name=Ada+Lovelace&lang=fr' });
    expect(form.response.body).toBeNull();
    const ws = at(cassette, 1, 'WebSocket');
    expect(ws.messages.map((message) => message.timestampMs)).toEqual([0, 1250]);
    expect(ws.requestHeaders).toBeUndefined();
  });

  it('rejects content said to be base64 that is not, rather than decoding it wrongly', () => {
    const image = withEntry(chrome, 2, (entry) => {
      (entry.response.content as { text: string }).text = 'iVBORw0K GgoAAAAN SUhEUg?';
    });
    expect(() => harFormat.decode(image, {})).toThrow(
      /log\.entries\[2\]\.response\.content\.text: expected base64 text/,
    );
    const polly = readJsonFixture('polly-recording.har');
    const chunks = withEntry(polly, 0, (entry) => {
      (entry.response.content as { text: string }).text = '["H4sI", "not base64!"]';
    });
    expect(() => harFormat.decode(chunks, {})).toThrow(
      /log\.entries\[0\]\.response\.content\.text/,
    );
  });

  it('rejects relative URLs and unreadable dates', () => {
    const relative = withEntry(chrome, 1, (entry) => {
      entry.request.url = '/api/cart';
    });
    expect(() => harFormat.decode(relative, {})).toThrow(
      /log\.entries\[1\]\.request\.url.*absolute URL/,
    );
    const badDate = withEntry(chrome, 0, (entry) => {
      entry.startedDateTime = 'yesterday';
    });
    expect(() => harFormat.decode(badDate, {})).toThrow(/log\.entries\[0\]\.startedDateTime/);
  });

  it('uses the type the studio wrote over the error text, and the time of day for missing dates', () => {
    const document = withEntry(chrome, 4, (entry) => {
      entry.startedDateTime = undefined;
      entry.response._error = 'operation timed out after 5000 ms';
      entry.response._errorType = 'Timeout';
      entry.response._timeoutMs = 5000;
    });
    const before = Date.now();
    const error = harFormat.decode(document, {}).interactions[4] as HttpErrorInteraction;
    expect(error.error).toEqual({
      errorType: 'Timeout',
      message: 'operation timed out after 5000 ms',
      timeoutMs: 5000,
    });
    expect(Date.parse(error.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('matches HAR documents only', () => {
    expect(harFormat.matches({ log: { entries: [] } }, 'json')).toBe(true);
    expect(harFormat.matches({ log: { version: '1.2' } }, 'json')).toBe(false);
    expect(harFormat.matches({ interactions: [] }, 'json')).toBe(false);
    expect(harFormat.matches([], 'json')).toBe(false);
    const magneto = JSON.parse(
      fs.readFileSync(magnetoFixture('http-basic.json'), 'utf8'),
    ) as unknown;
    expect(harFormat.matches(magneto, 'json')).toBe(false);
  });
});
