/** Queries, mutations and subscriptions over a real WebSocket with the graphql-ws protocol. */
import type { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import {
  type Data,
  gqlData,
  startStudio,
  subscribed,
  take,
  waitFor,
  wsClient,
} from './api-harness';

const CHANGES =
  'subscription($name: String) { cassetteUpdated(name: $name) { type name previousName source at cassette { name interactionCount } } }';

describe('GraphQL over WebSocket', () => {
  it('runs queries and mutations', async () => {
    const studio = await startStudio();
    const client = wsClient(studio.url);
    const run = (query: string) =>
      new Promise<Data>((resolve, reject) => {
        let result: Data = {};
        client.subscribe(
          { query },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
        );
      });
    expect(await run('mutation { createCassette(input: { name: "ws" }) { name } }')).toEqual({
      data: { createCassette: { name: 'ws' } },
    });
    expect(await run('{ cassettes { totalCount } }')).toEqual({
      data: { cassettes: { totalCount: 1 } },
    });
    const missing = await run('{ cassette(name: "nope") { name } }');
    expect(missing.errors[0].extensions).toEqual({ code: 'CASSETTE_NOT_FOUND', name: 'nope' });
  });

  it('reports cassette changes made through the API and files written on disk', async () => {
    const studio = await startStudio({ watch: true });
    const client = wsClient(studio.url);
    const before = studio.library.listenerCount('change');
    const all = take(client, CHANGES, {}, 4);
    const onlyB = take(client, CHANGES, { name: 'b' }, 1);
    await subscribed(studio, before, 2);
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "a" }) { name } }');
    await gqlData(studio.url, 'mutation { renameCassette(name: "a", newName: "b") { name } }');
    await gqlData(studio.url, 'mutation { deleteCassette(name: "b") }');
    const onDisk = syntheticCassette('from-disk', { interactions: 2 });
    await writeFile(
      path.join(studio.cassetteDir, 'from-disk.json'),
      encodeForStorage(onDisk, 'json'),
    );
    const changes = (await all.results).map((result) => result.cassetteUpdated);
    expect(changes.map((change) => [change.type, change.name, change.source])).toEqual([
      ['Created', 'a', 'App'],
      ['Renamed', 'b', 'App'],
      ['Deleted', 'b', 'App'],
      ['Created', 'from-disk', 'Disk'],
    ]);
    expect(changes[1]).toMatchObject({
      previousName: 'a',
      cassette: { name: 'b', interactionCount: 0 },
    });
    expect(changes[2].cassette).toBeNull();
    expect(changes[3].cassette).toEqual({ name: 'from-disk', interactionCount: 2 });
    const renamed = (await onlyB.results)[0]?.cassetteUpdated;
    expect(renamed).toMatchObject({ type: 'Renamed', name: 'b', previousName: 'a' });
  });

  it('sends global stats at once, then coalesces a burst of changes into one update', async () => {
    const studio = await startStudio();
    const client = wsClient(studio.url);
    const before = studio.library.listenerCount('change');
    const stream = take(
      client,
      'subscription { globalStatsUpdated(intervalMs: 300) { totalCassettes totalInteractions } }',
      {},
      2,
    );
    await subscribed(studio, before);
    for (const name of ['s1', 's2', 's3']) {
      await gqlData(studio.url, `mutation { createCassette(input: { name: "${name}" }) { name } }`);
    }
    const updates = (await stream.results).map((result) => result.globalStatsUpdated);
    expect(updates[0]).toEqual({ totalCassettes: 0, totalInteractions: 0 });
    expect(updates[1]).toEqual({ totalCassettes: 3, totalInteractions: 0 });
    const refused = take(
      client,
      'subscription { globalStatsUpdated(intervalMs: 5) { totalCassettes } }',
      {},
      1,
    );
    await expect(refused.results).rejects.toThrow(/intervalMs must be/);
  });

  it('answers keep-alive pings and lets a client reconnect after the connection drops', async () => {
    const studio = await startStudio({ keepAliveMs: 100 });
    const socket = new WebSocket(
      `${studio.url.replace('http', 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const pinged = new Promise<void>((resolve) => socket.once('ping', () => resolve()));
    await new Promise((resolve) => socket.once('open', resolve));
    await pinged;
    socket.close();

    let connections = 0;
    const client = createClient({
      url: `${studio.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 3,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 20)),
      on: { connected: (raw) => ((connections += 1), (lastSocket = raw as WebSocket)) },
    });
    let lastSocket: WebSocket | undefined;
    try {
      const before = studio.library.listenerCount('change');
      const first = take(client, CHANGES, {}, 2);
      await subscribed(studio, before);
      await gqlData(studio.url, 'mutation { createCassette(input: { name: "before" }) { name } }');
      const listeners = (): unknown[] =>
        (studio.library as unknown as EventEmitter).listeners('change');
      const firstListener = listeners().at(-1);
      lastSocket?.terminate();
      await waitFor(
        () =>
          connections >= 2 &&
          !listeners().includes(firstListener) &&
          listeners().length === before + 1,
      );
      await gqlData(studio.url, 'mutation { createCassette(input: { name: "after" }) { name } }');
      const names = (await first.results).map((result) => result.cassetteUpdated.name);
      expect(names).toEqual(['before', 'after']);
      expect(connections).toBe(2);
    } finally {
      await client.dispose();
    }
  });
});
