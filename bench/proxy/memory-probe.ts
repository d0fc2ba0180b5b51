/**
 * A process of its own running a replaying engine, so that its memory is the engine's alone. First
 * IPC message: where the cassette is; answers `ProbeStarted` once listening. Any later message:
 * answers `MemoryFigures` (peak = VmHWM, the most the process ever held).
 */
import { readFile } from 'node:fs/promises';
import { DirectoryCassetteStore } from '../../proxy/engine/directory-cassette-store';
import { ProxyEngine } from '../../proxy/engine/proxy-engine';
import { endWithParent } from './child-script';

export interface MemoryProbeRequest {
  cassetteDir: string;
  cassette: string;
  dataDir: string;
  target: string;
}

export interface MemoryFigures {
  rssMb: number;
  /** After a full garbage collection: what the engine keeps, without garbage not yet collected. */
  rssAfterGcMb: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;

async function figures(): Promise<MemoryFigures> {
  const status = await readFile('/proc/self/status', 'utf8');
  const peakKb = Number(/^VmHWM:\s*(\d+)\s*kB/m.exec(status)?.[1] ?? Number.NaN);
  const rssMb = process.memoryUsage.rss() / MB;
  // Started with --expose-gc (see replay-memory.ts).
  (globalThis as { gc?: () => void }).gc?.();
  return { rssMb, rssAfterGcMb: process.memoryUsage.rss() / MB, peakRssMb: (peakKb * 1024) / MB };
}

export interface ProbeStarted {
  port: number;
  /** RSS before the engine started, and once it had loaded the cassette. */
  emptyRssMb: number;
  rssMb: number;
  /** How long starting the engine (loading the cassette) took. */
  loadMs: number;
}

async function start(request: MemoryProbeRequest): Promise<ProbeStarted> {
  const emptyRssMb = process.memoryUsage.rss() / MB;
  const started = performance.now();
  const engine = new ProxyEngine();
  const status = await engine.start({
    port: 0,
    dataDir: request.dataDir,
    store: new DirectoryCassetteStore(request.cassetteDir, { storage: 'msgpack' }),
    mode: 'replay',
    cassette: request.cassette,
    target: request.target,
  });
  return {
    port: status.port ?? 0,
    emptyRssMb,
    rssMb: process.memoryUsage.rss() / MB,
    loadMs: performance.now() - started,
  };
}

endWithParent();
let started = false;
process.on('message', (request: MemoryProbeRequest) => {
  const answer = started ? figures() : start(request);
  started = true;
  answer.then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
