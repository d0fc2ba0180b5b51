/** Queries and mutations as GraphQL-over-HTTP POSTs to the server that served the page. */
import { ApiError, type GraphQLErrorLike } from './api-error';

export interface ExecutionResultLike {
  data?: unknown;
  errors?: readonly GraphQLErrorLike[];
}

export interface OperationRequest {
  query: string;
  variables?: unknown;
  operationName?: string | null;
}

type AnswerBody = ExecutionResultLike & { error?: { code?: string; message?: string } };

/** POSTs one operation; resolves with the HTTP status and the answer (undefined when not JSON). */
export async function postRequest(
  endpoint: string,
  token: string | undefined,
  request: OperationRequest,
): Promise<{ status: number; body: AnswerBody | undefined }> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new ApiError(`The studio cannot be reached (${String(error)}).`, 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => undefined)) as AnswerBody | undefined;
  return { status: response.status, body };
}

/** POSTs one operation and returns its data; rejects with an ApiError for any error. */
export async function postOperation(
  endpoint: string,
  token: string | undefined,
  query: string,
  variables: unknown,
): Promise<unknown> {
  const { status, body } = await postRequest(endpoint, token, { query, variables });
  return resultData(body, status);
}

/** An HTTP answer as a GraphQL result: a refusal outside GraphQL becomes one error. */
export function executionResult(body: AnswerBody | undefined, status: number): ExecutionResultLike {
  if (body?.error !== undefined) {
    const code = body.error.code ?? `HTTP_${status}`;
    return { errors: [{ message: body.error.message ?? 'Refused.', extensions: { code } }] };
  }
  if (body === undefined) {
    return { errors: [{ message: `The studio answered HTTP ${status} without JSON.` }] };
  }
  return body;
}

/** The data of a GraphQL answer, or the ApiError its errors (or HTTP refusal) describe. */
export function resultData(body: AnswerBody | undefined, status = 200): unknown {
  if (body?.errors !== undefined && body.errors.length > 0) throw ApiError.fromGraphQL(body.errors);
  if (body?.error !== undefined) {
    throw new ApiError(body.error.message ?? 'Refused.', body.error.code ?? `HTTP_${status}`);
  }
  if (body?.data === undefined || body.data === null) {
    throw new ApiError(`The studio answered HTTP ${status} without data.`, `HTTP_${status}`);
  }
  return body.data;
}
