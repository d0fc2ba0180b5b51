/**
 * GraphQL errors as clients see them: every error has `extensions.code`; errors from the services
 * carry their code and fields (CASSETTE_NOT_FOUND with `name`…); nothing carries a stack trace or
 * an unexpected error's message.
 */
import { GraphQLError, type GraphQLFormattedError } from './graphql-js';
import { apiErrorOf } from '../services/api-error';

/** The code of errors found before execution (syntax, unknown fields, limits). */
export const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

export function toClientError(error: GraphQLError | Error): GraphQLError {
  if (!(error instanceof GraphQLError)) {
    const { code, message, details } = apiErrorOf(error);
    return new GraphQLError(message, { extensions: { ...details, code } });
  }
  const original = error.originalError;
  if (original !== undefined && original !== null && !(original instanceof GraphQLError)) {
    const { code, message, details } = apiErrorOf(original);
    return new GraphQLError(message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { ...details, code },
    });
  }
  if (error.extensions.code !== undefined && original === undefined) return error;
  const code =
    (original as GraphQLError | undefined)?.extensions.code ??
    error.extensions.code ??
    (error.path === undefined ? VALIDATION_FAILED : 'INTERNAL_SERVER_ERROR');
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

export function formatClientErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) => toClientError(error).toJSON());
}
