/**
 * Starts a worker thread whose script sits beside the code that starts it: bundled (the builds emit
 * the worker's bundle next to the main one), or, when that code runs from the TypeScript sources
 * (vitest, tsx), an entry that loads the worker's TypeScript.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerEntries {
  /** The worker's bundle, beside the main bundle. */
  bundled: string;
  /** The entry that loads the worker from its TypeScript sources, beside the caller's source. */
  source: string;
}

/** `from`: the caller's `import.meta.url`, which the entries are relative to. */
export function startScriptWorker(
  from: string,
  entries: WorkerEntries,
  options: WorkerOptions,
): Worker {
  const entry = new URL(from.endsWith('.ts') ? entries.source : entries.bundled, from);
  // None of the parent's command-line flags: the worker needs none.
  return new Worker(entry, { ...options, execArgv: [] });
}
