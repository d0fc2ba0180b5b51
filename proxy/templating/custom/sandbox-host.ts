/**
 * The sandbox worker seen from the template engine. It starts with the first custom helper; each
 * request blocks for a bounded time only: for the worker to take it, then for the helper's limit
 * plus a small margin. A worker that outlives that is killed, whatever QuickJS is doing, and a
 * fresh one, holding every helper, starts at once so that the next call finds it warm.
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort, Worker } from 'node:worker_threads';
import { compileQuickJS } from './quickjs-wasm';
import { SandboxError, tooLongMessage } from './sandbox-limits';
import type {
  CallRequest,
  DefineRequest,
  HelperSource,
  SandboxReply,
  WorkerStart,
} from './sandbox-protocol';
import { startSandboxWorker } from './sandbox-worker-script';
import {
  isReady,
  newSignal,
  waitForMessage,
  waitUntilReady,
  waitUntilStarted,
} from './sync-channel';

/**
 * Time a started request may take beyond its limit before the worker is killed. QuickJS stops
 * plain code at the limit itself; this bounds what it cannot see (long built-ins), with room for a
 * busy machine's scheduling, since a needless kill costs a restart.
 */
const KILL_MARGIN_MS = 250;
/**
 * Least time the worker gets to take a request (to start, after a stop, or to be scheduled on a
 * busy machine). The helper's own limit counts from when it starts.
 */
const START_WAIT_MS = 1000;
/**
 * Time a definition may wait for the worker to take it: defining a helper is rare and not on the
 * replay path, so it gets room for a machine busy enough to delay a worker's first call.
 */
const DEFINE_WAIT_MS = 5000;
/** Request ids are the shared flag's 32-bit values. */
const MAX_ID = 0x7fffffff;

interface Running {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  wasmModule: WebAssembly.Module;
  /** Settles when the worker takes requests; rejects when it could not start. */
  ready: Promise<void>;
}

const isReply = (message: unknown): message is SandboxReply =>
  typeof message === 'object' && message !== null && 'id' in message;

export class SandboxHost {
  private readonly helpers = new Map<string, HelperSource>();
  /** Once a helper is defined, a worker is always running or starting, unless one could not. */
  private running: Running | undefined;
  /** Why the last worker could not start: calls fail with it until a helper is defined again. */
  private startFailure: string | undefined;
  private lastId = 0;

  /** Checks the helper's code in the worker, then keeps it. Throws `SandboxError`. */
  async define(source: HelperSource): Promise<void> {
    const wasmModule = await compileQuickJS();
    let running = this.running ?? this.start(wasmModule);
    // A stopped call may replace the worker meanwhile: wait for the one in place.
    while (!isReady(running.signal)) {
      await running.ready;
      running = this.running ?? this.start(wasmModule);
    }
    const request: DefineRequest = { kind: 'define', id: this.newId(), ...source };
    this.request(running, request, DEFINE_WAIT_MS);
    this.helpers.set(source.name, source);
  }

  forget(name: string): void {
    this.helpers.delete(name);
    this.running?.port.postMessage({ kind: 'forget', name });
  }

  /**
   * Calls a defined helper for at most `timeoutMs` and returns its result as JSON text. The worker
   * may take the render's time left (`renderLeftMs`, at least a second) to take the call, when it
   * is starting or the machine is busy. Throws `SandboxError`.
   */
  call(
    name: string,
    argsJson: string,
    contextJson: string,
    timeoutMs: number,
    renderLeftMs: number,
  ): string {
    const running = this.running;
    if (running === undefined) {
      throw new SandboxError(`the sandbox could not start: ${this.startFailure ?? 'no helper'}`);
    }
    const request: CallRequest = {
      kind: 'call',
      id: this.newId(),
      name,
      argsJson,
      contextJson,
      timeoutMs,
    };
    return this.request(running, request, Math.max(START_WAIT_MS, renderLeftMs));
  }

  private newId(): number {
    this.lastId = (this.lastId % MAX_ID) + 1;
    return this.lastId;
  }

  /** Sends a request and blocks for its reply: a worker too slow to take it or to answer is killed. */
  private request(running: Running, request: DefineRequest | CallRequest, startWaitMs: number) {
    const startBy = performance.now() + startWaitMs;
    if (!waitUntilReady(running.signal, startBy)) {
      throw new SandboxError('the sandbox is still starting (after a stopped helper); try again');
    }
    running.port.postMessage(request);
    if (!waitUntilStarted(running.signal, request.id, startBy)) {
      this.replace(running);
      throw new SandboxError(
        `the sandbox did not take the call within ${Math.round(startWaitMs)} ms and was restarted`,
      );
    }
    const timeoutMs = request.kind === 'call' ? request.timeoutMs : request.limits.timeoutMs;
    const reply = waitForMessage(
      running.port,
      running.signal,
      performance.now() + timeoutMs + KILL_MARGIN_MS,
      (message): message is SandboxReply => isReply(message) && message.id === request.id,
    );
    if (reply === undefined) {
      this.replace(running);
      throw new SandboxError(tooLongMessage(timeoutMs));
    }
    if (!reply.ok) {
      if (reply.broken) this.replace(running);
      throw new SandboxError(reply.error);
    }
    return reply.json;
  }

  private start(wasmModule: WebAssembly.Module): Running {
    const { port1, port2 } = new MessageChannel();
    const signal = newSignal();
    const helpers = [...this.helpers.values()];
    const workerData: WorkerStart = { port: port2, signal, wasmModule, helpers };
    const worker = startSandboxWorker({ workerData, transferList: [port2] });
    let error: string | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => {
        // A starting worker keeps the process alive (for whoever awaits it); an idle one does not.
        worker.unref();
        resolve();
      });
      worker.on('error', (thrown) => (error ??= thrown.message));
      worker.once('exit', (code) => {
        const reason = error ?? `its thread exited with code ${code}`;
        reject(new SandboxError(`the sandbox could not start: ${reason}`));
        this.exited(running, reason);
      });
    });
    // Only `define` waits for this; a failure is also kept in `startFailure`.
    ready.catch(() => undefined);
    const running: Running = { worker, port: port1, signal, wasmModule, ready };
    this.running = running;
    this.startFailure = undefined;
    return running;
  }

  /** Kills a worker (a hard stop, whatever it runs) and starts its replacement. */
  private replace(running: Running): void {
    if (this.running !== running) return;
    running.port.close();
    running.worker.terminate().catch(() => undefined);
    this.start(running.wasmModule);
  }

  /** A worker ended on its own: it crashed (start another) or could not start (say so). */
  private exited(running: Running, reason: string): void {
    if (this.running !== running) return;
    running.port.close();
    if (isReady(running.signal)) {
      this.start(running.wasmModule);
    } else {
      this.running = undefined;
      this.startFailure = reason;
    }
  }
}
