/**
 * Memory of an engine replaying a 100,000-interaction cassette (MessagePack), measured in a
 * process of its own after loading the cassette and serving a fixed number of requests. The
 * process runs the engine bundled as the headless `magneto` is (plain Node: the figure with the
 * target), then once more under the TypeScript loader (tsx, which takes memory of its own), for
 * comparison.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeForStorage } from '../../proxy/cassette/formats/registry';
import type { BenchResult } from '../bench-harness';
import { itemsCassette, itemTargets } from './bench-data';
import { bundleScript } from './bundled-script';
import { ChildScript } from './child-script';
import type { MemoryFigures, MemoryProbeRequest, ProbeStarted } from './memory-probe';
import { runLoad } from './run-load';

const INTERACTIONS = 100_000;
const REQUESTS = 20_000;
const ORIGIN = 'http://replay.test';
const START_TIMEOUT_MS = 120_000;

const mb = (value: number): string => `${value.toFixed(0)} MB`;

interface ProbeRun {
  loaded: ProbeStarted;
  memory: MemoryFigures;
  note: string;
}

/** Starts the probe on the cassette of `dir`, replays `REQUESTS` requests, reads its memory. */
async function probeReplay(probe: ChildScript, dir: string, dataDir: string): Promise<ProbeRun> {
  try {
    const request: MemoryProbeRequest = {
      cassetteDir: dir,
      cassette: 'memory',
      dataDir,
      target: ORIGIN,
    };
    const loaded = await probe.ask<ProbeStarted>(request, START_TIMEOUT_MS);
    const load = await runLoad({
      host: '127.0.0.1',
      port: loaded.port,
      hostHeader: `127.0.0.1:${loaded.port}`,
      targets: itemTargets(INTERACTIONS),
      connections: 50,
      warmupMs: 0,
      durationMs: 30_000,
      maxRequests: REQUESTS,
    });
    const memory = await probe.ask<MemoryFigures>({}, START_TIMEOUT_MS);
    const note =
      `RSS ${mb(loaded.emptyRssMb)} before loading, ${mb(loaded.rssMb)} once loaded ` +
      `(${(loaded.loadMs / 1000).toFixed(1)} s), ${mb(memory.rssMb)} after ${load.requests} ` +
      `replays (${load.errors} errors, ${load.requestsPerSecond.toFixed(0)} req/s), ` +
      `${mb(memory.rssAfterGcMb)} after a full GC`;
    return { loaded, memory, note };
  } finally {
    await probe.stop();
  }
}

export async function benchReplayMemory(dir: string, dataDir: string): Promise<BenchResult> {
  const cassette = itemsCassette('memory', [ORIGIN], INTERACTIONS);
  const bytes = encodeForStorage(cassette, 'msgpack');
  await writeFile(path.join(dir, 'memory.msgpack'), bytes);
  const bundle = await bundleScript('./memory-probe.ts');
  const bundled = await probeReplay(new ChildScript(bundle, ['--expose-gc'], false), dir, dataDir);
  const underTsx = await probeReplay(
    new ChildScript('./memory-probe.ts', ['--expose-gc']),
    dir,
    dataDir,
  );
  return {
    name: `replay 100,000-interaction cassette (msgpack ${(bytes.length / 1e6).toFixed(0)} MB): peak RSS`,
    value: bundled.memory.peakRssMb,
    unit: 'MB',
    target: { op: '<=', value: 300 },
    baseline:
      `bundled engine on node: ${bundled.note}; under tsx: peak ${mb(underTsx.memory.peakRssMb)}, ` +
      underTsx.note,
  };
}
