/**
 * The graphql-ws protocol over a message port (Electron's MessagePortMain, a browser or Node
 * MessagePort). One port carries many virtual connections, so a client can reconnect without a new
 * port. No Node imports: the renderer's side uses it too.
 */

export const IPC_CHANNEL = 'magneto-graphql-ws';

/** What travels for one virtual connection. */
export type IpcMessage =
  | { connection: string; type: 'open'; protocol: string }
  | { connection: string; type: 'message'; data: string }
  | { connection: string; type: 'close'; code: number; reason: string };

/** A message tagged with the channel, so other traffic on the same port is ignored. */
export type IpcEnvelope = IpcMessage & { channel: typeof IPC_CHANNEL };

/**
 * What both ends need of a port: `postMessage`, and either `on('message')` (Node, Electron) or
 * `addEventListener('message')` (browsers).
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  on?(event: 'message', listener: (value: unknown) => void): unknown;
  off?(event: 'message', listener: (value: unknown) => void): unknown;
  addEventListener?(type: 'message', listener: (event: Event) => void): void;
  removeEventListener?(type: 'message', listener: (event: Event) => void): void;
  start?(): void;
}

function isEnvelope(value: unknown): value is IpcEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { channel?: unknown }).channel === IPC_CHANNEL &&
    typeof (value as { connection?: unknown }).connection === 'string'
  );
}

/** The envelope a port delivered, whether as the value itself or as a message event's `data`. */
export function envelopeOf(value: unknown): IpcEnvelope | undefined {
  if (isEnvelope(value)) return value;
  const data = (value as { data?: unknown } | null)?.data;
  return isEnvelope(data) ? data : undefined;
}

/** Calls `listener` with every envelope the port receives; returns the function that stops it. */
export function listenForEnvelopes(
  port: MessagePortLike,
  listener: (envelope: IpcEnvelope) => void,
): () => void {
  const onValue = (value: unknown): void => {
    const envelope = envelopeOf(value);
    if (envelope !== undefined) listener(envelope);
  };
  if (port.on !== undefined) {
    port.on('message', onValue);
    port.start?.();
    return () => void port.off?.('message', onValue);
  }
  if (port.addEventListener === undefined) {
    throw new TypeError('The port has neither on() nor addEventListener().');
  }
  port.addEventListener('message', onValue);
  port.start?.();
  return () => port.removeEventListener?.('message', onValue);
}
