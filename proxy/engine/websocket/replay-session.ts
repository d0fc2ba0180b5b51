/** A replayed session: the client's 101 from the recording, then the recording played to it. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketInteraction } from '../../cassette/cassette.model';
import type { UpgradeContext } from '../websocket-hook';
import { acceptClient } from './client-acceptor';
import { extraHeaderLines, replayProtocol } from './handshake-headers';
import { playRecording } from './recording-player';
import type { SessionReporter } from './session-report';

export interface ReplayRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  context: UpgradeContext;
  interaction: WebSocketInteraction;
  reporter: SessionReporter;
}

export async function replaySession(request: ReplayRequest): Promise<void> {
  const { req, socket, head, context, interaction, reporter } = request;
  const accepted = await acceptClient(req, socket, head, {
    protocol: (offered) => replayProtocol(offered, interaction.responseHeaders),
    headerLines: extraHeaderLines(interaction.responseHeaders ?? {}),
    autoPong: true,
  });
  if (!accepted.ok) {
    reporter.failHandshake(socket, accepted, interaction.id);
    return;
  }
  const answeredAt = performance.now();
  const notes = await playRecording(
    accepted.client,
    interaction,
    context.settings.webSocketReplay,
    context.session.rules,
  );
  reporter.report({
    outcome: 'replayed',
    response: { status: 101, headers: accepted.headers, bodySize: 0 },
    answeredAt,
    interactionId: interaction.id,
    ...(notes !== undefined && { error: notes }),
  });
}
