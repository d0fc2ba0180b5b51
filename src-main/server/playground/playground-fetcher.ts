/**
 * GraphiQL's fetcher for the studio: queries and mutations over HTTP POST, subscriptions over
 * graphql-ws, both on this page's own server, with the API token when the page was given one
 * (`/graphql/playground#token=…`).
 */
import { createClient, type Client } from 'graphql-ws';

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export type PlaygroundFetcher = (
  params: FetcherParams,
) => Promise<unknown> | AsyncIterable<unknown>;

function isSubscription(params: FetcherParams): boolean {
  const name = params.operationName;
  const pattern = name ? new RegExp(`subscription\\s+${name}\\b`) : /^\s*subscription\b/m;
  return pattern.test(params.query);
}

async function* subscribe(client: Client, params: FetcherParams): AsyncIterable<unknown> {
  const iterator = client.iterate({
    query: params.query,
    operationName: params.operationName ?? undefined,
    variables: (params.variables ?? undefined) as Record<string, unknown> | undefined,
  });
  yield* iterator;
}

export function playgroundFetcher(location: Location): PlaygroundFetcher {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  const httpUrl = `${location.origin}/graphql`;
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  let client: Client | undefined;
  return (params) => {
    if (isSubscription(params)) {
      client ??= createClient({
        url: wsUrl,
        connectionParams: token === undefined ? {} : { token },
      });
      return subscribe(client, params);
    }
    return fetch(httpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(params),
    }).then((response) => response.json());
  };
}
