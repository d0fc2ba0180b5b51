/**
 * Starts the sandbox worker from wherever this code runs: bundled (scripts/build-headless.mjs emits
 * `quickjs-worker.mjs` beside the bundle), or from the TypeScript sources (vitest, tsx).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

const BUNDLED_ENTRY = './quickjs-worker.mjs';
const SOURCE_ENTRY = './quickjs-worker-from-source.mjs';

export function startSandboxWorker(options: WorkerOptions): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? SOURCE_ENTRY : BUNDLED_ENTRY, import.meta.url);
  // None of the parent's command-line flags: the worker needs none.
  return new Worker(entry, { ...options, execArgv: [] });
}
