/**
 * The renderer's one GraphQL client. Queries and mutations go over HTTP in a browser and over the
 * graphql-ws connection in the desktop app; subscriptions always use graphql-ws. Only this folder
 * knows which.
 */
import type { Client } from 'graphql-ws';
import { ApiError } from './api-error';
import type { TypedDocumentString } from './generated/graphql';
import { postOperation, resultData, type ExecutionResultLike } from './http-transport';

/** Variables are optional for documents that need none. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface SubscriptionHandlers<R> {
  next(data: R): void;
  error?(error: ApiError): void;
}

export interface GraphQLClient {
  query<R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>): Promise<R>;
  mutate<R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>): Promise<R>;
  /** Starts a subscription (resumed after reconnects); returns the function that ends it. */
  subscribe<R, V>(
    document: TypedDocumentString<R, V>,
    variables: V,
    handlers: SubscriptionHandlers<R>,
  ): () => void;
  dispose(): Promise<void>;
}

export interface ClientTransports {
  /** The graphql-ws client (created when ready: the desktop port may come asynchronously). */
  ws: Promise<Client>;
  /** The HTTP endpoint for queries and mutations; undefined to send them over graphql-ws. */
  httpEndpoint: string | undefined;
  token: string | undefined;
}

/** One operation over graphql-ws, resolved with its single result. */
function executeOverWs(client: Client, query: string, variables: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    client.subscribe(
      { query, variables: variables as Record<string, unknown> | undefined },
      {
        next: (result: ExecutionResultLike) => {
          if (settled) return;
          settled = true;
          try {
            resolve(resultData(result));
          } catch (error) {
            reject(error instanceof Error ? error : ApiError.from(error));
          }
        },
        error: (error) => {
          if (!settled) reject(ApiError.from(error));
          settled = true;
        },
        complete: () => {
          if (!settled) reject(new ApiError('The operation ended without a result.', 'NO_RESULT'));
          settled = true;
        },
      },
    );
  });
}

export function createGraphQLClient(transports: ClientTransports): GraphQLClient {
  const execute = async (document: { toString(): string }, variables: unknown): Promise<unknown> =>
    transports.httpEndpoint === undefined
      ? executeOverWs(await transports.ws, document.toString(), variables)
      : postOperation(transports.httpEndpoint, transports.token, document.toString(), variables);

  return {
    query: async (document, ...[variables]) => (await execute(document, variables)) as never,
    mutate: async (document, ...[variables]) => (await execute(document, variables)) as never,
    subscribe(document, variables, handlers) {
      let stop: (() => void) | undefined;
      let cancelled = false;
      void transports.ws.then((client) => {
        if (cancelled) return;
        stop = client.subscribe<never>(
          { query: document.toString(), variables: variables as Record<string, unknown> },
          {
            next: (result: ExecutionResultLike) => {
              try {
                handlers.next(resultData(result) as never);
              } catch (error) {
                handlers.error?.(ApiError.from(error));
              }
            },
            error: (error) => handlers.error?.(ApiError.from(error)),
            complete: () => undefined,
          },
        );
      });
      return () => {
        cancelled = true;
        stop?.();
      };
    },
    async dispose() {
      // A connection attempt that was refused rejects dispose(): there is nothing left to close.
      await Promise.resolve((await transports.ws).dispose()).catch(() => undefined);
    },
  };
}
