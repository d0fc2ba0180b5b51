/** What the template engine and the sandbox worker say to each other. */
import type { MessagePort } from 'node:worker_threads';
import type { SandboxLimits } from './sandbox-limits';

/** A custom helper as the worker keeps it: checked code and the limits it runs under. */
export interface HelperSource {
  name: string;
  code: string;
  limits: SandboxLimits;
}

/** The worker's `workerData`. */
export interface WorkerStart {
  /** Where requests arrive and replies go. */
  port: MessagePort;
  /** The shared flags of `sync-channel.ts`. */
  signal: Int32Array;
  /** QuickJS, compiled once for every worker (`quickjs-wasm.ts`). */
  wasmModule: WebAssembly.Module;
  /** Helpers already checked, registered again in a fresh worker. */
  helpers: HelperSource[];
}

/** Checks `code` and keeps it under `name` (replacing the one of that name). */
export interface DefineRequest extends HelperSource {
  kind: 'define';
  id: number;
}

/** Calls a helper with JSON arguments and context, for at most `timeoutMs`. */
export interface CallRequest {
  kind: 'call';
  id: number;
  name: string;
  argsJson: string;
  contextJson: string;
  timeoutMs: number;
}

/** Forgets a helper; no reply. */
export interface ForgetRequest {
  kind: 'forget';
  name: string;
}

export type SandboxRequest = DefineRequest | CallRequest | ForgetRequest;

export type SandboxReply =
  | { id: number; ok: true; json: string }
  | {
      id: number;
      ok: false;
      error: string;
      /** The worker's QuickJS instance broke: replace the worker. */
      broken: boolean;
    };
