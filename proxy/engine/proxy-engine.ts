/**
 * The proxy engine: record and replay of HTTP, HTTPS and WebSocket traffic, as a forward proxy
 * (absolute-form requests and intercepted CONNECT tunnels) and as a reverse proxy (`target`). Mode, cassette,
 * target, matching, latency and limits change at run time; `stop()` saves every recording.
 */
import { randomBytes } from 'node:crypto';
import type { CertificateAuthority } from '../tls/certificate-authority';
import { loadOrCreateCertificateAuthority } from '../tls/certificate-authority';
import { LeafCertificateCache } from '../tls/leaf-certificates';
import { CassetteSession } from './cassette-session';
import type { ExchangeEvent, ProxyStatus } from './engine.model';
import { zeroCounts } from './stopped-status';
import {
  mergeRuntimeOptions,
  resolveEngineOptions,
  type EngineOptions,
  type FixedOptions,
  type ReconfigureOptions,
  type RuntimeOptions,
} from './engine-options';
import { asError } from '../support/as-error';
import { EngineEmitter } from './engine-emitter';
import { createEngineServer } from './engine-server';
import type { ExchangeReport, ExchangeReporter } from './exchange-report';
import { compileHostPatterns, type HostMatcher } from './host-glob';
import type { ProxyServer } from './proxy-server';
import { settingsOf, type RuntimeSettings } from './runtime-settings';
import { UpstreamClient, type UpstreamOptions } from './upstream-client';
import { WebSocketProxyHandler } from './websocket/websocket-proxy-handler';

interface Running {
  fixed: FixedOptions;
  runtime: RuntimeOptions;
  settings: RuntimeSettings;
  tunnelled: HostMatcher;
  session: CassetteSession;
  server: ProxyServer;
  upstream: UpstreamClient;
  ca: CertificateAuthority;
  port: number;
  host: string;
}

export class ProxyEngine extends EngineEmitter {
  private running: Running | undefined;
  private counts = zeroCounts();
  private sequence = 0;
  private readonly inflight = new Set<Promise<void>>();
  /** Sessions replaced or stopped whose recordings are not all saved yet. */
  private readonly retired = new Set<CassetteSession>();
  /** Added to forwarded requests as `Via`, to catch requests that loop back to this engine. */
  private readonly via = `1.1 magneto-${randomBytes(4).toString('hex')}`;
  private readonly reporter: ExchangeReporter = {
    report: (event) => this.report(event),
    observed: () => this.listenerCount('exchange') > 0,
    count: (outcome) => void (this.counts[outcome] += 1),
  };

  /** The studio's CA, once started (its certificate is what clients must trust for HTTPS). */
  get certificateAuthority(): CertificateAuthority | undefined {
    return this.running?.ca;
  }

  /** Starts listening. Rejects (leaving nothing open) on invalid options or a busy port. */
  start(options: EngineOptions): Promise<ProxyStatus> {
    return this.serialise(async () => {
      if (this.running !== undefined) throw new Error('The proxy engine is already running.');
      const { fixed, runtime } = resolveEngineOptions(options);
      const tunnelled = compileHostPatterns(runtime.tunnelHosts);
      const ca = await loadOrCreateCertificateAuthority(fixed.dataDir);
      const session = await this.openSession(fixed, runtime);
      const upstreamOptions = this.upstreamOptions(fixed);
      const upstream = new UpstreamClient(upstreamOptions);
      let state: Running | undefined;
      const server = createEngineServer({
        current: () => state ?? { session, settings: settingsOf(runtime), tunnelled },
        certificates: new LeafCertificateCache(ca),
        upstream,
        upstreamOptions,
        lookup: fixed.upstreamLookup,
        webSocketHandler:
          fixed.webSocketHandler === null
            ? undefined
            : (fixed.webSocketHandler ?? new WebSocketProxyHandler()),
        via: this.via,
        reporter: this.reporter,
        track: (exchange) => this.track(exchange),
      });
      try {
        const address = await server.listen(fixed.host, fixed.port);
        state = {
          fixed,
          runtime,
          settings: settingsOf(runtime),
          tunnelled,
          session,
          server,
          upstream,
          ca,
          host: fixed.host,
          port: address.port,
        };
      } catch (error) {
        upstream.close();
        await session.close();
        throw error;
      }
      this.running = state;
      this.counts = zeroCounts();
      return this.announce();
    });
  }

  /**
   * Stops listening, ends every connection and saves every recording. Rejects, once stopped, when
   * recordings could not be saved; they are kept, and calling `stop()` again tries once more.
   */
  stop(): Promise<void> {
    return this.serialise(async () => {
      const state = this.running;
      if (state !== undefined) {
        this.running = undefined;
        await state.server.close();
        state.upstream.close();
        await Promise.allSettled([...this.inflight]);
        this.retired.add(state.session);
      }
      const failures = await this.closeRetired();
      if (state !== undefined) this.announce();
      if (failures.length > 0) {
        throw new AggregateError(
          failures,
          `Recordings could not be saved: ${failures[0]?.message}`,
        );
      }
    });
  }

  /**
   * Changes mode, cassette, target, tunnel hosts, matching, redaction, latency or limits without a
   * restart. A new mode, cassette, matching or redaction saves the current recording first, then
   * opens the cassette again. Rejects, keeping the current configuration, when invalid.
   */
  reconfigure(changes: ReconfigureOptions): Promise<ProxyStatus> {
    return this.serialise(async () => {
      const state = this.running;
      if (state === undefined) throw new Error('The proxy engine is not running.');
      const runtime = mergeRuntimeOptions(state.runtime, changes);
      const tunnelled = compileHostPatterns(runtime.tunnelHosts);
      const reopen =
        runtime.mode !== state.runtime.mode ||
        runtime.cassette !== state.runtime.cassette ||
        JSON.stringify([runtime.matching, runtime.redaction]) !==
          JSON.stringify([state.runtime.matching, state.runtime.redaction]);
      if (reopen) {
        // A store that cannot save stops the switch here, before anything is left behind.
        await state.session.flush();
        const next = await this.openSession(state.fixed, runtime);
        this.retired.add(state.session);
        state.session = next;
        for (const error of await this.closeRetired()) this.emitError(error);
      }
      Object.assign(state, { runtime, tunnelled, settings: settingsOf(runtime) });
      return this.announce();
    });
  }

  status(): ProxyStatus {
    const state = this.running;
    return {
      running: state !== undefined,
      host: state?.host ?? '127.0.0.1',
      port: state?.port ?? null,
      mode: state?.runtime.mode ?? 'auto',
      effectiveMode: state?.session.mode ?? 'passthrough',
      cassette: state?.runtime.cassette ?? null,
      target: state?.runtime.target ?? null,
      counts: { ...this.counts },
    };
  }

  /** Closes the sessions no longer in use; those whose save fails stay, to be tried again. */
  private async closeRetired(): Promise<Error[]> {
    const failures: Error[] = [];
    for (const session of [...this.retired]) {
      try {
        await session.close();
        this.retired.delete(session);
      } catch (error) {
        failures.push(asError(error));
      }
    }
    return failures;
  }

  private openSession(fixed: FixedOptions, runtime: RuntimeOptions): Promise<CassetteSession> {
    return CassetteSession.open({
      store: fixed.store,
      name: runtime.cassette,
      mode: runtime.mode,
      matching: runtime.matching,
      redaction: runtime.redaction,
      flushIntervalMs: runtime.flushIntervalMs,
      onSaveError: (error) => this.emitError(error),
    });
  }

  private upstreamOptions(fixed: FixedOptions): UpstreamOptions {
    return {
      ca: fixed.upstreamCa,
      rejectUnauthorized: fixed.rejectUnauthorizedUpstream,
      lookup: fixed.upstreamLookup,
    };
  }

  private report(event: ExchangeReport): void {
    this.counts[event.outcome] += 1;
    // Each report is a fresh object made for this call: it takes its id in place (no copy).
    const numbered = event as ExchangeEvent;
    numbered.id = String(++this.sequence);
    this.deliver(numbered);
  }

  private track(exchange: Promise<void>): void {
    this.inflight.add(exchange);
    const done = (): void => void this.inflight.delete(exchange);
    exchange.then(done, done);
  }
}
