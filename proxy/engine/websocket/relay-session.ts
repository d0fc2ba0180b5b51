/**
 * A live session: the upstream handshake first (so its refusal is the client's answer), then the
 * client's 101, then every frame relayed until both sides have closed. Recorded as one WebSocket
 * interaction when it ends, however it ends, unless the session only passes through.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExchangeOutcome } from '../engine.model';
import type { UpgradeContext } from '../websocket-hook';
import { acceptClient } from './client-acceptor';
import { pipeFrames, type PipeEnd } from './frame-pipe';
import { extraHeaderLines, type ClientHandshake } from './handshake-headers';
import { SessionLog } from './session-log';
import type { SessionReporter } from './session-report';
import { connectUpstream } from './upstream-connector';

export interface RelayRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  context: UpgradeContext;
  handshake: ClientHandshake;
  reporter: SessionReporter;
  /** Record the session (record, new-episodes), or only pass it through. */
  record: boolean;
}

const DROPPED: Readonly<Record<NonNullable<PipeEnd['dropped']>, string>> = {
  client: 'the client went away without a close frame',
  upstream: 'the upstream server went away without a close frame',
};

export async function relaySession(request: RelayRequest): Promise<void> {
  const { req, socket, head, context, handshake, reporter } = request;
  const clientGone = new AbortController();
  const abort = (): void => clientGone.abort();
  socket.once('close', abort);
  const connection = await connectUpstream({
    url: context.url,
    handshake,
    options: context.upstream,
    timeoutMs: context.settings.upstreamTimeoutMs,
    signal: clientGone.signal,
  });
  socket.off('close', abort);
  if (!connection.ok) {
    if (!connection.reset) reporter.refuse(socket, connection);
    else {
      socket.destroy();
      reporter.report({ outcome: 'error', error: connection.text });
    }
    return;
  }
  const { upstream } = connection;
  const log = new SessionLog();
  const accepted = await acceptClient(req, socket, head, {
    protocol: () => upstream.protocol || false,
    headerLines: extraHeaderLines(connection.headers),
    autoPong: false,
  });
  if (!accepted.ok) {
    upstream.terminate();
    reporter.failHandshake(socket, accepted);
    return;
  }
  const answeredAt = performance.now();
  const end = await pipeFrames(accepted.client, upstream, log);
  const draft = log.draft({
    url: context.url.href,
    recordedAt: reporter.time,
    requestHeaders: handshake.headers,
    responseHeaders: connection.headers,
    responseTimeMs: Math.round(connection.openedAt - reporter.startedAt),
  });
  const kept = request.record ? context.session.record(draft) : undefined;
  let outcome: ExchangeOutcome = 'passthrough';
  let error = end.dropped === undefined ? undefined : DROPPED[end.dropped];
  if (kept !== undefined) outcome = 'recorded';
  else if (request.record) {
    outcome = 'error';
    error = 'not recorded: the cassette was switched while the session was open';
  }
  reporter.report({
    outcome,
    response: { status: 101, headers: accepted.headers, bodySize: 0 },
    answeredAt,
    ...(kept !== undefined && { interactionId: kept.id }),
    ...(error !== undefined && { error }),
  });
}
