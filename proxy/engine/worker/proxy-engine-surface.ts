/**
 * What the studio uses of a proxy engine: both `ProxyEngine` (in the caller's thread) and
 * `WorkerProxyEngine` (in a worker thread) have it, so the studio takes either.
 */
import type { TypedEmitter } from '../../support/typed-emitter';
import type { CertificateAuthority } from '../../tls/certificate-authority';
import type { EngineOptions, ReconfigureOptions } from '../engine-options';
import type { ProxyStatus } from '../engine.model';
import type { EngineEvents } from '../engine-emitter';

export interface ProxyEngineSurface extends TypedEmitter<EngineEvents> {
  /** The studio's CA while running. */
  readonly certificateAuthority: CertificateAuthority | undefined;
  start(options: EngineOptions): Promise<ProxyStatus>;
  stop(): Promise<void>;
  reconfigure(changes: ReconfigureOptions): Promise<ProxyStatus>;
  /** Synchronous: the last known status. */
  status(): ProxyStatus;
}
