/**
 * Starts the sandbox worker from wherever this code runs: bundled (scripts/build-headless.mjs emits
 * `quickjs-worker.mjs` beside the bundle), or from the TypeScript sources (vitest, tsx).
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startScriptWorker } from '../../support/script-worker';

const BUNDLED_ENTRY = './quickjs-worker.mjs';
const SOURCE_ENTRY = './quickjs-worker-from-source.mjs';

export function startSandboxWorker(options: WorkerOptions): Worker {
  return startScriptWorker(
    import.meta.url,
    { bundled: BUNDLED_ENTRY, source: SOURCE_ENTRY },
    options,
  );
}
