/**
 * A `WorkerProxyEngine` on a real cassette library (temporary folders, SQLite index), a local
 * upstream, and what the engine reports; everything is closed when the test ends.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Cassette } from '../../../proxy/cassette/cassette.model';
import type { CassetteStore } from '../../../proxy/engine/cassette-store';
import type { EngineOptions } from '../../../proxy/engine/engine-options';
import type { ExchangeEvent, ProxyStatus } from '../../../proxy/engine/engine.model';
import { WorkerProxyEngine } from '../../../proxy/engine/worker/worker-proxy-engine';
import { CassetteLibrary } from '../../../src-main/library/library';
import { proxyRequest, type ProxyResponse } from '../engine/helpers/proxy-request';
import { startHttpUpstream, type Upstream } from '../engine/helpers/servers';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface WorkerHarness {
  root: string;
  cassetteDir: string;
  dataDir: string;
  library: CassetteLibrary;
  engine: WorkerProxyEngine;
  /** Answers `<method> <path>` with `reply <n>` (n counts the requests it got). */
  upstream: Upstream;
  events: ExchangeEvent[];
  errors: Error[];
  statuses: ProxyStatus[];
  /** Starts the engine on a free port with the library as its store (unless one is given). */
  start(options?: Partial<EngineOptions>): Promise<ProxyStatus>;
  /** GET `path` from the upstream through the proxy. */
  get(path: string): Promise<ProxyResponse>;
}

export async function openWorkerHarness(): Promise<WorkerHarness> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-engine-worker-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  const library = await CassetteLibrary.open({ cassetteDir, dataDir, watch: false });
  cleanups.push(() => library.close());
  const upstream = await startHttpUpstream((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`reply ${upstream.hits} to ${req.method} ${req.url}`);
  });
  cleanups.push(() => upstream.close());
  const engine = new WorkerProxyEngine();
  cleanups.push(() => engine.stop());
  const events: ExchangeEvent[] = [];
  const errors: Error[] = [];
  const statuses: ProxyStatus[] = [];
  engine.on('exchange', (event) => events.push(event));
  engine.on('error', (error) => errors.push(error));
  engine.on('status', (status) => statuses.push(status));
  return {
    root,
    cassetteDir,
    dataDir,
    library,
    engine,
    upstream,
    events,
    errors,
    statuses,
    start: (options = {}) =>
      engine.start({ port: 0, dataDir, store: library, flushIntervalMs: 20, ...options }),
    get: (target) => {
      const port = engine.status().port;
      if (port === null) throw new Error('the engine is not running');
      return proxyRequest(port, { url: `${upstream.origin}${target}` });
    },
  };
}

/** The library, with each recording save's interactions kept (to check what the store was given). */
export function watchedStore(library: CassetteLibrary): CassetteStore & {
  recordings: Cassette[];
} {
  const recordings: Cassette[] = [];
  return {
    recordings,
    load: (name) => library.load(name),
    save: (cassette) => library.save(cassette),
    saveRecording: (cassette) => {
      recordings.push(cassette);
      return library.saveRecording(cassette);
    },
  };
}
