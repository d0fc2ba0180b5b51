/**
 * Client-message pacing of a replayed session. The recording is cut into steps: the server
 * messages before the client's first message (sent at once), then each client data message
 * (`Text`, `Binary`) with the server messages that followed it until the next one. Each message
 * the client sends plays the step it matches:
 *
 * - the next expected message, by content: its step plays;
 * - a later one: the steps up to it play, in order (skipping ahead loses no server message);
 * - none: the next step plays anyway, and the mismatch is noted;
 * - after the last step: nothing plays, and the extra message is noted.
 *
 * Control frames never pace: the client's pings get automatic pongs, so recorded server pongs are
 * not replayed, and the client's own pongs and pings are not waited for. Recorded server pings are
 * sent in their place.
 */
import type { WebSocketMessage } from '../../cassette/cassette.model';
import { sameContent, type ClientFrame } from './message-content';

interface Step {
  trigger: WebSocketMessage;
  replies: WebSocketMessage[];
}

const SHOWN_LENGTH = 80;

function shown(frame: Pick<WebSocketMessage, 'msgType' | 'data'>): string {
  const text =
    frame.msgType === 'Text' ? JSON.stringify(frame.data) : `${frame.msgType} ${frame.data}`;
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/** Recorded messages in time order (stable: equal times keep the recorded order). */
export function inTimeOrder(messages: readonly WebSocketMessage[]): WebSocketMessage[] {
  return [...messages].sort((a, b) => a.timestampMs - b.timestampMs);
}

/** Whether a recorded server message is sent on replay (pongs are answered automatically). */
export function isReplayedServerMessage(message: WebSocketMessage): boolean {
  return message.direction === 'Received' && message.msgType !== 'Pong';
}

export class ClientMessagePacer {
  private readonly opening: WebSocketMessage[] = [];
  private readonly steps: Step[] = [];
  private next = 0;
  private unmatched = 0;
  private skipped = 0;
  private extra = 0;
  private firstMismatch: string | undefined;

  constructor(messages: readonly WebSocketMessage[]) {
    for (const message of inTimeOrder(messages)) {
      const isData = message.msgType === 'Text' || message.msgType === 'Binary';
      if (message.direction === 'Sent' && isData)
        this.steps.push({ trigger: message, replies: [] });
      else if (isReplayedServerMessage(message)) {
        (this.steps.at(-1)?.replies ?? this.opening).push(message);
      }
    }
  }

  /** The server messages sent as soon as the client is connected. */
  openingMessages(): readonly WebSocketMessage[] {
    return this.opening;
  }

  /** Every recorded client message has been played: the session can end as recorded. */
  get finished(): boolean {
    return this.next >= this.steps.length;
  }

  /** The server messages to send, in order, for a message the client sent. */
  onClientMessage(frame: ClientFrame): WebSocketMessage[] {
    if (this.finished) {
      this.extra += 1;
      return [];
    }
    let at = this.steps.findIndex((step, i) => i >= this.next && sameContent(step.trigger, frame));
    if (at < 0) {
      at = this.next;
      this.unmatched += 1;
      this.firstMismatch ??= `expected ${shown(this.steps[at]?.trigger ?? frame)}, got ${shown(frame)}`;
    } else this.skipped += at - this.next;
    const replies = this.steps.slice(this.next, at + 1).flatMap((step) => step.replies);
    this.next = at + 1;
    return replies;
  }

  /** How the client's messages differed from the recording, in words; undefined when they did not. */
  divergence(): string | undefined {
    const parts: string[] = [];
    if (this.unmatched > 0) {
      parts.push(
        `${this.unmatched} client message(s) did not match the recording (first: ${this.firstMismatch ?? ''})`,
      );
    }
    if (this.skipped > 0) parts.push(`${this.skipped} recorded client message(s) were skipped`);
    if (this.extra > 0)
      parts.push(`${this.extra} client message(s) came after the recording ended`);
    if (!this.finished) {
      parts.push(`${this.steps.length - this.next} recorded client message(s) never came`);
    }
    return parts.length === 0 ? undefined : `replay diverged: ${parts.join('; ')}`;
  }
}
