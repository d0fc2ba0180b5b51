/**
 * The studio the API benchmark measures, built as the headless studio builds it (library following
 * its folder, proxy engine in its worker thread, services, API server) but with a rate limit no benchmark client
 * reaches: 1,000 cassettes, 999 synthetic ones of 5 to 24 interactions and the one the proxy
 * replays under load.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { encodeForStorage } from '../../proxy/cassette/formats/registry';
import type { ProxyEngineSurface } from '../../proxy/engine/worker/proxy-engine-surface';
import { WorkerProxyEngine } from '../../proxy/engine/worker/worker-proxy-engine';
import { resolveStudioConfig } from '../../src-main/config/studio-config';
import { CassetteLibrary } from '../../src-main/library/library';
import { startApiServer, type ApiServer } from '../../src-main/server/api-server';
import { createStudioServices, type StudioServices } from '../../src-main/services/studio-services';
import { syntheticCassette } from '../../tests/support/synthetic-cassettes';
import { itemsCassette, PATHS } from '../proxy/bench-data';
import { REPLAY_HTTP } from '../proxy/replay-throughput';

export const CASSETTES = 1000;
/** The cassette replayed while the API is measured under load. */
export const REPLAY_CASSETTE = 'replay';

/** Far above the benchmark's 1,000 requests a second, so the limiter runs but never refuses. */
const UNREACHED_RATE_LIMIT = { perSecond: 1_000_000, burst: 1_000_000 };

export interface BenchStudio {
  library: CassetteLibrary;
  engine: ProxyEngineSurface;
  services: StudioServices;
  server: ApiServer;
  close(): Promise<void>;
}

/** Writes the library's files (JSON, as recorded by the studio). */
export async function writeLibrary(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < CASSETTES - 1; i++) {
    const cassette = syntheticCassette(`api-${String(i).padStart(4, '0')}`, {
      interactions: 5 + (i % 20),
      bodySize: 300,
      tags: [i % 2 === 0 ? 'even' : 'odd'],
      recordedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    });
    await fs.writeFile(path.join(dir, `${cassette.name}.json`), encodeForStorage(cassette, 'json'));
  }
  const replay = itemsCassette(REPLAY_CASSETTE, [REPLAY_HTTP], PATHS);
  await fs.writeFile(path.join(dir, `${replay.name}.json`), encodeForStorage(replay, 'json'));
}

/** Opens the studio on an indexed library; the proxy listens (passthrough) on a free port. */
export async function openStudio(cassetteDir: string, dataDir: string): Promise<BenchStudio> {
  const engine = new WorkerProxyEngine();
  // As the headless studio: the worker thread loads while the library opens.
  engine.prepare();
  const library = await CassetteLibrary.open({ cassetteDir, dataDir, watch: true }).catch(
    async (error: unknown) => {
      await engine.stop();
      throw error;
    },
  );
  try {
    const config = { ...resolveStudioConfig({ cassetteDir, dataDir }), apiPort: 0, proxyPort: 0 };
    const services = await createStudioServices({ config, library, engine });
    // The proxy starts while the API server does.
    const [proxy, api] = await Promise.allSettled([
      services.proxy.start(),
      startApiServer({ services, port: 0, rateLimit: UNREACHED_RATE_LIMIT }),
    ]);
    if (proxy.status === 'rejected' || api.status === 'rejected') {
      if (api.status === 'fulfilled') await api.value.close();
      throw proxy.status === 'rejected' ? proxy.reason : (api as PromiseRejectedResult).reason;
    }
    const server = api.value;
    return {
      library,
      engine,
      services,
      server,
      async close() {
        await server.close();
        await engine.stop();
        await library.close();
      },
    };
  } catch (error) {
    await engine.stop();
    await library.close();
    throw error;
  }
}
