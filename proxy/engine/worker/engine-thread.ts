/**
 * One engine worker seen from the studio's thread: started with its cassette store's channel,
 * commands sent and their replies awaited, notices passed on, and its end (asked for or not).
 */
import { MessageChannel } from 'node:worker_threads';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { ProxyStatus } from '../engine.model';
import { reviveError, type ErrorKeeper } from './error-transfer';
import { PendingReplies } from './pending-replies';
import { StoreBridgeHost } from './store-bridge-host';
import type { WorkerCommand, WorkerNotice, WorkerStart } from './worker-protocol';
import { startEngineWorker } from './worker-script';

/**
 * Exchange events re-emitted in one go at most: a batch of more waits for the next turn of the
 * event loop for the rest, so that the studio's API is not held up for long by a large batch.
 */
export const EMIT_SLICE = 128;

/** A command without its id (given when sent). */
export type CommandDraft = WorkerCommand extends infer C
  ? C extends { id: number }
    ? Omit<C, 'id'>
    : never
  : never;

export interface EngineThreadEvents {
  /** Every notice but replies, in order. */
  notice(notice: Exclude<WorkerNotice, { kind: 'reply' }>): void;
  /** The thread ended without being asked to (`reason` says how). */
  crashed(reason: Error): void;
}

export class EngineThread {
  readonly host: StoreBridgeHost;
  private readonly worker: Worker;
  private readonly pending = new PendingReplies<ProxyStatus | undefined>();
  private ending = false;
  private failure: Error | undefined;
  /** The engine in the worker runs. */
  private serving = false;
  /** Notices not delivered yet, in order (behind the rest of a large batch of exchanges). */
  private readonly queue: WorkerNotice[] = [];
  private draining = false;

  constructor(
    private readonly errors: ErrorKeeper,
    private readonly events: EngineThreadEvents,
    resourceLimits: ResourceLimits | undefined,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.host = new StoreBridgeHost(port1, errors);
    // The store's channel never keeps the process alive: the worker does, while it has to.
    port1.unref();
    const workerData: WorkerStart = { storePort: port2 };
    this.worker = startEngineWorker({ workerData, transferList: [port2], resourceLimits });
    this.worker.on('message', (notice: WorkerNotice) => {
      this.queue.push(notice);
      if (!this.draining) this.drain();
    });
    this.worker.on('error', (error) => (this.failure ??= error));
    this.worker.once('exit', (code) => this.exited(code));
  }

  /** Sends a command; settles with its reply (rejects with the worker's error, or its crash). */
  call(draft: CommandDraft): Promise<ProxyStatus | undefined> {
    const { id, reply } = this.pending.open();
    try {
      this.worker.postMessage({ ...draft, id } as WorkerCommand);
    } catch (error) {
      this.pending.reject(id, error as Error);
    }
    this.holdProcess();
    return reply;
  }

  /** A command that gets no reply. */
  tell(command: Extract<WorkerCommand, { kind: 'observe' }>): void {
    this.worker.postMessage(command);
  }

  /** Whether the engine in the worker serves: the worker then keeps the process alive. */
  keepAlive(serving: boolean): void {
    this.serving = serving;
    this.holdProcess();
  }

  /** Ends the thread (once the engine in it has stopped). */
  async end(): Promise<void> {
    this.ending = true;
    this.host.close();
    await this.worker.terminate();
  }

  /** Delivers the queued notices, at most EMIT_SLICE exchanges per turn of the event loop. */
  private drain(): void {
    let budget = EMIT_SLICE;
    for (let notice = this.queue[0]; notice !== undefined; notice = this.queue[0]) {
      if (notice.kind === 'exchanges' && notice.events.length > budget) {
        this.deliver({ ...notice, events: notice.events.splice(0, budget) });
        this.draining = true;
        setImmediate(() => this.drain());
        return;
      }
      this.queue.shift();
      if (notice.kind === 'exchanges') budget -= notice.events.length;
      this.deliver(notice);
    }
    this.draining = false;
  }

  private deliver(notice: WorkerNotice): void {
    if (notice.kind !== 'reply') return this.events.notice(notice);
    if (notice.ok) this.pending.resolve(notice.id, notice.status);
    else this.pending.reject(notice.id, reviveError(notice.error, this.errors.find));
    this.holdProcess();
  }

  /** The worker keeps the process alive while it serves or a command is under way. */
  private holdProcess(): void {
    if (this.serving || this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  private exited(code: number): void {
    this.host.close();
    // What the worker said before it ended comes first.
    for (const notice of this.queue.splice(0)) this.deliver(notice);
    if (this.ending) return;
    const reason = this.failure?.message ?? `its thread exited with code ${code}`;
    const error = new Error(`The proxy engine's worker thread stopped unexpectedly: ${reason}`, {
      cause: this.failure,
    });
    this.pending.rejectAll(error);
    this.events.crashed(error);
  }
}
