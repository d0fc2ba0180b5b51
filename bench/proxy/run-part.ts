/**
 * One part of the proxy benchmark on its own, for working on it: `npx tsx bench/proxy/run-part.ts
 * record` (recording vs direct, ≈1 min) or `memory` (the 100,000-interaction replay's peak RSS).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DirectoryCassetteStore } from '../../proxy/engine/directory-cassette-store';
import { ProxyEngine } from '../../proxy/engine/proxy-engine';
import { loadOrCreateCertificateAuthority } from '../../proxy/tls/certificate-authority';
import { formatResults, type BenchResult } from '../bench-harness';
import { startRawServer } from './helper-servers';
import { benchRecordThroughput } from './record-throughput';
import { benchReplayMemory } from './replay-memory';

async function benchRecording(dir: string, dataDir: string): Promise<BenchResult[]> {
  const rawHttp = await startRawServer();
  const engine = new ProxyEngine();
  engine.on('exchange', () => undefined);
  try {
    const status = await engine.start({
      port: 0,
      dataDir,
      store: new DirectoryCassetteStore(path.join(dir, 'cassettes')),
      mode: 'record',
      cassette: 'recorded',
    });
    return [await benchRecordThroughput(engine, status.port ?? 0, rawHttp)];
  } finally {
    await engine.stop();
    await rawHttp.stop();
  }
}

const PARTS: Record<string, (dir: string, dataDir: string) => Promise<BenchResult[]>> = {
  record: benchRecording,
  memory: async (dir, dataDir) => {
    // As in the whole benchmark: the CA exists already, as it does after a studio's first run.
    await loadOrCreateCertificateAuthority(dataDir);
    return [await benchReplayMemory(dir, dataDir)];
  },
};

const part = PARTS[process.argv[2] ?? ''];
if (part === undefined) {
  throw new Error(`usage: run-part.ts ${Object.keys(PARTS).join('|')}`);
}
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bench-proxy-'));
try {
  console.log(formatResults(await part(dir, path.join(dir, 'data'))));
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
