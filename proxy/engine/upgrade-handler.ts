/**
 * HTTP upgrade requests: resolved to a `ws://`/`wss://` URL and handed to the WebSocket handler,
 * or answered 501 while there is none. The returned promise settles when the handler is done.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { headersFromPairs } from '../cassette/headers';
import { redactHeaders } from '../redaction/header-redaction';
import { redactUrl } from '../redaction/url-redaction';
import type { CassetteSession } from './cassette-session';
import type { ExchangeReport } from './exchange-report';
import { endToEndRawPairs } from './hop-by-hop';
import { resolveTarget, type ConnectionOrigin } from './request-target';
import type { RuntimeSettings } from './runtime-settings';
import type { UpstreamOptions } from './upstream-client';
import { rejectOnSocket, type WebSocketHandler } from './websocket-hook';

export interface UpgradeEnvironment {
  handler: WebSocketHandler | undefined;
  session(): CassetteSession;
  settings(): RuntimeSettings;
  upstream: UpstreamOptions;
  via: string;
  report(event: ExchangeReport): void;
}

const NOT_IMPLEMENTED =
  'Magneto proxy: WebSocket and other protocol upgrades are not supported by this engine yet.';

export function handleUpgrade(
  env: UpgradeEnvironment,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  origin: ConnectionOrigin,
): Promise<void> {
  socket.on('error', () => socket.destroy());
  const started = performance.now();
  const session = env.session();
  const settings = env.settings();
  const target = resolveTarget(req.url ?? '', origin, settings.targetBase);
  const url = target.ok ? new URL(target.url.href.replace(/^http/, 'ws')) : undefined;
  const fail = (status: number, reason: string, text: string): void => {
    rejectOnSocket(socket, status, reason, text);
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    env.report({
      time: new Date().toISOString(),
      cassette: session.name,
      protocol: origin.scheme === 'https' || url?.protocol === 'wss:' ? 'wss' : 'ws',
      request: {
        method: req.method ?? 'GET',
        url: redactUrl(url?.href ?? req.url ?? '', session.rules),
        headers: redactHeaders(headersFromPairs(endToEndRawPairs(req.rawHeaders)), session.rules),
        bodySize: 0,
      },
      response: { status, headers, bodySize: Buffer.byteLength(text) + 1 },
      latencyMs: Math.round(performance.now() - started),
      outcome: 'error',
      error: text,
    });
  };
  if (url === undefined) {
    fail(400, 'Bad Request', `Magneto proxy: ${target.ok ? 'no target' : target.reason}`);
    return Promise.resolve();
  }
  if (env.handler === undefined) {
    fail(501, 'Not Implemented', NOT_IMPLEMENTED);
    return Promise.resolve();
  }
  const { upstream, via, report } = env;
  const context = { url, origin, session, settings, upstream, via, report };
  return Promise.resolve()
    .then(() => env.handler?.handleUpgrade(req, socket, head, context))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (socket.writable) fail(500, 'Internal Server Error', `Magneto proxy: ${message}`);
      else socket.destroy();
    });
}
