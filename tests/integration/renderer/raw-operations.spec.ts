/**
 * The renderer client's raw operations (what the in-app API playground sends): GraphQL's own
 * results, errors included, over HTTP and over the desktop's message port; subscriptions as a
 * stream over graphql-ws.
 */
import { MessageChannel, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import {
  createGraphQLClient,
  type ExecutionResultLike,
  type GraphQLClient,
} from '../../../src-renderer/src/api/graphql-client';
import { createWsClient } from '../../../src-renderer/src/api/ws-transport';
import { startStudio, waitFor, type Studio } from '../api/api-harness';

const TOKEN = 'a-test-token-of-32-characters-xx';
const opened: Array<{ client: GraphQLClient; ports: NodeMessagePort[] }> = [];

afterEach(async () => {
  for (const { client, ports } of opened.splice(0)) {
    await client.dispose();
    for (const port of ports) port.close();
  }
});

/** A client with graphql-ws over a message port, and HTTP for queries when given an endpoint. */
function client(studio: Studio, options: { http?: boolean; token?: string } = {}): GraphQLClient {
  const channel = new MessageChannel();
  studio.server.servePort(channel.port1);
  const ws: Promise<Client> = Promise.resolve(
    createWsClient({ kind: 'port', port: channel.port2 as unknown as MessagePort }, options.token),
  );
  const httpEndpoint = options.http === true ? `${studio.url}/graphql` : undefined;
  const created = createGraphQLClient({ ws, httpEndpoint, token: options.token });
  opened.push({ client: created, ports: [channel.port1, channel.port2] });
  return created;
}

describe('raw operations of the renderer client', () => {
  for (const http of [false, true]) {
    it(`answers with data and with GraphQL errors as they are (${http ? 'HTTP' : 'message port'})`, async () => {
      const studio = await startStudio();
      const api = client(studio, { http });
      const ok = await api.executeRequest({
        query: 'query A { proxyStatus { available } } query B { globalStats { totalCassettes } }',
        operationName: 'B',
      });
      expect(ok).toEqual({ data: { globalStats: { totalCassettes: 0 } } });
      const missing = await api.executeRequest({
        query: 'query($name: String!) { cassette(name: $name) { name } }',
        variables: { name: 'nope' },
      });
      expect(missing.data).toBeNull();
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'CASSETTE_NOT_FOUND' });
      const invalid = await api.executeRequest({ query: '{ noSuchField }' });
      expect(invalid.errors?.[0]?.message).toMatch(/noSuchField/);
    });
  }

  it('turns an HTTP refusal into a GraphQL error instead of throwing', async () => {
    const studio = await startStudio({ token: TOKEN });
    const api = client(studio, { http: true });
    const refused = await api.executeRequest({ query: '{ proxyStatus { available } }' });
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: expect.any(String) } });
    const allowed = await client(studio, { http: true, token: TOKEN }).executeRequest({
      query: '{ proxyStatus { available } }',
    });
    expect(allowed).toEqual({ data: { proxyStatus: { available: false } } });
  });

  it('streams a subscription until the consumer stops', async () => {
    const studio = await startStudio();
    const api = client(studio, { http: true });
    const before = studio.library.listenerCount('change');
    const stream = api.streamRequest({ query: 'subscription { cassetteUpdated { type name } }' });
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    await waitFor(() => studio.library.listenerCount('change') > before);
    await studio.services.cassettes.create({ name: 'streamed' });
    const { value } = (await first) as IteratorResult<ExecutionResultLike>;
    expect(value).toEqual({ data: { cassetteUpdated: { type: 'Created', name: 'streamed' } } });
    await iterator.return?.();
    await waitFor(() => studio.library.listenerCount('change') === before);

    const invalid = api.streamRequest({ query: 'subscription { noSuchField }' });
    const results: ExecutionResultLike[] = [];
    for await (const result of invalid) results.push(result);
    expect(results).toHaveLength(1);
    expect(results[0]?.errors?.[0]?.message).toMatch(/noSuchField/);
  });
});
