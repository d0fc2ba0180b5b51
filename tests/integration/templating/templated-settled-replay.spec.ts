/**
 * Templated responses on the replay fast path (`replaySettledTemplate`): once a request's match is
 * settled, identical requests skip matching, and their templates must still be rendered for each
 * request, with the live request, the session's sequences and the same events and errors as the
 * full path gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import type { ExchangeEvent } from '../../../proxy/engine/engine.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { proxyRequest, type ProxyResponse } from '../engine/helpers/proxy-request';
import { makeTempDir, removeTempDir, startEngine } from '../engine/helpers/servers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Enough identical requests for the later ones to be answered from the settled match. */
const REPEATS = 6;

function interaction(id: string, path: string, text: string): HttpInteraction {
  return {
    type: 'Http',
    id,
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url: `http://api.test${path}`, headers: {}, body: null },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': '{{uuid}}' },
      body: { kind: 'text', text },
    },
  };
}

const WHOAMI =
  '{"n":{{sequence "calls"}},"id":"{{uuid}}","path":"{{request.path}}","team":"{{request.query.team}}",' +
  '"segment":"{{pathSegment 0}}","url":"{{request.url}}","user":"{{request.headers.x-user}}"}';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('templated-settled');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

async function replayEngine() {
  const cassette = syntheticCassette('templated', { interactions: 0 });
  cassette.interactions = [
    interaction('whoami', '/whoami?team=blue', WHOAMI),
    interaction('broken', '/broken', '{"sum":{{add "x" 1}}}'),
  ];
  const store = new MemoryCassetteStore([cassette]);
  return startEngine(dataDir, { store, mode: 'replay', cassette: 'templated' });
}

/** An event without what differs from one request to the next: id, time, latency. */
function comparable(event: ExchangeEvent | undefined): Partial<ExchangeEvent> {
  const copy: Partial<ExchangeEvent> = { ...event };
  delete copy.id;
  delete copy.time;
  delete copy.latencyMs;
  return copy;
}

describe('templated responses of settled replays', () => {
  it('are rendered afresh for each request, with its headers, the sequence running on', async () => {
    const harness = await replayEngine();
    const answers: ProxyResponse[] = [];
    try {
      for (let i = 1; i <= REPEATS; i++) {
        const headers = { 'x-user': `user-${i}`, authorization: 'Bearer s3cret' };
        const url = 'http://api.test/whoami?team=blue';
        answers.push(await proxyRequest(harness.port, { url, headers }));
      }
    } finally {
      await harness.engine.stop();
    }
    const ids = new Set<string>();
    answers.forEach((answer, index) => {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-length']).toBe(String(answer.bytes.length));
      const json = JSON.parse(answer.text) as Record<string, unknown>;
      expect(json).toMatchObject({
        n: index + 1,
        path: '/whoami',
        team: 'blue',
        segment: 'whoami',
        url: 'http://api.test/whoami?team=blue',
        user: `user-${index + 1}`,
      });
      expect(json['id']).toMatch(UUID_V4);
      expect(answer.headers['x-request-id']).toMatch(UUID_V4);
      ids.add(String(json['id'])).add(String(answer.headers['x-request-id']));
    });
    expect(ids.size).toBe(2 * REPEATS);

    const { events } = harness;
    expect(events).toHaveLength(REPEATS);
    events.forEach((event, index) => {
      const answer = answers[index];
      expect(event).toMatchObject({
        outcome: 'replayed',
        interactionId: 'whoami',
        request: {
          method: 'GET',
          url: 'http://api.test/whoami?team=blue',
          headers: { host: 'api.test', 'x-user': `user-${index + 1}` },
          bodySize: 0,
        },
        response: { status: 200, bodySize: answer?.bytes.length },
      });
      expect(event.request.headers['authorization']).toBe('Bearer [REDACTED]');
      expect(event.response?.headers['x-request-id']).toBe(answer?.headers['x-request-id']);
    });
    expect(harness.engine.status().counts.replayed).toBe(REPEATS);
  });

  it('answer a failing template with the same 500 and error event every time', async () => {
    const harness = await replayEngine();
    const answers: ProxyResponse[] = [];
    try {
      for (let i = 0; i < REPEATS; i++) {
        answers.push(await proxyRequest(harness.port, { url: 'http://api.test/broken' }));
      }
    } finally {
      await harness.engine.stop();
    }
    for (const answer of answers) {
      expect(answer.status).toBe(500);
      expect(answer.headers['x-magneto-template-error']).toBe('helper-failed');
      expect(answer.text).toBe(answers[0]?.text);
      expect(answer.text).toContain('interaction broken could not be rendered');
    }
    const [first, ...others] = harness.events;
    expect(first).toMatchObject({ outcome: 'error', interactionId: 'broken' });
    expect(first?.error).toMatch(
      /^response template of interaction broken failed \(helper-failed\)/,
    );
    for (const event of others) expect(comparable(event)).toEqual(comparable(first));
    expect(harness.engine.status().counts.error).toBe(REPEATS);
  });
});
