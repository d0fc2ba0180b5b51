/**
 * The proxy engine under load, against a raw Node server answering the same 1,000 ~1 KB JSON bodies
 * from memory in the same run: reverse-proxy and forward-proxy replay, HTTPS replay through CONNECT
 * interception, templated against untemplated replay, recording, and the memory of a
 * 100,000-interaction replay. Everything runs on 127.0.0.1; the load generator and the servers
 * compared with run in processes of their own.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DirectoryCassetteStore } from '../proxy/engine/directory-cassette-store';
import { ProxyEngine } from '../proxy/engine/proxy-engine';
import { loadOrCreateCertificateAuthority } from '../proxy/tls/certificate-authority';
import { LeafCertificateCache } from '../proxy/tls/leaf-certificates';
import type { BenchResult } from './bench-harness';
import { itemsCassette, PATHS } from './proxy/bench-data';
import { startRawServer, type HelperServer } from './proxy/helper-servers';
import { benchRecordThroughput } from './proxy/record-throughput';
import { benchReplayMemory } from './proxy/replay-memory';
import { benchReplayThroughput, REPLAY_HTTP, REPLAY_HTTPS } from './proxy/replay-throughput';
import { benchTemplatedReplay } from './proxy/templated-replay';

async function benchThroughput(
  dir: string,
  dataDir: string,
  rawHttp: HelperServer,
  rawHttps: HelperServer,
  caPem: string,
): Promise<BenchResult[]> {
  const store = new DirectoryCassetteStore(path.join(dir, 'cassettes'));
  await store.save(itemsCassette('replay', [REPLAY_HTTP, REPLAY_HTTPS], PATHS));
  const engine = new ProxyEngine();
  // A listener, as the studio always has one: the events are built as they would be.
  engine.on('exchange', () => undefined);
  const status = await engine.start({
    port: 0,
    dataDir,
    store,
    mode: 'replay',
    cassette: 'replay',
  });
  const enginePort = status.port ?? 0;
  try {
    const replay = await benchReplayThroughput({ engine, enginePort, rawHttp, rawHttps, caPem });
    const templated = await benchTemplatedReplay(engine, enginePort, store);
    return [...replay, templated, await benchRecordThroughput(engine, enginePort, rawHttp)];
  } finally {
    await engine.stop();
  }
}

export async function benchProxy(): Promise<BenchResult[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bench-proxy-'));
  const dataDir = path.join(dir, 'data');
  // The engine uses the CA of its data folder: one certificate for the client to trust.
  const ca = await loadOrCreateCertificateAuthority(dataDir);
  const leaf = await new LeafCertificateCache(ca).getCertificate('localhost');
  const servers: HelperServer[] = [];
  try {
    const rawHttp = await startRawServer();
    servers.push(rawHttp);
    const rawHttps = await startRawServer({ tls: leaf });
    servers.push(rawHttps);
    const results = await benchThroughput(dir, dataDir, rawHttp, rawHttps, ca.certificatePem);
    await Promise.all(servers.map((server) => server.stop()));
    process.stderr.write(' replay memory\n');
    results.push(await benchReplayMemory(dir, dataDir));
    return results;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await fs.rm(dir, { recursive: true, force: true });
  }
}
