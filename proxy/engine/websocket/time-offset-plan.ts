/**
 * Time-offset pacing of a replayed session: every server message at its recorded time after the
 * connection opened, whatever the client does, and the close frame when the recording ends (the
 * time of its last message, either way).
 */
import type { WebSocketMessage } from '../../cassette/cassette.model';
import { inTimeOrder, isReplayedServerMessage } from './client-message-pacer';

export interface TimeOffsetPlan {
  sends: WebSocketMessage[];
  /** When the recording ends, in milliseconds after the connection opened. */
  endMs: number;
}

export function timeOffsetPlan(messages: readonly WebSocketMessage[]): TimeOffsetPlan {
  const ordered = inTimeOrder(messages);
  return {
    sends: ordered.filter(isReplayedServerMessage),
    endMs: Math.max(0, ...ordered.map((message) => message.timestampMs)),
  };
}
