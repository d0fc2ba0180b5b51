/**
 * Starts the engine worker from wherever this code runs: bundled (electron.vite.config.ts and
 * scripts/build-headless.mjs emit `proxy-engine-worker.mjs` beside the main bundle), or from the
 * TypeScript sources (vitest, tsx). The custom-helper sandbox finds its worker the same way
 * (proxy/templating/custom/sandbox-worker-script.ts).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

const BUNDLED_ENTRY = './proxy-engine-worker.mjs';
const SOURCE_ENTRY = './engine-worker-from-source.mjs';

export function startEngineWorker(options: WorkerOptions): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? SOURCE_ENTRY : BUNDLED_ENTRY, import.meta.url);
  // None of the parent's command-line flags: the worker needs none.
  return new Worker(entry, { ...options, execArgv: [] });
}
