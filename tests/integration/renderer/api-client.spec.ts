/**
 * The renderer's GraphQL client against a real studio: over the desktop's message port (graphql-ws
 * through serveGraphqlOverPort) and over HTTP, with and without a token, typed errors, live
 * subscriptions and the connection state the Live indicator shows.
 */
import { MessageChannel, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { ApiError } from '../../../src-renderer/src/api/api-error';
import { useConnection } from '../../../src-renderer/src/api/connection.store';
import {
  CassetteChangesDocument,
  CreateCassetteDocument,
  LibraryPageDocument,
  ProxyStatusDocument,
} from '../../../src-renderer/src/api/generated/graphql';
import {
  createGraphQLClient,
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

/** A client speaking graphql-ws over a message port to the studio, as the desktop renderer does. */
function portClient(studio: Studio, token?: string, httpEndpoint?: string): GraphQLClient {
  const channel = new MessageChannel();
  studio.server.servePort(channel.port1);
  const ws: Promise<Client> = Promise.resolve(
    createWsClient({ kind: 'port', port: channel.port2 as unknown as MessagePort }, token),
  );
  const client = createGraphQLClient({ ws, httpEndpoint, token });
  opened.push({ client, ports: [channel.port1, channel.port2] });
  return client;
}

describe('renderer API client', () => {
  it('runs typed queries, mutations and subscriptions over the desktop message port', async () => {
    const studio = await startStudio();
    const client = portClient(studio);
    const { proxyStatus } = await client.query(ProxyStatusDocument);
    expect(proxyStatus.available).toBe(false);
    await waitFor(() => useConnection.getState().status === 'live');

    const changes: string[] = [];
    const stop = client.subscribe(
      CassetteChangesDocument,
      {},
      {
        next: ({ cassetteUpdated }) =>
          changes.push(`${cassetteUpdated.type} ${cassetteUpdated.name}`),
      },
    );
    await waitFor(() => studio.library.listenerCount('change') > 0);
    const { createCassette } = await client.mutate(CreateCassetteDocument, {
      input: { name: 'over-ipc', tags: ['ipc'] },
    });
    expect(createCassette.name).toBe('over-ipc');
    await waitFor(() => changes.includes('Created over-ipc'));
    stop();

    const { cassettes } = await client.query(LibraryPageDocument, {
      limit: 10,
      offset: 0,
      filter: { tags: ['ipc'] },
    });
    expect(cassettes.totalCount).toBe(1);
    expect(cassettes.items[0]?.metadata.tags).toEqual(['ipc']);
  });

  it('reports GraphQL errors as ApiErrors with their code', async () => {
    const studio = await startStudio();
    const client = portClient(studio);
    await client.mutate(CreateCassetteDocument, { input: { name: 'twice' } });
    const error = await client
      .mutate(CreateCassetteDocument, { input: { name: 'twice' } })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CASSETTE_EXISTS');
  });

  it('sends queries over HTTP with the bearer token, and the token over the port', async () => {
    const studio = await startStudio({ token: TOKEN });
    const endpoint = `${studio.url}/graphql`;
    const client = portClient(studio, TOKEN, endpoint);
    const { cassettes } = await client.query(LibraryPageDocument, { limit: 5, offset: 0 });
    expect(cassettes.totalCount).toBe(0);
    await waitFor(() => useConnection.getState().status === 'live');

    const anonymous = portClient(studio, undefined, endpoint);
    const refused = await anonymous.query(ProxyStatusDocument).catch((reason: unknown) => reason);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('UNAUTHENTICATED');
  });

  it('reports an unreachable studio as a network error', async () => {
    const studio = await startStudio();
    const client = portClient(studio, undefined, 'http://127.0.0.1:9/graphql');
    const error = await client.query(ProxyStatusDocument).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('NETWORK_ERROR');
  });
});
