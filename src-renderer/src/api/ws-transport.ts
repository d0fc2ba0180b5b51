/**
 * The graphql-ws client: over a WebSocket to the page's server, or over the desktop app's message
 * port. It connects at once, reconnects forever (backing off up to 5 s) and reports its state to
 * the connection store.
 */
import { createClient, type Client } from 'graphql-ws';
import { messagePortWebSocket } from '../../../src-main/server/message-port-websocket';
import { useConnection } from './connection.store';

const MAX_RETRY_WAIT_MS = 5_000;
const KEEP_ALIVE_MS = 10_000;

export type WsTarget = { kind: 'url'; url: string } | { kind: 'port'; port: MessagePort };

function closeReason(event: unknown): string | undefined {
  const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
  if (reason !== undefined && reason !== '') return reason;
  return code === undefined ? undefined : `closed (${code})`;
}

export function createWsClient(target: WsTarget, token: string | undefined): Client {
  const connection = useConnection.getState();
  const client = createClient({
    url: target.kind === 'url' ? target.url : 'ipc://magneto-studio/graphql',
    ...(target.kind === 'port' ? { webSocketImpl: messagePortWebSocket(target.port) } : {}),
    connectionParams: token === undefined ? undefined : { token },
    lazy: false,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(MAX_RETRY_WAIT_MS, 250 * 2 ** retries)),
      ),
    on: {
      connecting: () => connection.connecting(),
      connected: () => connection.connected(),
      closed: (event) => connection.dropped(closeReason(event)),
      error: () => connection.dropped('connection error'),
    },
  });
  return client;
}

/** `ws://host/graphql` (or wss) for the page's own server. */
export function websocketUrlFor(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/graphql`;
}
