/**
 * Memory of an engine replaying a 100,000-interaction cassette (MessagePack), measured in a
 * process of its own after loading the cassette and serving a fixed number of requests.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeForStorage } from '../../proxy/cassette/formats/registry';
import type { BenchResult } from '../bench-harness';
import { itemsCassette, itemTargets } from './bench-data';
import { ChildScript } from './child-script';
import type { MemoryFigures, MemoryProbeRequest, ProbeStarted } from './memory-probe';
import { runLoad } from './run-load';

const INTERACTIONS = 100_000;
const REQUESTS = 20_000;
const ORIGIN = 'http://replay.test';
const START_TIMEOUT_MS = 120_000;

const mb = (value: number): string => `${value.toFixed(0)} MB`;

export async function benchReplayMemory(dir: string, dataDir: string): Promise<BenchResult> {
  const cassette = itemsCassette('memory', [ORIGIN], INTERACTIONS);
  const bytes = encodeForStorage(cassette, 'msgpack');
  await writeFile(path.join(dir, 'memory.msgpack'), bytes);
  const probe = new ChildScript('./memory-probe.ts', ['--expose-gc']);
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
    return {
      name: `replay 100,000-interaction cassette (msgpack ${(bytes.length / 1e6).toFixed(0)} MB): peak RSS`,
      value: memory.peakRssMb,
      unit: 'MB',
      target: { op: '<=', value: 300 },
      baseline:
        `RSS ${mb(loaded.emptyRssMb)} before loading, ${mb(loaded.rssMb)} once loaded, ` +
        `${mb(memory.rssMb)} after ${load.requests} replays (${load.errors} errors, ` +
        `${load.requestsPerSecond.toFixed(0)} req/s), ${mb(memory.rssAfterGcMb)} after a full GC`,
    };
  } finally {
    await probe.stop();
  }
}
