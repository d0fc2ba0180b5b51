import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import {
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

const EVENTS = [
  'data: {"n":1}\n\n',
  'event: tick\ndata: {"n":2}\n\n',
  'data: {"n":3,"token":"s3cr3t"}\n\n',
];
const GAP_MS = 150;

let dataDir: string;
let upstream: Upstream;

beforeAll(async () => {
  dataDir = await makeTempDir('sse');
  upstream = await startHttpUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    EVENTS.forEach((event, i) => {
      setTimeout(() => {
        res.write(event);
        if (i === EVENTS.length - 1) res.end();
      }, i * GAP_MS);
    });
  });
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

/** Reads the stream, noting when each piece arrived (ms after the response head). */
async function readTimed(
  proxyUrl: string,
): Promise<{ text: string; arrivals: Array<[number, string]> }> {
  const dispatcher = new ProxyAgent(proxyUrl);
  const response = await fetch(`${upstream.origin}/events`, { dispatcher });
  const start = performance.now();
  const arrivals: Array<[number, string]> = [];
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) {
    arrivals.push([performance.now() - start, decoder.decode(chunk as Uint8Array)]);
  }
  await dispatcher.close();
  return { text: arrivals.map(([, t]) => t).join(''), arrivals };
}

describe('server-sent events', () => {
  it('records each event with its time and replays the stream with the same pacing', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, cassette: 'sse' });
    const live = await readTimed(recorder.proxyUrl);
    await recorder.engine.stop();
    expect(live.text).toBe(EVENTS.join(''));

    const response = (store.get('sse')?.interactions[0] as HttpInteraction).response;
    const offsets = response.eventOffsetsMs ?? [];
    expect(offsets).toHaveLength(3);
    expect(offsets[0]).toBeLessThan(GAP_MS / 2);
    expect(offsets[1]).toBeGreaterThanOrEqual(GAP_MS - 20);
    expect(offsets[2]).toBeGreaterThanOrEqual(2 * GAP_MS - 20);
    // The token inside the JSON data is redacted; the event boundaries stay.
    expect(response.body).toMatchObject({ kind: 'text' });
    expect(JSON.stringify(response.body)).not.toContain('s3cr3t');

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'sse' });
    const replayed = await readTimed(replayer.proxyUrl);
    await replayer.engine.stop();
    expect(replayed.text).toBe(EVENTS.join('').replace('s3cr3t', '[REDACTED]'));
    const pieces = replayed.arrivals.map(([, text]) => text);
    expect(pieces[0]).toBe(EVENTS[0]);
    const lastArrival = replayed.arrivals.at(-1)?.[0] ?? 0;
    expect(lastArrival).toBeGreaterThanOrEqual(2 * GAP_MS - 40);
    const secondArrival = replayed.arrivals.find(([, text]) => text.includes('"n":2'))?.[0] ?? 0;
    expect(secondArrival).toBeGreaterThanOrEqual(GAP_MS - 40);
    expect(secondArrival).toBeLessThan(2 * GAP_MS - 20);
  });
});
