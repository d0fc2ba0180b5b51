import { describe, expect, it } from 'vitest';
import type { WebSocketMessage } from '../../../../proxy/cassette/cassette.model';
import { ClientMessagePacer } from '../../../../proxy/engine/websocket/client-message-pacer';
import { timeOffsetPlan } from '../../../../proxy/engine/websocket/time-offset-plan';

const sent = (timestampMs: number, data: string): WebSocketMessage => ({
  direction: 'Sent',
  timestampMs,
  msgType: 'Text',
  data,
});
const received = (
  timestampMs: number,
  data: string,
  msgType: WebSocketMessage['msgType'] = 'Text',
): WebSocketMessage => ({ direction: 'Received', timestampMs, msgType, data });

/** A recording whose array order is not its time order. */
const RECORDING: WebSocketMessage[] = [
  received(0, 'hello'),
  sent(10, '{"op":"sub","ch":"a"}'),
  received(5, 'motd'),
  received(12, 'subscribed'),
  { direction: 'Sent', timestampMs: 20, msgType: 'Ping', data: 'cA==' },
  received(21, 'cA==', 'Pong'),
  received(22, 'c3J2', 'Ping'),
  sent(30, 'bye'),
  received(31, 'ciao'),
  received(31, 'again'),
];

const text = (data: string) => ({ msgType: 'Text' as const, data });
const dataOf = (messages: readonly WebSocketMessage[]) => messages.map((m) => m.data);

describe('client-message pacing', () => {
  it('sends the opening at once, then each step after its client message', () => {
    const pacer = new ClientMessagePacer(RECORDING);
    expect(dataOf(pacer.openingMessages())).toEqual(['hello', 'motd']);
    // Same JSON, other key order; recorded pongs are not replayed, server pings are.
    expect(dataOf(pacer.onClientMessage(text('{"ch":"a", "op":"sub"}')))).toEqual([
      'subscribed',
      'c3J2',
    ]);
    expect(pacer.finished).toBe(false);
    expect(dataOf(pacer.onClientMessage(text('bye')))).toEqual(['ciao', 'again']);
    expect(pacer.finished).toBe(true);
    expect(pacer.divergence()).toBeUndefined();
  });

  it('skips ahead to a later match, sending the skipped answers first', () => {
    const pacer = new ClientMessagePacer(RECORDING);
    expect(dataOf(pacer.onClientMessage(text('bye')))).toEqual([
      'subscribed',
      'c3J2',
      'ciao',
      'again',
    ]);
    expect(pacer.divergence()).toBe('replay diverged: 1 recorded client message(s) were skipped');
  });

  it('advances on a message that matches nothing, and notes it and any extra message', () => {
    const pacer = new ClientMessagePacer(RECORDING);
    expect(dataOf(pacer.onClientMessage({ msgType: 'Binary', data: 'AAE=' }))).toEqual([
      'subscribed',
      'c3J2',
    ]);
    expect(pacer.onClientMessage(text('bye'))).toHaveLength(2);
    expect(pacer.onClientMessage(text('more'))).toEqual([]);
    expect(pacer.divergence()).toBe(
      'replay diverged: 1 client message(s) did not match the recording (first: expected "{\\"op\\":\\"sub\\",\\"ch\\":\\"a\\"}", got Binary AAE=); 1 client message(s) came after the recording ended',
    );
  });

  it('notes the recorded client messages that never came', () => {
    const pacer = new ClientMessagePacer(RECORDING);
    expect(pacer.divergence()).toBe('replay diverged: 2 recorded client message(s) never came');
  });

  it('is finished at once for a recording without client messages', () => {
    const pacer = new ClientMessagePacer([received(3, 'b'), received(1, 'a')]);
    expect(dataOf(pacer.openingMessages())).toEqual(['a', 'b']);
    expect(pacer.finished).toBe(true);
  });
});

describe('time-offset pacing', () => {
  it('plans the server messages in time order and ends with the last message', () => {
    const plan = timeOffsetPlan(RECORDING);
    expect(plan.sends.map((m) => [m.timestampMs, m.data])).toEqual([
      [0, 'hello'],
      [5, 'motd'],
      [12, 'subscribed'],
      [22, 'c3J2'],
      [31, 'ciao'],
      [31, 'again'],
    ]);
    expect(plan.endMs).toBe(31);
    expect(timeOffsetPlan([])).toEqual({ sends: [], endMs: 0 });
  });
});
