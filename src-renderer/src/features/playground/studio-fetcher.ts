/**
 * GraphiQL's fetcher on the app's own client, so the playground uses the app's transport: the
 * desktop's message port, or HTTP and WebSocket in a browser, with the same token.
 */
import { getOperationAST, parse, type DocumentNode } from 'graphql';
import type { GraphQLClient, OperationRequest } from '../../api';

/**
 * The request to send and whether it is a subscription. GraphiQL can send the name (and the
 * parsed document) of what the editor held a moment before, so the text is read again here, and a
 * document with a single operation runs that one.
 */
export function resolveOperation(request: OperationRequest): {
  request: OperationRequest;
  subscription: boolean;
} {
  let parsed: DocumentNode;
  try {
    parsed = parse(request.query);
  } catch {
    // Not valid GraphQL: the server says why.
    return { request, subscription: false };
  }
  const named = getOperationAST(parsed, request.operationName ?? undefined);
  const operation = named ?? getOperationAST(parsed);
  if (!operation) return { request, subscription: false };
  const operationName = !named ? (operation.name?.value ?? null) : request.operationName;
  return {
    request: { ...request, operationName },
    subscription: operation.operation === 'subscription',
  };
}

export function studioFetcher(client: GraphQLClient) {
  return (params: OperationRequest) => {
    const { request, subscription } = resolveOperation(params);
    return subscription ? client.streamRequest(request) : client.executeRequest(request);
  };
}
