/**
 * The renderer's one GraphQL client. Queries and mutations go over HTTP in a browser and over the
 * graphql-ws connection in the desktop app; subscriptions always use graphql-ws. Only this folder
 * knows which.
 */
import type { Client } from 'graphql-ws';
import { ApiError, type GraphQLErrorLike } from './api-error';
import type { TypedDocumentString } from './generated/graphql';
import {
  executionResult,
  postOperation,
  postRequest,
  resultData,
  type ExecutionResultLike,
  type OperationRequest,
} from './http-transport';

export type { ExecutionResultLike, OperationRequest } from './http-transport';

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
  /**
   * An operation given as text, answered with GraphQL's own result (errors included, nothing
   * thrown for them): for tools such as the API playground. Queries and mutations only.
   */
  executeRequest(request: OperationRequest): Promise<ExecutionResultLike>;
  /** A subscription given as text: its results as they come. */
  streamRequest(request: OperationRequest): AsyncIterable<ExecutionResultLike>;
  dispose(): Promise<void>;
}

export interface ClientTransports {
  /** The graphql-ws client (created when ready: the desktop port may come asynchronously). */
  ws: Promise<Client>;
  /** The HTTP endpoint for queries and mutations; undefined to send them over graphql-ws. */
  httpEndpoint: string | undefined;
  token: string | undefined;
}

/** One operation over graphql-ws, resolved with its single result as it came. */
function firstResultOverWs(
  client: Client,
  request: OperationRequest,
): Promise<ExecutionResultLike> {
  return new Promise((resolve, reject) => {
    let settled = false;
    client.subscribe(
      {
        query: request.query,
        variables: request.variables as Record<string, unknown> | undefined,
        operationName: request.operationName ?? undefined,
      },
      {
        next: (result: ExecutionResultLike) => {
          if (!settled) resolve(result);
          settled = true;
        },
        error: (error) => {
          // GraphQL errors before execution (validation) come here as a list, not as a result.
          if (!settled) {
            if (Array.isArray(error)) resolve({ errors: error as GraphQLErrorLike[] });
            else reject(ApiError.from(error));
          }
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
      ? resultData(
          await firstResultOverWs(await transports.ws, { query: document.toString(), variables }),
        )
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
    async executeRequest(request) {
      if (transports.httpEndpoint === undefined) {
        return firstResultOverWs(await transports.ws, request);
      }
      const { status, body } = await postRequest(
        transports.httpEndpoint,
        transports.token,
        request,
      );
      return executionResult(body, status);
    },
    async *streamRequest(request) {
      const client = await transports.ws;
      try {
        yield* client.iterate({
          query: request.query,
          variables: request.variables as Record<string, unknown> | undefined,
          operationName: request.operationName ?? undefined,
        });
      } catch (error) {
        if (!Array.isArray(error)) throw ApiError.from(error);
        yield { errors: error as GraphQLErrorLike[] };
      }
    },
    async dispose() {
      // A connection attempt that was refused rejects dispose(): there is nothing left to close.
      await Promise.resolve((await transports.ws).dispose()).catch(() => undefined);
    },
  };
}
