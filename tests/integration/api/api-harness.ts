/**
 * A real studio for API tests: a temporary cassette folder and index, the services, and the API
 * server on 127.0.0.1 with a free port; everything is closed when the test ends.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { resolveStudioConfig } from '../../../src-main/config/studio-config';
import { CassetteLibrary } from '../../../src-main/library/library';
import {
  startApiServer,
  type ApiServer,
  type ApiServerOptions,
} from '../../../src-main/server/api-server';
import {
  createStudioServices,
  type StudioServices,
} from '../../../src-main/services/studio-services';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface Studio {
  root: string;
  cassetteDir: string;
  dataDir: string;
  library: CassetteLibrary;
  services: StudioServices;
  server: ApiServer;
  url: string;
}

export interface StudioOptions extends Partial<Omit<ApiServerOptions, 'services'>> {
  engine?: ProxyEngine;
  watch?: boolean;
}

export async function startStudio(options: StudioOptions = {}): Promise<Studio> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-api-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  const { engine, watch = false, ...serverOptions } = options;
  const library = await CassetteLibrary.open({ cassetteDir, dataDir, watch });
  cleanups.push(() => library.close());
  const config = { ...resolveStudioConfig({ cassetteDir, dataDir }), apiPort: 0, proxyPort: 0 };
  if (engine !== undefined) cleanups.push(() => engine.stop());
  const services = await createStudioServices({ config, library, engine });
  const server = await startApiServer({ services, port: 0, rateLimit: false, ...serverOptions });
  cleanups.push(() => server.close());
  return { root, cassetteDir, dataDir, library, services, server, url: server.url };
}

/**
 * GraphQL answers as tests read them: shapes vary with each document, and a wrong path fails the
 * assertion that reads it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Data = Record<string, any>;

export interface GraphQLResponse<T = Data> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  headers: Headers;
}

/** One operation over HTTP POST, as graphql-http clients send it. */
export async function gql<T = Data>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of an operation that must succeed. */
export async function gqlData<T = Data>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T> {
  const result = await gql<T>(url, query, variables, headers);
  if (result.errors !== undefined || result.data === undefined) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** A graphql-ws client over a real WebSocket, disposed when the test ends. */
export function wsClient(
  url: string,
  options: { connectionParams?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Client {
  const headers = options.headers;
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, headers === undefined ? {} : { headers });
    }
  }
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderWebSocket,
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  cleanups.push(() => client.dispose() as Promise<void>);
  return client;
}

/** Collects the first `count` results of a subscription. */
export function take<T = Data>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
): { results: Promise<T[]>; ready: Promise<void> } {
  const results: T[] = [];
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const done = new Promise<T[]>((resolve, reject) => {
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors !== undefined) return reject(new Error(JSON.stringify(value.errors)));
          results.push(value.data as T);
          if (results.length >= count) {
            unsubscribe();
            resolve(results);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(results),
      },
    );
    client.on('connected', () => readyResolve());
  });
  return { results: done, ready };
}

/** Resolves once `condition` holds (checked every few milliseconds), failing after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves once `count` more subscriptions listen to the library than `before`. */
export function subscribed(studio: Studio, before: number, count = 1): Promise<void> {
  return waitFor(() => studio.library.listenerCount('change') >= before + count);
}
