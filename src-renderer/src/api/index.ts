/**
 * The client the whole UI uses, set up for where the UI runs: the desktop app's message port when
 * the preload offers one, else HTTP and WebSocket to the server that served the page.
 */
import { readApiToken } from './auth-token';
import { desktopBridge } from './desktop-bridge';
import { createGraphQLClient, type GraphQLClient } from './graphql-client';
import { createWsClient, websocketUrlFor } from './ws-transport';

export { ApiError } from './api-error';
export { useConnection } from './connection.store';
export type { ExecutionResultLike, GraphQLClient, OperationRequest } from './graphql-client';

function createAppClient(win: Window): GraphQLClient {
  const token = readApiToken(win);
  const bridge = desktopBridge(win);
  if (bridge !== undefined) {
    const ws = Promise.resolve(bridge.graphqlPort()).then((port) =>
      createWsClient({ kind: 'port', port }, token),
    );
    return createGraphQLClient({ ws, httpEndpoint: undefined, token });
  }
  const ws = Promise.resolve(
    createWsClient({ kind: 'url', url: websocketUrlFor(win.location) }, token),
  );
  const httpEndpoint = new URL('/graphql', win.location.href).toString();
  return createGraphQLClient({ ws, httpEndpoint, token });
}

export const api: GraphQLClient = createAppClient(window);
