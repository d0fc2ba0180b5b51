/** The same graphql-ws server over a MessageChannel, as the desktop renderer will use it. */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import { messagePortWebSocket } from '../../../src-main/server/message-port-websocket';
import { type Data, type Studio, gqlData, startStudio, subscribed, take } from './api-harness';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function ipcClient(
  studio: Studio,
  connectionParams?: Record<string, unknown>,
): { client: Client; dispose: () => void } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  studio.server.servePort(port1);
  const PortSocket = messagePortWebSocket(port2);
  const client = createClient({
    url: 'ipc://studio',
    webSocketImpl: PortSocket,
    connectionParams,
    retryAttempts: 0,
  });
  return { client, dispose: () => void client.dispose() };
}

function run(client: Client, query: string): Promise<Data> {
  return new Promise((resolve, reject) => {
    let result: Data = {};
    client.subscribe(
      { query },
      { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('GraphQL over a message port', () => {
  it('runs queries, mutations and subscriptions with the real schema', async () => {
    const studio = await startStudio();
    const { client, dispose } = ipcClient(studio);
    try {
      expect(
        await run(client, 'mutation { createCassette(input: { name: "ipc" }) { name } }'),
      ).toEqual({
        data: { createCassette: { name: 'ipc' } },
      });
      expect(await run(client, '{ cassette(name: "ipc") { name interactionCount } }')).toEqual({
        data: { cassette: { name: 'ipc', interactionCount: 0 } },
      });
      const missing = await run(client, '{ cassette(name: "ghost") { name } }');
      expect(missing.errors[0].extensions).toEqual({ code: 'CASSETTE_NOT_FOUND', name: 'ghost' });
      const invalid = await run(client, '{ nosuchfield }').catch((errors: unknown) => errors);
      expect(JSON.stringify(invalid)).toContain('GRAPHQL_VALIDATION_FAILED');

      const before = studio.library.listenerCount('change');
      const changes = take(client, 'subscription { cassetteUpdated { type name } }', {}, 1);
      await subscribed(studio, before);
      await gqlData(studio.url, 'mutation { deleteCassette(name: "ipc") }');
      expect((await changes.results)[0]).toEqual({
        cassetteUpdated: { type: 'Deleted', name: 'ipc' },
      });
    } finally {
      dispose();
    }
  });

  it('carries several connections and reconnects over the same port', async () => {
    const studio = await startStudio();
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const transport = studio.server.servePort(port1);
    const PortSocket = messagePortWebSocket(port2);
    const first = createClient({ url: 'ipc://a', webSocketImpl: PortSocket, retryAttempts: 0 });
    const second = createClient({ url: 'ipc://b', webSocketImpl: PortSocket, retryAttempts: 0 });
    expect(await run(first, '{ globalStats { totalCassettes } }')).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
    expect(await run(second, '{ globalStats { totalCassettes } }')).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
    await first.dispose();
    const again = createClient({ url: 'ipc://a', webSocketImpl: PortSocket, retryAttempts: 0 });
    expect(await run(again, '{ proxyStatus { available running } }')).toEqual({
      data: { proxyStatus: { available: false, running: false } },
    });
    await again.dispose();
    await second.dispose();
    await transport.close();
    PortSocket.dispose();
  });

  it('requires the token in connectionParams when the server has one', async () => {
    const token = 'ipc-token-0123456789abcdef';
    const studio = await startStudio({ token });
    const refused = ipcClient(studio);
    const error = await run(refused.client, '{ globalStats { totalCassettes } }').catch(
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 4403 });
    refused.dispose();
    const allowed = ipcClient(studio, { token });
    expect(await run(allowed.client, '{ globalStats { totalCassettes } }')).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
    allowed.dispose();
  });
});
