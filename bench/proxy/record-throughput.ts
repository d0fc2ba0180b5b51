/**
 * Recording under load (reverse proxy in front of the raw server) against the raw server reached
 * directly, with references for what forwarding alone costs here: bare Node HTTP proxies (on
 * `http.request`, on undici, and on a hand-written client that knows only what the upstream
 * speaks), and a bare TCP relay (the ceiling of any proxy in Node on this machine). Each side's
 * server CPU per request is measured, and the CPU a proxy may take per request for the target
 * (what the machine has at that rate, less the generator's and the upstream's share).
 */
import os from 'node:os';
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';
import type { BenchResult } from '../bench-harness';
import { itemTargets, PATHS } from './bench-data';
import { expectOnly } from './engine-counts';
import { startBareProxy, type HelperServer } from './helper-servers';
import {
  describe,
  generatorCpuMicrosPerRequest,
  inProcessCpuMicros,
  measureInTurn,
  medianRound,
  throughputRatio,
  type Measured,
} from './load-comparison';
import { directSide } from './replay-throughput';

const MIN_RATIO = 0.5;

/**
 * What a proxy may spend per request for `ratio` × direct throughput: the machine's CPU time per
 * request at that rate, less what the load generator and the upstream server take per request.
 */
function cpuBudget(direct: Measured, ratio: number): string {
  const cores = os.availableParallelism();
  const rate = direct.report.requestsPerSecond * ratio;
  const perRequest = (cores * 1e6) / rate;
  const generator = generatorCpuMicrosPerRequest(direct.report);
  const upstream = direct.serverCpuMicrosPerRequest ?? Number.NaN;
  return (
    `CPU budget at ${ratio}× direct (${rate.toFixed(0)} req/s): ${cores} CPUs give ` +
    `${perRequest.toFixed(1)} µs per request, the generator takes ${generator.toFixed(1)} and the ` +
    `upstream ${upstream.toFixed(1)}: ${(perRequest - generator - upstream).toFixed(1)} µs left for a proxy`
  );
}

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
        cpuMicros: inProcessCpuMicros,
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
      MIN_RATIO,
      `; references: ${references.map(reference).join('; ')}; ${cpuBudget(direct, MIN_RATIO)}`,
    );
  } finally {
    await Promise.all([bareHttp, bareUndici, bareRaw, bareTcp].map((server) => server.stop()));
  }
}
