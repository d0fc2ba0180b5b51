/**
 * Settled replays of templated responses go out on a wire plan worked out once (template-wire.ts):
 * the head and body must be what the full path sends (the first request of an interaction takes
 * it), header order, dropped and recomputed headers included, and events must show the same.
 */
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  Body,
  Headers,
  HttpInteraction,
  HttpResponse,
} from '../../../proxy/cassette/cassette.model';
import { templateWirePlan } from '../../../proxy/engine/template-wire';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { makeTempDir, removeTempDir, startEngine, type EngineHarness } from './helpers/servers';

const ORIGIN = 'http://api.template-wire.test';

const text = (value: string): Body => ({ kind: 'text', text: value });

function response(status: number, headers: Headers, body: Body | null): HttpResponse {
  return { status, headers, body };
}

function interaction(id: string, path: string, answer: HttpResponse): HttpInteraction {
  return {
    type: 'Http',
    id,
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url: `${ORIGIN}${path}`, headers: {}, body: null },
    response: answer,
  };
}

/** Headers and a body with counters, so that the n-th answer is known in advance. */
const COUNTED = response(
  200,
  {
    'content-type': 'application/json',
    'x-count': 'h{{sequence "h"}}',
    'keep-alive': 'timeout=5',
    'set-cookie': ['a={{sequence "c"}}; Path=/', 'b=2'],
    'content-length': '3',
    'x-plain': 'same',
  },
  { ...text('{"n":{{sequence "n"}},"é":"{{request.path}}"}'), truncated: true, originalSize: 9 },
);

const INTERACTIONS = [
  interaction('counted', '/counted', COUNTED),
  // A templated header that the wire drops: no plan, the full rendering every time.
  interaction(
    'dropped',
    '/dropped',
    response(200, { connection: 'x-gone', 'x-gone': '{{uuid}}' }, text('{{sequence "d"}}')),
  ),
  interaction('no-content', '/no-content', response(204, {}, text('{{sequence "z"}}'))),
  interaction('failing', '/failing', response(200, {}, text('{{randomInt "x" 2}}'))),
  // Only the body is templated: the event's headers are redacted once, the length set per answer.
  interaction(
    'static-headers',
    '/static-headers',
    response(
      200,
      { 'set-cookie': 'sid=secret', 'x-plain': 'same' },
      text('{{#if true}}{{/if}}{{sequence "s"}}{{#each (range 1 (sequence "w"))}}x{{/each}}'),
    ),
  ),
  // The same body size on every answer: the event's response is made once for it.
  interaction(
    'fixed-size',
    '/fixed-size',
    response(200, { 'set-cookie': 'k=v' }, text('{{uuid}}')),
  ),
];

interface Answer {
  status: number;
  rawHeaders: string[];
  text: string;
}

function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `${ORIGIN}${path}`,
        headers: { host: new URL(ORIGIN).host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            // `date` changes with the clock, not with the path taken.
            rawHeaders: res.rawHeaders.filter((_, i, all) => all[i - (i % 2)] !== 'Date'),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

let dataDir: string;
let harness: EngineHarness | undefined;

beforeAll(async () => {
  dataDir = await makeTempDir('template-wire');
});

afterEach(async () => {
  await harness?.engine.stop();
  harness = undefined;
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

async function replayEngine(): Promise<EngineHarness> {
  const cassette = {
    ...syntheticCassette('wire', { interactions: 0 }),
    interactions: INTERACTIONS,
  };
  const started = await startEngine(dataDir, {
    store: new MemoryCassetteStore([cassette]),
    mode: 'replay',
    cassette: 'wire',
  });
  harness = started;
  return started;
}

function expectedCounted(n: number): Answer {
  const body = `{"n":${n},"é":"/counted"}`;
  return {
    status: 200,
    rawHeaders: [
      'content-type',
      'application/json',
      'x-count',
      `h${n}`,
      'set-cookie',
      `a=${n}; Path=/`,
      'set-cookie',
      'b=2',
      'x-plain',
      'same',
      'content-length',
      String(Buffer.byteLength(body)),
      'Connection',
      'keep-alive',
      // The engine's own connection headers, not the recorded ones.
      'Keep-Alive',
      'timeout=30',
    ],
    text: body,
  };
}

describe('templated replays on a wire plan', () => {
  it('plans only responses whose templated text and headers all reach the wire', () => {
    const [counted, dropped, noContent, failing] = INTERACTIONS.map((known) =>
      templateWirePlan(known.response as HttpResponse),
    );
    expect(counted).toMatchObject({
      status: 200,
      headerList: [
        ...['content-type', 'application/json', 'x-count', 'h{{sequence "h"}}'],
        ...['set-cookie', 'a={{sequence "c"}}; Path=/', 'set-cookie', 'b=2', 'x-plain', 'same'],
      ],
      templated: [3, 5],
    });
    expect(counted?.headers['content-length']).toBeUndefined();
    expect(dropped).toBeNull();
    expect(noContent).toBeNull();
    expect(failing).not.toBeNull();
    expect(templateWirePlan(response(200, { 'x-id': '{{uuid}}' }, text('plain')))).toBeNull();
  });

  it('sends what the full path sends, request after request, and reports the same', async () => {
    const { port, events } = await replayEngine();
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await get(port, '/counted'));
    answers.forEach((answer, i) =>
      expect(answer, `answer ${i + 1}`).toEqual(expectedCounted(i + 1)),
    );
    expect(events).toHaveLength(4);
    const [first, ...later] = events;
    for (const [i, event] of later.entries()) {
      expect(event.outcome).toBe('replayed');
      const headers = { ...first?.response?.headers };
      const n = String(i + 2);
      Object.assign(headers, {
        'x-count': `h${n}`,
        'set-cookie': [`a=[REDACTED]; Path=/`, 'b=[REDACTED]'],
        'content-length': String(Buffer.byteLength(expectedCounted(i + 2).text)),
      });
      expect(event.response).toEqual({ ...first?.response, headers });
    }
  });

  it('reports the redacted headers of a plan without templated headers, length per answer', async () => {
    const { port, events } = await replayEngine();
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await get(port, '/static-headers')).text);
    expect(texts).toEqual(['1x', '2xx', '3xxx']);
    expect(events.map((event) => event.response?.headers)).toEqual(
      texts.map((body) => ({
        'set-cookie': 'sid=[REDACTED]',
        'x-plain': 'same',
        'content-length': String(body.length),
      })),
    );
  });

  it('reports answers of one size alike, their bodies rendered afresh', async () => {
    const { port, events } = await replayEngine();
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await get(port, '/fixed-size')).text);
    expect(new Set(texts).size).toBe(3);
    for (const event of events) {
      expect(event.response).toEqual({
        status: 200,
        headers: { 'set-cookie': 'k=[REDACTED]', 'content-length': '36' },
        bodySize: 36,
      });
    }
    expect(events).toHaveLength(3);
  });

  it('renders unplanned responses in full, and answers a failing template 500 every time', async () => {
    const { port, events } = await replayEngine();
    for (let i = 1; i <= 3; i++) {
      const dropped = await get(port, '/dropped');
      expect(dropped.text).toBe(String(i));
      expect(dropped.rawHeaders).not.toContain('x-gone');
      expect((await get(port, '/no-content')).status).toBe(204);
      const failing = await get(port, '/failing');
      expect(failing.status).toBe(500);
      expect(failing.text).toContain('interaction failing could not be rendered');
    }
    const failures = events.filter((event) => event.interactionId === 'failing');
    expect(failures.map((event) => event.outcome)).toEqual(['error', 'error', 'error']);
    expect(failures[2]?.response?.headers['x-magneto-template-error']).toBe('helper-failed');
  });
});
