/**
 * The client's end of the IPC transport: a WebSocket look-alike over a message port, to give
 * graphql-ws's `createClient` as `webSocketImpl`. Each instance is one virtual connection, so the
 * client's reconnects work over the same port. No Node imports (the renderer uses it).
 */
import {
  IPC_CHANNEL,
  listenForEnvelopes,
  type IpcEnvelope,
  type MessagePortLike,
} from './ipc-protocol';

interface CloseEventLike {
  code: number;
  reason: string;
  wasClean: boolean;
}

export interface MessagePortWebSocketClass {
  new (url: string, protocol?: string | string[]): MessagePortWebSocket;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
  /** Stops listening to the port (open connections are closed first). */
  dispose(): void;
}

export interface MessagePortWebSocket {
  readonly protocol: string;
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: string }) => void) | null;
  onclose: ((event: CloseEventLike) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

let counter = 0;

/** A WebSocket class whose instances talk to `serveGraphqlOverPort` on the other end of `port`. */
export function messagePortWebSocket(port: MessagePortLike): MessagePortWebSocketClass {
  const sockets = new Map<string, PortSocket>();
  const stop = listenForEnvelopes(port, (envelope: IpcEnvelope) => {
    const socket = sockets.get(envelope.connection);
    if (socket === undefined) return;
    if (envelope.type === 'message') socket.onmessage?.({ data: envelope.data });
    else if (envelope.type === 'close') socket.closed(envelope.code, envelope.reason);
  });

  class PortSocket implements MessagePortWebSocket {
    static readonly CONNECTING = 0 as const;
    static readonly OPEN = 1 as const;
    static readonly CLOSING = 2 as const;
    static readonly CLOSED = 3 as const;
    readonly protocol: string;
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: CloseEventLike) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    private readonly id = `c${++counter}-${Math.random().toString(36).slice(2)}`;

    static dispose(): void {
      for (const socket of sockets.values()) socket.close(1001, 'Going away');
      stop();
    }

    constructor(_url: string, protocol?: string | string[]) {
      this.protocol = (Array.isArray(protocol) ? protocol[0] : protocol) ?? '';
      sockets.set(this.id, this);
      port.postMessage({
        channel: IPC_CHANNEL,
        connection: this.id,
        type: 'open',
        protocol: this.protocol,
      });
      queueMicrotask(() => {
        if (this.readyState !== 0) return;
        this.readyState = 1;
        this.onopen?.({});
      });
    }

    send(data: string): void {
      if (this.readyState !== 1) throw new Error('The connection is not open.');
      port.postMessage({ channel: IPC_CHANNEL, connection: this.id, type: 'message', data });
    }

    close(code = 1000, reason = ''): void {
      if (this.readyState >= 2) return;
      port.postMessage({ channel: IPC_CHANNEL, connection: this.id, type: 'close', code, reason });
      this.closed(code, reason);
    }

    closed(code: number, reason: string): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      sockets.delete(this.id);
      this.onclose?.({ code, reason, wasClean: true });
    }
  }
  return PortSocket;
}
