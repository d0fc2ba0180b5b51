/**
 * Plays a recorded session to a connected client: paced by the client's messages (see
 * client-message-pacer.ts) or by the recorded times, ending with the recorded close frame (a
 * recording without one stays open). Settles when the client's connection has closed, with what
 * went differently from the recording, in words.
 */
import type { WebSocket } from 'ws';
import type { WebSocketInteraction, WebSocketMessage } from '../../cassette/cassette.model';
import type { RedactionRules } from '../../redaction/redaction-rules';
import type { WebSocketReplayPacing } from '../engine.model';
import { ClientMessagePacer } from './client-message-pacer';
import { closeWith, payloadOf, sendRecorded } from './frames';
import { clientFrame } from './message-content';
import { timeOffsetPlan } from './time-offset-plan';

export function playRecording(
  client: WebSocket,
  interaction: WebSocketInteraction,
  pacing: WebSocketReplayPacing,
  rules: RedactionRules,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timers = new Set<NodeJS.Timeout>();
    const problems: string[] = [];
    const at = (ms: number, action: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        action();
      }, ms);
      timers.add(timer);
    };
    const send = (message: WebSocketMessage): void => {
      const problem = sendRecorded(client, message);
      if (problem !== undefined) problems.push(problem);
    };
    const finish = (): void => {
      if (interaction.closeFrame !== null) closeWith(client, interaction.closeFrame);
    };
    let pacer: ClientMessagePacer | undefined;
    if (pacing === 'time-offset') {
      const plan = timeOffsetPlan(interaction.messages);
      for (const message of plan.sends) at(message.timestampMs, () => send(message));
      at(plan.endMs, finish);
    } else {
      const paced = new ClientMessagePacer(interaction.messages);
      pacer = paced;
      paced.openingMessages().forEach(send);
      client.on('message', (data, isBinary) => {
        paced.onClientMessage(clientFrame(payloadOf(data), isBinary, rules)).forEach(send);
        if (paced.finished) finish();
      });
      if (paced.finished) finish();
    }
    client.on('error', () => undefined);
    client.once('close', () => {
      for (const timer of timers) clearTimeout(timer);
      const notes = [pacer?.divergence(), ...problems].filter((note) => note !== undefined);
      resolve(notes.length === 0 ? undefined : notes.join('; '));
    });
    client.resume();
  });
}
