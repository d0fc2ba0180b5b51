/**
 * The sandbox worker's entry: loads QuickJS once, keeps the checked helpers and runs one request at
 * a time. The engine kills this thread when a call outlives its limit, so a helper stuck in a slow
 * built-in (which QuickJS's own deadline only sees between steps) cannot hold the engine up.
 * Bundled as `quickjs-worker.mjs` beside the headless CLI (scripts/build-headless.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  callInSandbox,
  checkSandboxCode,
  loadSandbox,
  SandboxBrokenError,
} from './quickjs-sandbox';
import type {
  CallRequest,
  DefineRequest,
  SandboxReply,
  SandboxRequest,
  WorkerStart,
} from './sandbox-protocol';
import { signalReady, signalReply, signalStarted } from './sync-channel';

const { port, signal, wasmModule, helpers: initial } = workerData as WorkerStart;
const helpers = new Map(initial.map((helper) => [helper.name, helper]));

function run(request: DefineRequest | CallRequest): string {
  if (request.kind === 'define') {
    const { name, code, limits } = request;
    checkSandboxCode(code, limits);
    helpers.set(name, { name, code, limits });
    return 'null';
  }
  const helper = helpers.get(request.name);
  if (helper === undefined) throw new Error(`no custom helper is named "${request.name}"`);
  const limits = { ...helper.limits, timeoutMs: request.timeoutMs };
  return callInSandbox(helper.code, request.argsJson, request.contextJson, limits);
}

function reply(request: DefineRequest | CallRequest): SandboxReply {
  try {
    return { id: request.id, ok: true, json: run(request) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      id: request.id,
      ok: false,
      error: message,
      broken: error instanceof SandboxBrokenError,
    };
  }
}

await loadSandbox(wasmModule);
port.on('message', (request: SandboxRequest) => {
  if (request.kind === 'forget') {
    helpers.delete(request.name);
    return;
  }
  signalStarted(signal, request.id);
  port.postMessage(reply(request));
  signalReply(signal);
});
signalReady(signal);
parentPort?.postMessage('ready');
