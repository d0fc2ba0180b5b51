/**
 * Replay of a templated cassette against the same cassette untemplated, in the same run: the same
 * 1,000 paths through the reverse proxy, each answer a ~1 KB JSON template with five helpers
 * rendered on every request, or the recorded ~1 KB JSON body as it is. Each cassette is replayed
 * once before the measurements: compiling the 1,000 templates (cached afterwards, by source) is a
 * cost of the first replay only, as encoding the untemplated wire forms is.
 */
import type { CassetteStore } from '../../proxy/engine/cassette-store';
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';
import type { BenchResult } from '../bench-harness';
import { itemsCassette, itemTargets, PATHS } from './bench-data';
import { expectOnly } from './engine-counts';
import {
  inProcessCpuMicros,
  LOAD_SETTINGS,
  measurePair,
  throughputRatio,
  type Side,
} from './load-comparison';
import { REPLAY_HTTP } from './replay-throughput';
import { runLoad } from './run-load';

const PLAIN = 'replay-untemplated';
const TEMPLATED = 'replay-templated';
const WARM_UP_MS = 2000;

/** Replays from `side` for a while, unmeasured. */
async function warmUp(side: Side): Promise<void> {
  await side.prepare?.();
  await runLoad({ ...LOAD_SETTINGS, ...side.spec, warmupMs: 0, durationMs: WARM_UP_MS });
}

export async function benchTemplatedReplay(
  engine: ProxyEngine,
  enginePort: number,
  store: CassetteStore,
): Promise<BenchResult> {
  await store.save(itemsCassette(PLAIN, [REPLAY_HTTP], PATHS));
  await store.save(itemsCassette(TEMPLATED, [REPLAY_HTTP], PATHS, true));
  await engine.reconfigure({ mode: 'replay', target: REPLAY_HTTP });
  const side = (label: string, cassette: string): Side => ({
    label,
    prepare: () => engine.reconfigure({ cassette }),
    spec: {
      host: '127.0.0.1',
      port: enginePort,
      hostHeader: `127.0.0.1:${enginePort}`,
      targets: itemTargets(PATHS),
    },
    cpuMicros: inProcessCpuMicros,
  });
  const plain = side('untemplated replay', PLAIN);
  const templated = side('templated replay', TEMPLATED);
  const check = expectOnly(engine, 'replayed');
  process.stderr.write(' templated replay vs untemplated replay\n');
  await warmUp(plain);
  await warmUp(templated);
  const pair = await measurePair(plain, templated);
  check();
  return throughputRatio('templated replay ÷ untemplated replay (same run), req/s', pair, 0.5);
}
