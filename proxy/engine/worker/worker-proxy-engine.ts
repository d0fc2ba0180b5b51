/**
 * The proxy engine in a worker thread, with `ProxyEngine`'s surface: the proxy's traffic never
 * waits for, nor holds up, the studio's event loop (its API). The cassette store stays in this
 * thread; `status()` is a mirror of the worker's, and exchanges come in batches, re-emitted one by
 * one in order. Options that are functions (`upstreamLookup`, a `webSocketHandler`) cannot cross
 * threads: they need `ProxyEngine`. See proxy/engine/README.md, "Engine in a worker thread".
 */
import type { EventEmitter } from 'node:events';
import type { ResourceLimits } from 'node:worker_threads';
import {
  customHelperDefinitions,
  observeCustomHelpers,
  type CustomHelperChange,
} from '../../templating/custom/custom-helper-observers';
import {
  loadOrCreateCertificateAuthority,
  type CertificateAuthority,
} from '../../tls/certificate-authority';
import {
  EngineOptionsError,
  resolveEngineOptions,
  type EngineOptions,
  type ReconfigureOptions,
} from '../engine-options';
import type { ProxyStatus } from '../engine.model';
import type { CassetteStore } from '../cassette-store';
import { EngineEmitter } from '../engine-emitter';
import { EngineThread } from './engine-thread';
import { ErrorKeeper, reviveError } from './error-transfer';
import { stoppedStatus } from '../stopped-status';
import type { ProxyEngineSurface } from './proxy-engine-surface';
import type { WorkerEngineOptions, WorkerNotice } from './worker-protocol';

/**
 * The store (it stays here) and the options that cross to the worker; functions are refused with a
 * clear error.
 */
function splitOptions(options: EngineOptions): {
  store: CassetteStore;
  transferable: WorkerEngineOptions;
} {
  const { store, upstreamLookup, webSocketHandler, ...rest } = options;
  const refused = [
    ...(upstreamLookup === undefined ? [] : ['upstreamLookup']),
    ...(webSocketHandler === undefined || webSocketHandler === null ? [] : ['webSocketHandler']),
  ];
  if (refused.length > 0) {
    throw new EngineOptionsError(
      `Invalid proxy engine options:\n${refused
        .map(
          (key) => `  ${key}: a function cannot reach the engine's worker thread (use ProxyEngine)`,
        )
        .join('\n')}`,
    );
  }
  return { store, transferable: webSocketHandler === null ? { ...rest, webSocketHandler } : rest };
}

export class WorkerProxyEngine extends EngineEmitter implements ProxyEngineSurface {
  private thread: EngineThread | undefined;
  private mirror = stoppedStatus();
  private ca: CertificateAuthority | undefined;
  private observed = false;
  private stopObservingHelpers: (() => void) | undefined;
  private readonly errors = new ErrorKeeper();

  /**
   * `resourceLimits`: the worker's heap and stack sizes. A worker that passes them dies (reported
   * like any crash) and the studio goes on.
   */
  constructor(private readonly options: { resourceLimits?: ResourceLimits } = {}) {
    super();
    const emitter = this as unknown as EventEmitter;
    emitter.on('newListener', (event) => event === 'exchange' && this.observe(true));
    emitter.on('removeListener', (event) => {
      if (event === 'exchange') this.observe(this.listenerCount('exchange') > 0);
    });
  }

  get certificateAuthority(): CertificateAuthority | undefined {
    return this.mirror.running ? this.ca : undefined;
  }

  status(): ProxyStatus {
    return { ...this.mirror, counts: { ...this.mirror.counts } };
  }

  /**
   * Starts the worker thread now, idle (it does not keep the process alive), so that `start()`
   * finds its modules loaded. `stop()` ends it.
   */
  prepare(): void {
    this.thread ??= this.spawn();
  }

  /** Starts the worker (unless one is ready or left) and the engine in it. */
  start(options: EngineOptions): Promise<ProxyStatus> {
    return this.serialise(async () => {
      if (this.mirror.running) throw new Error('The proxy engine is already running.');
      const { store, transferable } = splitOptions(options);
      const { fixed } = resolveEngineOptions(options);
      // A worker with a store already is one left by a stop that could not save everything.
      const holding = this.thread?.host.store;
      if (holding !== undefined && holding !== store) {
        throw new Error(
          'The proxy engine still holds recordings it could not save: call stop() again first.',
        );
      }
      // The worker loads its modules meanwhile; it reads the CA once told to start.
      const thread = this.thread ?? this.spawn();
      thread.host.store = store;
      try {
        this.ca = await loadOrCreateCertificateAuthority(fixed.dataDir);
        await thread.call({
          kind: 'start',
          options: transferable,
          helpers: customHelperDefinitions(),
          observed: this.observed,
        });
      } catch (error) {
        // A worker kept for recordings it could not save stays (stop() tries them again).
        if (holding === undefined && this.thread === thread) await this.end(thread);
        throw error;
      }
      thread.keepAlive(true);
      return this.status();
    });
  }

  /**
   * Stops the engine (every recording saved, every exchange event delivered), then its worker.
   * When recordings could not be saved, rejects and keeps the worker: `stop()` again tries again.
   */
  stop(): Promise<void> {
    return this.serialise(async () => {
      const thread = this.thread;
      if (thread === undefined) return;
      try {
        await thread.call({ kind: 'stop' });
      } finally {
        thread.keepAlive(false);
      }
      await this.end(thread);
    });
  }

  reconfigure(changes: ReconfigureOptions): Promise<ProxyStatus> {
    return this.serialise(async () => {
      const thread = this.thread;
      if (thread === undefined || !this.mirror.running) {
        throw new Error('The proxy engine is not running.');
      }
      await thread.call({ kind: 'reconfigure', changes });
      return this.status();
    });
  }

  private spawn(): EngineThread {
    const thread: EngineThread = new EngineThread(
      this.errors,
      {
        notice: (notice) => this.receive(thread, notice),
        crashed: (error) => this.crashed(thread, error),
      },
      this.options.resourceLimits,
    );
    this.thread = thread;
    thread.keepAlive(false);
    this.stopObservingHelpers = observeCustomHelpers((change) => this.forward(thread, change));
    return thread;
  }

  private async end(thread: EngineThread): Promise<void> {
    this.forget(thread);
    await thread.end();
  }

  private forget(thread: EngineThread): void {
    if (this.thread !== thread) return;
    this.thread = undefined;
    this.stopObservingHelpers?.();
    this.stopObservingHelpers = undefined;
  }

  /** Custom helpers registered or removed in this thread, registered or removed in the worker. */
  private async forward(thread: EngineThread, change: CustomHelperChange): Promise<void> {
    try {
      await thread.call(
        change.kind === 'defined'
          ? { kind: 'define-helper', helper: change.helper }
          : { kind: 'remove-helper', name: change.name },
      );
    } catch (error) {
      if (this.thread === thread) this.emitError(error);
    }
  }

  private receive(thread: EngineThread, notice: Exclude<WorkerNotice, { kind: 'reply' }>): void {
    switch (notice.kind) {
      case 'exchanges':
        this.mirror.counts = notice.counts;
        for (const event of notice.events) this.deliver(event);
        return;
      case 'status':
        this.mirror = notice.status;
        thread.host.forgetAllBut(notice.status.running ? notice.status.cassette : null);
        thread.keepAlive(notice.status.running);
        this.announce();
        return;
      case 'error':
        return this.emitError(reviveError(notice.error, this.errors.find));
    }
  }

  /** The worker died: its calls failed already; say so, and start afresh next time. */
  private crashed(thread: EngineThread, error: Error): void {
    if (this.thread !== thread) return;
    this.forget(thread);
    const wasRunning = this.mirror.running;
    this.mirror = stoppedStatus(this.mirror.counts);
    this.emitError(error);
    if (wasRunning) this.announce();
  }

  private observe(observed: boolean): void {
    if (observed === this.observed) return;
    this.observed = observed;
    this.thread?.tell({ kind: 'observe', observed });
  }
}
