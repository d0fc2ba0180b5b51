/** A graphql-ws client over a Node message port, as the desktop renderer runs one. */
import type { MessagePort } from 'node:worker_threads';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { messagePortWebSocket } from '../../../../src-main/server/message-port-websocket';

export function portClient(port: MessagePort, token: string | undefined): Client {
  return createClient({
    url: 'ipc://magneto-studio/graphql',
    webSocketImpl: messagePortWebSocket(port),
    connectionParams: token === undefined ? undefined : { token },
    retryAttempts: 20,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 20)),
  });
}

/** One query or mutation; resolves with its single result (errors included). */
export function execute(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<FormattedExecutionResult<Record<string, unknown>, unknown>> {
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value),
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => (result === undefined ? reject(new Error('no result')) : resolve(result)),
      },
    );
  });
}
