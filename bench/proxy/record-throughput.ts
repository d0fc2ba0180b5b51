/**
 * Recording under load (reverse proxy in front of the raw server) against the raw server reached
 * directly, with a bare Node proxy as the reference for what forwarding alone costs here.
 */
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';
import type { BenchResult } from '../bench-harness';
import { itemTargets, PATHS } from './bench-data';
import { expectOnly } from './engine-counts';
import { startBareProxy, type HelperServer } from './helper-servers';
import { describe, measureInTurn, medianRound, throughputRatio } from './load-comparison';
import { directSide } from './replay-throughput';

export async function benchRecordThroughput(
  engine: ProxyEngine,
  enginePort: number,
  rawHttp: HelperServer,
): Promise<BenchResult> {
  const bare = await startBareProxy({ upstreamPort: rawHttp.port });
  try {
    let run = 0;
    // Each run records a fresh cassette, as a recording session would.
    const fresh = () => engine.reconfigure({ cassette: `recorded-${++run}` });
    await engine.reconfigure({ mode: 'record', target: `http://127.0.0.1:${rawHttp.port}` });
    const check = expectOnly(engine, 'recorded');
    process.stderr.write(' recording vs direct to the upstream (and a bare Node proxy)\n');
    const rounds = await measureInTurn([
      directSide('direct to upstream', rawHttp),
      {
        label: 'recording',
        prepare: fresh,
        spec: {
          host: '127.0.0.1',
          port: enginePort,
          hostHeader: `127.0.0.1:${enginePort}`,
          targets: itemTargets(PATHS),
        },
      },
      directSide('bare Node proxy', bare),
    ]);
    check();
    const [direct, recording, reference] = medianRound(rounds, 0, 1);
    if (direct === undefined || recording === undefined || reference === undefined) {
      throw new Error('missing measurement');
    }
    const ratio = (reference.report.requestsPerSecond / direct.report.requestsPerSecond).toFixed(2);
    return throughputRatio(
      'recording ÷ direct to upstream, req/s',
      { baseline: direct, proxied: recording },
      0.5,
      `; reference: ${describe(reference)} = ${ratio}× direct`,
    );
  } finally {
    await bare.stop();
  }
}
