/**
 * Frames between `ws` and the cassette model: payloads to recorded data and back, sending a
 * recorded message, and closing a connection the way a recording (or the other side) did.
 */
import type { WebSocketCloseFrame, WebSocketMessage } from '../../cassette/cassette.model';
import type { WebSocketMessageType } from '../../cassette/cassette.model';
import { WebSocket, type RawData } from 'ws';

/** The code `ws` reports when a connection ended without a close frame. */
export const ABNORMAL_CLOSURE = 1006;

/** Largest payload of a control frame (ping, pong, close). */
const MAX_CONTROL_PAYLOAD = 125;

/** The bytes of a message as `ws` hands them over. */
export function payloadOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** A message's `data` in the model: the text for `Text`, base64 for the others. */
export function recordedData(msgType: WebSocketMessageType, payload: Buffer): string {
  return msgType === 'Text' ? payload.toString('utf8') : payload.toString('base64');
}

/** Whether `code` may be sent in a close frame (RFC 6455 §7.4). */
export function isSendableCloseCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
    (code >= 3000 && code <= 4999)
  );
}

/**
 * Sends a recorded message on an open connection. Returns a problem, in words, when the recording
 * holds something that cannot be sent (a control frame over 125 bytes).
 */
export function sendRecorded(ws: WebSocket, message: WebSocketMessage): string | undefined {
  if (ws.readyState !== WebSocket.OPEN) return undefined;
  if (message.msgType === 'Text') {
    ws.send(message.data);
    return undefined;
  }
  const payload = Buffer.from(message.data, 'base64');
  if (message.msgType === 'Binary') {
    ws.send(payload, { binary: true });
    return undefined;
  }
  if (payload.length > MAX_CONTROL_PAYLOAD) {
    return `a recorded ${message.msgType} of ${payload.length} bytes (at ${message.timestampMs} ms) was not sent: control frames carry at most ${MAX_CONTROL_PAYLOAD}`;
  }
  if (message.msgType === 'Ping') ws.ping(payload);
  else ws.pong(payload);
  return undefined;
}

/**
 * Closes `ws` with `frame`: its code and reason when they can be sent, no code otherwise (1005,
 * "no status"), or drops the connection for null (the other side went away without a frame).
 */
export function closeWith(ws: WebSocket, frame: WebSocketCloseFrame | null): void {
  if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) return;
  if (frame === null) {
    ws.terminate();
    return;
  }
  if (!isSendableCloseCode(frame.code)) ws.close();
  else if (Buffer.byteLength(frame.reason) > MAX_CONTROL_PAYLOAD - 2) ws.close(frame.code);
  else ws.close(frame.code, frame.reason);
}
