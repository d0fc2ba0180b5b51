/**
 * What a relayed session recorded: every frame both ways with its time since the connection
 * opened, and the first close frame seen, turned into a WebSocket interaction when it ends.
 */
import type {
  Headers,
  WebSocketCloseFrame,
  WebSocketDirection,
  WebSocketInteraction,
  WebSocketMessage,
  WebSocketMessageType,
} from '../../cassette/cassette.model';
import { recordedData } from './frames';

export interface SessionHandshake {
  url: string;
  recordedAt: string;
  requestHeaders: Headers;
  responseHeaders: Headers;
  /** Time to the upstream's 101. */
  responseTimeMs: number;
}

export class SessionLog {
  private readonly messages: WebSocketMessage[] = [];
  private closeFrame: WebSocketCloseFrame | null = null;
  private readonly openedAt: number;

  /** `now`: the clock, in milliseconds (`performance.now()` by default). */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.openedAt = now();
  }

  add(direction: WebSocketDirection, msgType: WebSocketMessageType, payload: Buffer): void {
    this.messages.push({
      direction,
      timestampMs: Math.round(this.now() - this.openedAt),
      msgType,
      data: recordedData(msgType, payload),
    });
  }

  /** A close frame seen from either side; the first one is kept. */
  closed(code: number, reason: string): void {
    this.closeFrame ??= { code, reason };
  }

  /** The session as an interaction (not yet redacted: the cassette session does that). */
  draft(handshake: SessionHandshake): Omit<WebSocketInteraction, 'id'> {
    return {
      type: 'WebSocket',
      recordedAt: handshake.recordedAt,
      url: handshake.url,
      requestHeaders: handshake.requestHeaders,
      responseHeaders: handshake.responseHeaders,
      messages: [...this.messages],
      closeFrame: this.closeFrame,
      responseTimeMs: handshake.responseTimeMs,
    };
  }
}
