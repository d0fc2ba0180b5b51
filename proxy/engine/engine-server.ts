/**
 * Wires the transport to the handlers: plain requests to the exchange handler, CONNECT to the
 * tunnel/interception handler, upgrades to the WebSocket hook. Each handler reads the engine's
 * current session and settings when a request arrives, so `reconfigure` takes effect at once.
 */
import type { LookupFunction } from 'node:net';
import type { LeafCertificateCache } from '../tls/leaf-certificates';
import type { CassetteSession } from './cassette-session';
import { handleConnect, type ConnectEnvironment } from './connect-handler';
import { handleExchange, type ExchangeEnvironment } from './exchange-handler';
import type { ExchangeReporter } from './exchange-report';
import { replaySettled } from './fast-replay';
import type { HostMatcher } from './host-glob';
import { ProxyServer } from './proxy-server';
import { handleUpgrade, type UpgradeEnvironment } from './upgrade-handler';
import type { RuntimeSettings } from './runtime-settings';
import type { UpstreamClient, UpstreamOptions } from './upstream-client';
import type { WebSocketHandler } from './websocket-hook';

/** What changes at run time. */
export interface LiveConfiguration {
  session: CassetteSession;
  settings: RuntimeSettings;
  tunnelled: HostMatcher;
}

export interface EngineServerDependencies {
  current(): LiveConfiguration;
  certificates: LeafCertificateCache;
  upstream: UpstreamClient;
  upstreamOptions: UpstreamOptions;
  lookup: LookupFunction | undefined;
  webSocketHandler: WebSocketHandler | undefined;
  via: string;
  reporter: ExchangeReporter;
  /** Keeps an exchange (or a WebSocket session) in progress, for `stop()` to wait on. */
  track(exchange: Promise<void>): void;
}

export function createEngineServer(deps: EngineServerDependencies): ProxyServer {
  const exchange: ExchangeEnvironment = {
    session: () => deps.current().session,
    settings: () => deps.current().settings,
    upstream: deps.upstream,
    via: deps.via,
    reporter: deps.reporter,
  };
  const upgrade: UpgradeEnvironment = {
    handler: deps.webSocketHandler,
    session: exchange.session,
    settings: exchange.settings,
    upstream: deps.upstreamOptions,
    via: deps.via,
    report: (event) => deps.reporter.report(event),
  };
  const server: ProxyServer = new ProxyServer({
    request: (req, res, origin) => {
      if (!replaySettled(exchange, req, res, origin)) {
        deps.track(handleExchange(exchange, req, res, origin));
      }
    },
    connect: (req, socket, head) => handleConnect(connect, req, socket, head),
    upgrade: (req, socket, head, origin) =>
      deps.track(handleUpgrade(upgrade, req, socket, head, origin)),
  });
  const connect: ConnectEnvironment = {
    tunnelled: () => deps.current().tunnelled,
    certificates: deps.certificates,
    adopt: (socket, origin) => server.adopt(socket, origin),
    track: (socket) => server.track(socket),
    report: (event) => deps.reporter.report(event),
    cassette: () => deps.current().session.name,
    lookup: deps.lookup,
  };
  return server;
}
