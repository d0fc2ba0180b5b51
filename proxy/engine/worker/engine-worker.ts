/**
 * The engine worker's entry: a `ProxyEngine` in this thread, its cassette store in the studio's
 * (store-bridge-client.ts), its exchanges posted in batches, and the studio's custom helpers
 * registered here too. Bundled as `proxy-engine-worker.mjs` beside the main bundle
 * (electron.vite.config.ts, scripts/build-headless.mjs); started by worker-script.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { registerCustomHelper, removeCustomHelper } from '../../templating/custom/custom-helpers';
import type { CustomHelperDefinition } from '../../templating/custom/custom-helper-observers';
import type { ProxyStatus } from '../engine.model';
import { ProxyEngine } from '../proxy-engine';
import { transferError } from './error-transfer';
import { ExchangeBatcher } from './exchange-batcher';
import { StoreBridgeClient } from './store-bridge-client';
import type { WorkerCommand, WorkerNotice, WorkerStart } from './worker-protocol';

if (parentPort === null) throw new Error('engine-worker.ts runs in a worker thread only');
const port = parentPort;
const { storePort } = workerData as WorkerStart;

const engine = new ProxyEngine();
const store = new StoreBridgeClient(storePort);
const batcher = new ExchangeBatcher(
  (notice) => port.postMessage(notice),
  () => engine.status().counts,
);
/** Custom helper changes, one at a time and in order. */
let helpers: Promise<unknown> = Promise.resolve();

/** Posts a notice after the exchanges before it. */
function post(notice: WorkerNotice): void {
  batcher.flush();
  port.postMessage(notice);
}

engine.on('status', (status: ProxyStatus) => {
  store.forgetAllBut(status.running ? status.cassette : null);
  if (status.running) batcher.run();
  else batcher.halt();
  post({ kind: 'status', status });
});
engine.on('error', (error) => post({ kind: 'error', error: transferError(error) }));

function observe(observed: boolean): void {
  if (observed && engine.listenerCount('exchange') === 0) engine.on('exchange', batcher.add);
  if (!observed) engine.off('exchange', batcher.add);
}

function inOrder<T>(work: () => T | Promise<T>): Promise<T> {
  const run = helpers.then(work, work);
  helpers = run.catch(() => undefined);
  return run;
}

function defineHelper({ name, code, description, limits }: CustomHelperDefinition) {
  return inOrder(() => registerCustomHelper(name, code, description, limits));
}

/** Registers the studio's helpers; one that fails here is reported, the engine starts anyway. */
async function defineAll(definitions: CustomHelperDefinition[]): Promise<void> {
  for (const helper of definitions) {
    await defineHelper(helper).catch((error: unknown) =>
      post({ kind: 'error', error: transferError(error) }),
    );
  }
}

async function run(command: Exclude<WorkerCommand, { kind: 'observe' }>) {
  switch (command.kind) {
    case 'start':
      observe(command.observed);
      await defineAll(command.helpers);
      return engine.start({ ...command.options, store });
    case 'stop':
      return void (await engine.stop());
    case 'reconfigure':
      return engine.reconfigure(command.changes);
    case 'define-helper':
      return void (await defineHelper(command.helper));
    case 'remove-helper':
      return void (await inOrder(() => removeCustomHelper(command.name)));
  }
}

port.on('message', (command: WorkerCommand) => {
  if (command.kind === 'observe') return observe(command.observed);
  run(command).then(
    (status) => post({ kind: 'reply', id: command.id, ok: true, ...(status && { status }) }),
    (error: unknown) =>
      post({ kind: 'reply', id: command.id, ok: false, error: transferError(error) }),
  );
});
