/**
 * The proxy replaying at full load while the API is measured: the studio's engine answers
 * `/items/…` from the replay cassette (forward proxy) to the proxy benchmark's load generator, in a
 * process of its own, with 50 keep-alive connections back to back.
 */
import type { ExchangeOutcome } from '../../proxy/engine/engine.model';
import type { ProxyEngineSurface } from '../../proxy/engine/worker/proxy-engine-surface';
import type { StudioServices } from '../../src-main/services/studio-services';
import { itemTargets, PATHS } from '../proxy/bench-data';
import type { LoadReport } from '../proxy/load-spec';
import { REPLAY_HOST, REPLAY_HTTP } from '../proxy/replay-throughput';
import { runLoad } from '../proxy/run-load';
import { REPLAY_CASSETTE } from './bench-studio';

const REPLAY_CONNECTIONS = 50;
const POLL_MS = 20;
const START_TIMEOUT_MS = 30_000;

export interface ReplayWindow {
  /** Replays per second the engine served while `work` ran. */
  replaysPerSecond: number;
  /** What the proxy's load generator measured over its whole run. */
  report: LoadReport;
}

function served(engine: ProxyEngineSurface): Record<ExchangeOutcome, number> {
  return engine.status().counts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function replaysFlowing(engine: ProxyEngineSurface, from: number): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (served(engine).replayed === from) {
    if (performance.now() > deadline) throw new Error('the replay load did not start');
    await pause(POLL_MS);
  }
}

/**
 * Runs `work` while the engine replays at full load for `durationMs` (longer than `work` takes:
 * it fails otherwise), and reports the replay rate during `work`. Anything but replays fails it.
 */
export async function whileReplaying<T>(
  services: StudioServices,
  engine: ProxyEngineSurface,
  durationMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; replay: ReplayWindow }> {
  await services.proxy.setMode('replay', REPLAY_CASSETTE);
  const before = served(engine);
  const load = runLoad({
    host: '127.0.0.1',
    port: services.proxy.status().port ?? 0,
    hostHeader: REPLAY_HOST,
    targets: itemTargets(PATHS, REPLAY_HTTP),
    connections: REPLAY_CONNECTIONS,
    warmupMs: 0,
    durationMs,
  });
  try {
    await Promise.race([replaysFlowing(engine, before.replayed), load]);
    const start = { at: performance.now(), replayed: served(engine).replayed };
    const result = await work();
    const elapsedMs = performance.now() - start.at;
    const end = served(engine).replayed;
    const replaysPerSecond = ((end - start.replayed) * 1000) / elapsedMs;
    await pause(POLL_MS * 5);
    if (served(engine).replayed === end) {
      throw new Error(`the replay load (${durationMs} ms) ended before the API measurement`);
    }
    const report = await load;
    const after = served(engine);
    const others = (Object.keys(after) as ExchangeOutcome[]).filter(
      (outcome) => outcome !== 'replayed' && after[outcome] !== before[outcome],
    );
    if (others.length > 0)
      throw new Error(`the engine did not only replay: ${JSON.stringify(after)}`);
    return { result, replay: { replaysPerSecond, report } };
  } finally {
    await load.catch(() => undefined);
    await services.proxy.setMode('passthrough', null);
  }
}
