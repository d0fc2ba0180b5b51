/**
 * WebSocket sessions in HAR, as Chrome exports them: an entry with `_resourceType: "websocket"` and
 * `_webSocketMessages` (`time` in seconds since the epoch; opcode 1 text, 2 binary as base64, 9 ping,
 * 10 pong). The close frame, which Chrome does not record, goes in the studio's `_webSocketClose`.
 */
import type {
  Headers,
  WebSocketInteraction,
  WebSocketMessage,
  WebSocketMessageType,
} from '../cassette.model';
import type { HarEntry, HarWebSocketMessage } from './har-schema';

const OPCODES: Record<WebSocketMessageType, 1 | 2 | 9 | 10> = {
  Text: 1,
  Binary: 2,
  Ping: 9,
  Pong: 10,
};
const TYPES: Partial<Record<HarWebSocketMessage['opcode'], WebSocketMessageType>> = {
  1: 'Text',
  2: 'Binary',
  9: 'Ping',
  10: 'Pong',
};

export interface HarWebSocketFields {
  _resourceType: 'websocket';
  _webSocketMessages: Array<{
    type: 'send' | 'receive';
    time: number;
    opcode: number;
    data: string;
  }>;
  _webSocketClose?: { code: number; reason: string };
}

/** Whether an entry is a WebSocket session rather than an HTTP exchange. */
export function isWebSocketEntry(entry: HarEntry): boolean {
  return (
    entry._resourceType === 'websocket' ||
    /^wss?:/i.test(entry.request.url) ||
    (entry.response.status === 101 && entry._webSocketMessages !== undefined)
  );
}

/**
 * Milliseconds since the epoch from which message times count: the entry's start when the times
 * are wall-clock seconds after it, else the first message (exporters with relative times).
 */
function originMs(entry: HarEntry, messages: HarWebSocketMessage[]): number {
  const first = messages[0];
  if (first === undefined) return 0;
  const started =
    entry.startedDateTime === undefined ? Number.NaN : Date.parse(entry.startedDateTime);
  return !Number.isNaN(started) && first.time * 1000 >= started - 1000
    ? started
    : first.time * 1000;
}

export function webSocketFromEntry(
  entry: HarEntry,
  id: string,
  recordedAt: string,
  requestHeaders: Headers,
  responseHeaders: Headers,
): WebSocketInteraction {
  const frames = entry._webSocketMessages ?? [];
  const origin = originMs(entry, frames);
  const messages: WebSocketMessage[] = [];
  for (const frame of frames) {
    const msgType = TYPES[frame.opcode];
    // A close frame (8) carries nothing the model keeps beyond `_webSocketClose`.
    if (msgType === undefined) continue;
    messages.push({
      direction: frame.type === 'send' ? 'Sent' : 'Received',
      timestampMs: Math.max(0, Math.round(frame.time * 1000 - origin)),
      msgType,
      data: frame.data,
    });
  }
  const interaction: WebSocketInteraction = {
    type: 'WebSocket',
    id,
    recordedAt,
    url: entry.request.url,
    messages,
    closeFrame: entry._webSocketClose ?? null,
  };
  if (Object.keys(requestHeaders).length > 0) interaction.requestHeaders = requestHeaders;
  if (Object.keys(responseHeaders).length > 0) interaction.responseHeaders = responseHeaders;
  return interaction;
}

/** Chrome's WebSocket fields for an exported entry starting at `recordedAt`. */
export function webSocketFields(interaction: WebSocketInteraction): HarWebSocketFields {
  const started = Date.parse(interaction.recordedAt);
  const fields: HarWebSocketFields = {
    _resourceType: 'websocket',
    _webSocketMessages: interaction.messages.map((message) => ({
      type: message.direction === 'Sent' ? 'send' : 'receive',
      time: (started + message.timestampMs) / 1000,
      opcode: OPCODES[message.msgType],
      data: message.data,
    })),
  };
  if (interaction.closeFrame !== null) fields._webSocketClose = { ...interaction.closeFrame };
  return fields;
}
