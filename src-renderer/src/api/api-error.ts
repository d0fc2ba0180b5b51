/** Every failure the API client reports: a GraphQL error, an HTTP refusal or a broken connection. */

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** `extensions.code` of the GraphQL error (CASSETTE_NOT_FOUND…), or NETWORK_ERROR. */
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The first error of a GraphQL answer, keeping its code. */
  static fromGraphQL(errors: readonly GraphQLErrorLike[]): ApiError {
    const first = errors[0];
    const extensions = first?.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : 'GRAPHQL_ERROR';
    return new ApiError(first?.message ?? 'The API answered with an error.', code, extensions);
  }

  /** Whatever was thrown or passed to an error callback, as an ApiError. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (Array.isArray(error)) return ApiError.fromGraphQL(error as GraphQLErrorLike[]);
    if (error instanceof Error) return new ApiError(error.message, 'NETWORK_ERROR');
    const reason = (error as { reason?: unknown } | null)?.reason;
    const text = typeof reason === 'string' && reason !== '' ? reason : 'The connection failed.';
    return new ApiError(text, 'NETWORK_ERROR');
  }
}
