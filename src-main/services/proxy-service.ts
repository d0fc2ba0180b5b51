/**
 * The proxy engine as the API sees it: status, start and stop, mode changes, the environment
 * variables templates may read, the CA certificate clients must trust, and the live traffic feed.
 * Works without an engine too (everything but the CA then reports `PROXY_UNAVAILABLE`).
 */
import type { RecordMode } from '../../proxy/cassette/cassette.model';
import { EngineOptionsError } from '../../proxy/engine/engine-options';
import { stoppedStatus } from '../../proxy/engine/stopped-status';
import type { ExchangeEvent, ProxyStatus } from '../../proxy/engine/engine.model';
import type { ProxyEngineSurface } from '../../proxy/engine/worker/proxy-engine-surface';
import { DEFAULT_ENV_ALLOW_LIST } from '../../proxy/templating';
import {
  loadOrCreateCertificateAuthority,
  type CertificateAuthority,
} from '../../proxy/tls/certificate-authority';
import type { StudioConfig } from '../config/studio-config';
import type { CassetteLibrary } from '../library/library';
import { eventStream } from './event-stream';
import { ServiceError } from './service-error';
import { templateEnvAllowListOf } from './template-env-allow-list';

export interface ProxyStatusView extends ProxyStatus {
  /** The studio has a proxy engine (false in an API-only studio). */
  available: boolean;
  /** Environment variables templates may read (glob patterns); the next start's when stopped. */
  templateEnvAllowList: string[];
}

export interface StartProxyDraft {
  /** Default: the configured proxy port; 0 picks a free one. */
  port?: number;
  mode?: RecordMode;
  cassetteName?: string | null;
  /** Reverse-proxy target such as `https://api.example.com`. */
  target?: string | null;
  /** Environment variables templates may read; default the list set last (`MAGNETO_*`). */
  templateEnvAllowList?: readonly string[];
}

export interface CaCertificateInfo {
  pem: string;
  commonName: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  spkiFingerprintSha256Base64: string;
}

export class ProxyService {
  /** Mode and cassette chosen while stopped, used by the next start. */
  private pending: { mode: RecordMode; cassette: string | null } = {
    mode: 'auto',
    cassette: null,
  };
  /** Given to the engine at each start, and on change while it runs. */
  private envAllowList: readonly string[] = DEFAULT_ENV_ALLOW_LIST;
  private ca: Promise<CertificateAuthority> | undefined;

  constructor(
    private readonly config: StudioConfig,
    private readonly library: CassetteLibrary,
    private readonly engine: ProxyEngineSurface | undefined,
  ) {}

  get available(): boolean {
    return this.engine !== undefined;
  }

  status(): ProxyStatusView {
    const status = this.engine?.status() ?? stoppedStatus();
    const templateEnvAllowList = [...this.envAllowList];
    if (status.running) return { ...status, available: true, templateEnvAllowList };
    return {
      ...status,
      ...this.pending,
      available: this.engine !== undefined,
      templateEnvAllowList,
    };
  }

  async start(draft: StartProxyDraft = {}): Promise<ProxyStatusView> {
    const engine = this.requireEngine();
    const envAllowList =
      draft.templateEnvAllowList === undefined
        ? this.envAllowList
        : templateEnvAllowListOf(draft.templateEnvAllowList);
    await this.attempt('start', () =>
      engine.start({
        dataDir: this.config.dataDir,
        host: this.config.proxyHost,
        store: this.library,
        port: draft.port ?? this.config.proxyPort,
        mode: draft.mode ?? this.pending.mode,
        cassette: draft.cassetteName === undefined ? this.pending.cassette : draft.cassetteName,
        target: draft.target ?? null,
        templateEnvAllowList: [...envAllowList],
      }),
    );
    this.envAllowList = envAllowList;
    return this.status();
  }

  async stop(): Promise<ProxyStatusView> {
    const engine = this.requireEngine();
    const { mode, cassette } = engine.status();
    await this.attempt('stop', () => engine.stop());
    if (engine.status().running === false) this.pending = { mode, cassette };
    return this.status();
  }

  /** Changes the mode (and the cassette, when given) now if running, else for the next start. */
  async setMode(mode: RecordMode, cassette?: string | null): Promise<ProxyStatusView> {
    const engine = this.requireEngine();
    const next = { mode, cassette: cassette === undefined ? this.pending.cassette : cassette };
    if (engine.status().running) {
      const changes = cassette === undefined ? { mode } : { mode, cassette };
      await this.attempt('reconfigure', () => engine.reconfigure(changes));
    } else {
      this.pending = next;
    }
    return this.status();
  }

  /**
   * Sets the environment variables response templates may read (`[]`: none), at once when running,
   * else for the next start.
   */
  async setTemplateEnvAllowList(patterns: readonly string[]): Promise<ProxyStatusView> {
    const engine = this.requireEngine();
    const envAllowList = templateEnvAllowListOf(patterns);
    if (engine.status().running) {
      await this.attempt('reconfigure', () =>
        engine.reconfigure({ templateEnvAllowList: [...envAllowList] }),
      );
    }
    this.envAllowList = envAllowList;
    return this.status();
  }

  /** The studio's CA certificate (created on first use), never its key. */
  async caCertificate(): Promise<CaCertificateInfo> {
    const ca = await (this.engine?.certificateAuthority ??
      (this.ca ??= loadOrCreateCertificateAuthority(this.config.dataDir)));
    return {
      pem: ca.certificatePem,
      commonName: ca.commonName,
      notBefore: ca.notBefore.toISOString(),
      notAfter: ca.notAfter.toISOString(),
      sha256Fingerprint: ca.sha256Fingerprint,
      spkiFingerprintSha256Base64: ca.spkiFingerprintSha256Base64,
    };
  }

  /** Calls `listener` for every exchange; returns the function that stops it. */
  onExchange(listener: (event: ExchangeEvent) => void): () => void {
    const engine = this.engine;
    if (engine === undefined) return () => undefined;
    engine.on('exchange', listener);
    return () => engine.off('exchange', listener);
  }

  /** Exchanges from now on, optionally only those of one cassette. */
  traffic(cassetteName?: string): AsyncIterableIterator<ExchangeEvent> {
    return eventStream<ExchangeEvent>((push) =>
      this.onExchange((event) => {
        if (cassetteName === undefined || event.cassette === cassetteName) push(event);
      }),
    );
  }

  private requireEngine(): ProxyEngineSurface {
    if (this.engine === undefined) {
      throw new ServiceError('PROXY_UNAVAILABLE', 'This studio runs without a proxy engine.');
    }
    return this.engine;
  }

  /** Runs an engine call; option errors pass as they are, others become `PROXY_FAILED`. */
  private async attempt(action: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof EngineOptionsError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServiceError(
        'PROXY_FAILED',
        `Could not ${action} the proxy: ${reason}`,
        {},
        {
          cause: error,
        },
      );
    }
  }
}
