/**
 * The graphql-ws server over a message port, so the desktop renderer speaks the same protocol as
 * browsers without a socket. Electron-free: the desktop shell hands it a MessagePortMain; tests a
 * Node MessageChannel port.
 */
import { CloseCode, makeServer } from 'graphql-ws';
import type { GraphQLRuntime } from './graphql-execution';
import { graphqlWsOptions } from './graphql-ws-options';
import {
  IPC_CHANNEL,
  listenForEnvelopes,
  type IpcMessage,
  type MessagePortLike,
} from './ipc-protocol';

export interface IpcTransportOptions {
  /** The token connections must present in `connectionParams.token`; none when undefined. */
  token?: string;
}

export interface IpcTransport {
  /** Ends every connection on the port and stops listening (the port itself stays open). */
  close(): Promise<void>;
}

interface Connection {
  deliver: ((data: string) => Promise<void>) | undefined;
  closed: (code?: number, reason?: string) => Promise<void>;
}

export function serveGraphqlOverPort(
  port: MessagePortLike,
  runtime: GraphQLRuntime,
  options: IpcTransportOptions = {},
): IpcTransport {
  const server = makeServer(
    graphqlWsOptions<undefined>(runtime, 'ipc', () => ({ token: options.token })),
  );
  const connections = new Map<string, Connection>();
  const post = (message: IpcMessage): void =>
    port.postMessage({ channel: IPC_CHANNEL, ...message });

  const end = async (id: string, code: number, reason: string, notify: boolean): Promise<void> => {
    const connection = connections.get(id);
    if (connection === undefined) return;
    connections.delete(id);
    if (notify) post({ connection: id, type: 'close', code, reason });
    await connection.closed(code, reason);
  };

  const open = (id: string, protocol: string): void => {
    const connection: Connection = { deliver: undefined, closed: async () => undefined };
    connections.set(id, connection);
    connection.closed = server.opened(
      {
        protocol,
        send: (data) => {
          if (connections.has(id)) post({ connection: id, type: 'message', data });
        },
        close: (code, reason) => void end(id, code ?? 1000, reason ?? '', true),
        onMessage: (deliver) => (connection.deliver = deliver),
      },
      undefined,
    );
  };

  const stop = listenForEnvelopes(port, (envelope) => {
    const id = envelope.connection;
    if (envelope.type === 'open') open(id, envelope.protocol);
    else if (envelope.type === 'close') void end(id, envelope.code, envelope.reason, false);
    else {
      connections
        .get(id)
        ?.deliver?.(envelope.data)
        .catch(() => end(id, CloseCode.InternalServerError, 'Internal server error', true));
    }
  });

  return {
    async close() {
      stop();
      await Promise.all([...connections.keys()].map((id) => end(id, 1001, 'Going away', true)));
    },
  };
}
