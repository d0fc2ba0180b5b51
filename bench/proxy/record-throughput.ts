/**
 * Recording under load (reverse proxy in front of the raw server) against the raw server reached
 * directly, with references for what forwarding alone costs here: bare Node HTTP proxies (on
 * `http.request`, on undici, and on a hand-written client that knows only what the upstream
 * speaks), and a bare TCP relay (the ceiling of any proxy in Node on this machine).
 */
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';
import type { BenchResult } from '../bench-harness';
import { itemTargets, PATHS } from './bench-data';
import { expectOnly } from './engine-counts';
import { startBareProxy, type HelperServer } from './helper-servers';
import {
  describe,
  measureInTurn,
  medianRound,
  throughputRatio,
  type Measured,
} from './load-comparison';
import { directSide } from './replay-throughput';

export async function benchRecordThroughput(
  engine: ProxyEngine,
  enginePort: number,
  rawHttp: HelperServer,
): Promise<BenchResult> {
  const bareHttp = await startBareProxy({ upstreamPort: rawHttp.port, kind: 'http' });
  const bareUndici = await startBareProxy({ upstreamPort: rawHttp.port, kind: 'undici' });
  const bareRaw = await startBareProxy({ upstreamPort: rawHttp.port, kind: 'raw' });
  const bareTcp = await startBareProxy({ upstreamPort: rawHttp.port, kind: 'tcp' });
  try {
    let run = 0;
    // Each run records a fresh cassette, as a recording session would.
    const fresh = () => engine.reconfigure({ cassette: `recorded-${++run}` });
    await engine.reconfigure({ mode: 'record', target: `http://127.0.0.1:${rawHttp.port}` });
    const check = expectOnly(engine, 'recorded');
    process.stderr.write(' recording vs direct to the upstream (and bare Node proxies)\n');
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
      directSide('bare Node HTTP proxy', bareHttp),
      directSide('bare undici proxy', bareUndici),
      directSide('bare proxy on a hand-written client', bareRaw),
      directSide('bare Node TCP relay', bareTcp),
    ]);
    check();
    const [direct, recording, ...references] = medianRound(rounds, 0, 1);
    if (!direct || !recording || references.length !== 4) throw new Error('missing measurement');
    const reference = (measured: Measured): string =>
      `${describe(measured)} = ${(measured.report.requestsPerSecond / direct.report.requestsPerSecond).toFixed(2)}× direct`;
    return throughputRatio(
      'recording ÷ direct to upstream, req/s',
      { baseline: direct, proxied: recording },
      0.5,
      `; references: ${references.map(reference).join('; ')}`,
    );
  } finally {
    await Promise.all([bareHttp, bareUndici, bareRaw, bareTcp].map((server) => server.stop()));
  }
}
