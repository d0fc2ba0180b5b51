/**
 * The engine's WebSocket handler. A session the cassette has (replay, new-episodes, auto on an
 * existing cassette) is replayed without any upstream; a strict-replay miss is refused with 404
 * and the near-miss report; every other session is relayed to the upstream, and recorded unless
 * passing through. Each session gives exactly one exchange event, when it ends.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { headerValues } from '../../cassette/headers';
import type { NearMiss } from '../../matching/matching.model';
import { formatNearMissReport } from '../../matching/near-miss';
import type { UpgradeContext, WebSocketHandler } from '../websocket-hook';
import { clientHandshake } from './handshake-headers';
import { relaySession } from './relay-session';
import { replaySession } from './replay-session';
import { SessionReporter } from './session-report';

function missText(context: UpgradeContext, nearMisses: readonly NearMiss[]): string {
  const { session, url } = context;
  const note = session.existed ? '' : `Cassette "${session.name}" does not exist yet.\n`;
  return `${note}${formatNearMissReport(nearMisses, { method: 'GET', url: url.href })}`;
}

export class WebSocketProxyHandler implements WebSocketHandler {
  async handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    context: UpgradeContext,
  ): Promise<void> {
    const handshake = clientHandshake(req.rawHeaders, context.url, context.via);
    const reporter = new SessionReporter(context, handshake.headers);
    if (headerValues(handshake.headers, 'via').some((via) => via.includes(context.via))) {
      const text = `Magneto proxy: ${context.url.href} leads back to this proxy (a request loop).`;
      reporter.refuse(socket, { status: 508, text });
      return;
    }
    const upgrade = req.headers.upgrade ?? '';
    if (upgrade.toLowerCase() !== 'websocket') {
      const text = `Magneto proxy: only WebSocket upgrades are supported, not "${upgrade}".`;
      reporter.refuse(socket, { status: 501, text });
      return;
    }
    const { session, url } = context;
    if (session.matchesRequests) {
      const result = session.matchWebSocket(url.href, handshake.headers);
      if (result.kind === 'hit' && result.interaction.type === 'WebSocket') {
        await replaySession({
          req,
          socket,
          head,
          context,
          reporter,
          interaction: result.interaction,
        });
        return;
      }
      if (session.mode !== 'new-episodes') {
        const nearMisses = result.kind === 'miss' ? result.nearMisses : [];
        reporter.refuse(
          socket,
          { status: 404, text: missText(context, nearMisses), headers: { 'x-magneto-miss': '1' } },
          { outcome: 'missed', nearMisses },
        );
        return;
      }
    }
    await relaySession({
      req,
      socket,
      head,
      context,
      handshake,
      reporter,
      record: session.recording,
    });
  }
}
