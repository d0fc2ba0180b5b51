/**
 * The graphql-ws server options shared by the WebSocket route and the IPC transport: one protocol
 * whatever the pipe. Documents are parsed and validated with the limits; a token, when required,
 * comes in `connectionParams.token` (or was checked on the upgrade already).
 */
import { GraphQLError } from '../graphql/graphql-js';
import type { ServerOptions } from 'graphql-ws';
import { formatClientErrors, toClientError } from '../graphql/api-errors';
import type { GraphQLRuntime } from './graphql-execution';
import { tokenMatches } from './request-guard';

export interface WsAuthorization {
  /** The token connections must present; none when undefined. */
  token?: string;
  /** The connection was authorised before the protocol started (a bearer header on the upgrade). */
  preAuthorized?: boolean;
}

function connectionToken(params: Record<string, unknown> | undefined): string | undefined {
  const token = params?.token ?? params?.authorization;
  if (typeof token !== 'string') return undefined;
  return token.replace(/^Bearer\s+/i, '');
}

export function graphqlWsOptions<E>(
  runtime: GraphQLRuntime,
  transport: string,
  authorization: (extra: E) => WsAuthorization,
): ServerOptions<Record<string, unknown> | undefined, E> {
  return {
    connectionInitWaitTimeout: 10_000,
    onConnect: (ctx) => {
      const { token, preAuthorized } = authorization(ctx.extra);
      return (
        token === undefined ||
        preAuthorized === true ||
        tokenMatches(connectionToken(ctx.connectionParams), token)
      );
    },
    onSubscribe: (_ctx, _id, payload) => {
      let document;
      try {
        document = runtime.parse(payload.query);
      } catch (error) {
        return [
          toClientError(error instanceof GraphQLError ? error : new GraphQLError(String(error))),
        ];
      }
      const errors = runtime.validate(runtime.schema, document);
      if (errors.length > 0) return errors.map(toClientError);
      return {
        schema: runtime.schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: runtime.context(),
      };
    },
    execute: runtime.execute(transport),
    subscribe: runtime.subscribe(transport),
    onError: (_ctx, _id, _payload, errors) => formatClientErrors(errors),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors === undefined
        ? undefined
        : { ...result, errors: formatClientErrors(result.errors) },
  };
}
