/**
 * Starts the engine worker from wherever this code runs: bundled (electron.vite.config.ts and
 * scripts/build-headless.mjs emit `proxy-engine-worker.mjs` beside the main bundle), or from the
 * TypeScript sources (vitest, tsx). The custom-helper sandbox finds its worker the same way
 * (proxy/templating/custom/sandbox-worker-script.ts).
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startScriptWorker } from '../../support/script-worker';

const BUNDLED_ENTRY = './proxy-engine-worker.mjs';
const SOURCE_ENTRY = './engine-worker-from-source.mjs';

export function startEngineWorker(options: WorkerOptions): Worker {
  return startScriptWorker(
    import.meta.url,
    { bundled: BUNDLED_ENTRY, source: SOURCE_ENTRY },
    options,
  );
}
