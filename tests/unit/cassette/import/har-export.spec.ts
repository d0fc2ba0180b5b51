import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Cassette, HttpInteraction } from '../../../../proxy/cassette/cassette.model';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { harFormat } from '../../../../proxy/cassette/formats/har';
import { magnetoV1Format } from '../../../../proxy/cassette/formats/magneto-v1';
import { magnetoFixture } from '../../../support/fixtures';

const ROUND_TRIP_FIXTURES = [
  'http-basic.json',
  'http-binary.json',
  'http-errors.json',
  'websocket-chat.json',
  'mixed-with-cookies.json',
];

/** What HAR 1.2 requires of every entry (https://w3c.github.io/web-performance/specs/HAR/Overview.html). */
const nameValue = z.strictObject({ name: z.string(), value: z.string() });
const strictHar = z.object({
  log: z.object({
    version: z.literal('1.2'),
    creator: z.object({ name: z.literal('Magneto Studio'), version: z.string().min(1) }),
    entries: z.array(
      z.object({
        startedDateTime: z.iso.datetime({ offset: true }),
        time: z.number().nonnegative(),
        request: z.object({
          method: z.string(),
          url: z.url(),
          httpVersion: z.string(),
          cookies: z.array(z.unknown()),
          headers: z.array(nameValue),
          queryString: z.array(nameValue),
          postData: z.object({ mimeType: z.string(), text: z.string() }).optional(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        response: z.object({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(z.unknown()),
          headers: z.array(nameValue),
          content: z.object({
            size: z.number(),
            mimeType: z.string(),
            text: z.string().optional(),
            encoding: z.literal('base64').optional(),
          }),
          redirectURL: z.string(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        cache: z.object({}),
        timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
      }),
    ),
  }),
});

function magnetoCassette(name: string): Cassette {
  const document = JSON.parse(fs.readFileSync(magnetoFixture(name), 'utf8')) as unknown;
  return magnetoV1Format.decode(document, { fileName: name });
}

/** Export, write as JSON text, read back: what a HAR file on disk gives. */
function throughHarFile(cassette: Cassette): { document: unknown; back: Cassette } {
  const document = JSON.parse(JSON.stringify(harFormat.encode!(cassette, 'json'))) as unknown;
  expect(harFormat.matches(document, 'json')).toBe(true);
  return { document, back: harFormat.decode(document, { name: cassette.name }) };
}

describe('HAR export', () => {
  it('covers bodies whose wire bytes differ from a fresh encoding', () => {
    const report = magnetoCassette('http-binary.json').interactions[1] as HttpInteraction;
    expect(report.response.body?.contentEncoding).toBe('gzip');
    expect(report.response.body?.wireBase64).toBeDefined();
  });

  it.each(ROUND_TRIP_FIXTURES)('%s reads back as the same interactions', (fixture) => {
    const cassette = magnetoCassette(fixture);
    const { back } = throughHarFile(cassette);
    expect(back.interactions).toEqual(cassette.interactions);
    back.interactions.forEach((interaction, index) => {
      const original = cassette.interactions[index];
      if (interaction.type === 'WebSocket' || original?.type === 'WebSocket') return;
      const request = original!.request;
      expect(interaction.request.body && bodyToWire(interaction.request.body)).toEqual(
        request.body && bodyToWire(request.body),
      );
      if (interaction.type === 'Http' && original!.type === 'Http') {
        const { body } = original!.response;
        expect(interaction.response.body && bodyToWire(interaction.response.body)).toEqual(
          body && bodyToWire(body),
        );
      }
    });
  });

  it.each(ROUND_TRIP_FIXTURES)('%s is valid HAR 1.2', (fixture) => {
    const { document } = throughHarFile(magnetoCassette(fixture));
    const har = strictHar.parse(document);
    for (const entry of har.log.entries) {
      const { send, wait, receive } = entry.timings;
      expect(send + wait + receive).toBe(entry.time);
    }
  });

  it('writes decoded content with its encoding header, as browsers do', () => {
    const { document } = throughHarFile(magnetoCassette('http-binary.json'));
    const entries = (document as z.infer<typeof strictHar>).log.entries;
    const [image, report] = entries;
    expect(image?.response.content).toMatchObject({
      mimeType: 'image/png',
      size: 70,
      encoding: 'base64',
    });
    expect(report?.response.headers).toContainEqual({ name: 'content-encoding', value: 'gzip' });
    expect(report?.response.content.size).toBe(642);
    expect(JSON.parse(report?.response.content.text ?? '')).toBeTypeOf('object');
    expect(report?.request.queryString).toEqual([{ name: 'period', value: '2025-05' }]);
    expect(report?.startedDateTime).toBe('2025-06-02T14:10:01.368131033Z');
    expect(report?.time).toBe(64);
  });

  it("writes WebSocket sessions in Chrome's form and failures with status 0 and _error", () => {
    const ws = throughHarFile(magnetoCassette('websocket-chat.json')).document as {
      log: { entries: Array<Record<string, unknown>> };
    };
    const session = ws.log.entries[0]!;
    expect(session._resourceType).toBe('websocket');
    expect((session.response as { status: number }).status).toBe(101);
    const messages = session._webSocketMessages as Array<Record<string, unknown>>;
    expect(messages[0]).toEqual({
      type: 'send',
      time: Date.parse('2025-06-02T14:30:00.292Z') / 1000,
      opcode: 1,
      data: '{"type":"join","room":"general","user":"alice"}',
    });
    expect(messages.map((message) => message.opcode)).toEqual([1, 1, 1, 1, 2, 2, 9, 10, 1]);
    expect(session._webSocketClose).toEqual({ code: 1000, reason: 'bye' });

    const errors = throughHarFile(magnetoCassette('http-errors.json')).document as {
      log: { entries: Array<{ response: Record<string, unknown> }> };
    };
    expect(errors.log.entries[1]?.response).toMatchObject({
      status: 0,
      _error: 'tcp connect error: Connection refused (os error 111)',
      _errorType: 'ConnectionRefused',
    });
  });

  it('keeps truncated bodies, repeated headers and repeated query parameters', () => {
    const interaction: HttpInteraction = {
      type: 'Http',
      id: 'i0',
      recordedAt: '2025-06-02T12:00:00Z',
      request: {
        method: 'PUT',
        url: 'https://api.example.com/files/7?name=a%20b&name=c',
        headers: { 'content-type': 'text/csv' },
        body: { kind: 'text', text: 'a,b\n1,2\n' },
      },
      response: {
        status: 200,
        headers: { 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' },
        body: { kind: 'text', text: 'first bytes', truncated: true, originalSize: 1048576 },
      },
    };
    const cassette: Cassette = {
      version: '2.0',
      name: 'hand-built',
      recordedAt: interaction.recordedAt,
      interactions: [interaction],
      metadata: { createdAt: '', modifiedAt: '', tags: [], description: '', settings: {} },
    };
    const { document, back } = throughHarFile(cassette);
    expect(back.interactions).toEqual([interaction]);
    const entry = (document as z.infer<typeof strictHar>).log.entries[0];
    expect(entry?.response.content.size).toBe(1048576);
    expect(entry?.request.queryString).toEqual([
      { name: 'name', value: 'a b' },
      { name: 'name', value: 'c' },
    ]);
  });
});
