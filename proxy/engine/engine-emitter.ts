/**
 * What both engines share (in this thread, `ProxyEngine`, and in a worker thread,
 * `WorkerProxyEngine`): their typed events, delivered so that a listener that throws becomes an
 * `error` event rather than the engine's failure, and start, stop and reconfigure run one at a time.
 */
import { EventEmitter } from 'node:events';
import { asError } from '../support/as-error';
import type { TypedEmitter } from '../support/typed-emitter';
import type { ExchangeEvent, ProxyStatus } from './engine.model';

export type EngineEvents = {
  /** One per exchange: an HTTP request/response, a blind tunnel, or a WebSocket session. */
  exchange: (event: ExchangeEvent) => void;
  /** Background failures (a recording that could not be saved). Never thrown when unlistened. */
  error: (error: Error) => void;
  /** After start, stop and each reconfigure. */
  status: (status: ProxyStatus) => void;
};

export abstract class EngineEmitter extends (EventEmitter as new () => TypedEmitter<EngineEvents>) {
  private transition: Promise<unknown> = Promise.resolve();

  abstract status(): ProxyStatus;

  /** Emits an exchange event. */
  protected deliver(event: ExchangeEvent): void {
    try {
      this.emit('exchange', event);
    } catch (error) {
      this.emitError(error);
    }
  }

  /** Emits the status, and returns it. */
  protected announce(): ProxyStatus {
    const status = this.status();
    try {
      this.emit('status', status);
    } catch (error) {
      this.emitError(error);
    }
    return status;
  }

  protected emitError(error: unknown): void {
    if (this.listenerCount('error') === 0) return;
    this.emit('error', asError(error));
  }

  /** Runs start, stop and reconfigure one at a time. */
  protected serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.transition.then(work, work);
    this.transition = run.catch(() => undefined);
    return run;
  }
}
