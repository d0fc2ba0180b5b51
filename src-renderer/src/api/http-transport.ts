/** Queries and mutations as GraphQL-over-HTTP POSTs to the server that served the page. */
import { ApiError, type GraphQLErrorLike } from './api-error';

export interface ExecutionResultLike {
  data?: unknown;
  errors?: readonly GraphQLErrorLike[];
}

/** POSTs one operation and returns its data; rejects with an ApiError for any error. */
export async function postOperation(
  endpoint: string,
  token: string | undefined,
  query: string,
  variables: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`The studio cannot be reached (${String(error)}).`, 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => undefined)) as
    (ExecutionResultLike & { error?: { code?: string; message?: string } }) | undefined;
  return resultData(body, response.status);
}

/** The data of a GraphQL answer, or the ApiError its errors (or HTTP refusal) describe. */
export function resultData(
  body: (ExecutionResultLike & { error?: { code?: string; message?: string } }) | undefined,
  status = 200,
): unknown {
  if (body?.errors !== undefined && body.errors.length > 0) throw ApiError.fromGraphQL(body.errors);
  if (body?.error !== undefined) {
    throw new ApiError(body.error.message ?? 'Refused.', body.error.code ?? `HTTP_${status}`);
  }
  if (body?.data === undefined || body.data === null) {
    throw new ApiError(`The studio answered HTTP ${status} without data.`, `HTTP_${status}`);
  }
  return body.data;
}
