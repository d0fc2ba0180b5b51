/**
 * Replay under load against the raw servers answering the same bodies: reverse proxy, forward
 * proxy (absolute-form requests) and HTTPS through CONNECT interception with keep-alive.
 */
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';
import type { BenchResult } from '../bench-harness';
import { itemTargets, PATHS } from './bench-data';
import { expectOnly } from './engine-counts';
import type { HelperServer } from './helper-servers';
import {
  inProcessCpuMicros,
  measurePair,
  p99Ratio,
  throughputRatio,
  warmUp,
  type Side,
} from './load-comparison';

/** Where the replayed traffic claims to come from: never contacted. */
export const REPLAY_HOST = 'replay.test';
export const REPLAY_HTTP = `http://${REPLAY_HOST}`;
export const REPLAY_HTTPS = `https://${REPLAY_HOST}`;

export interface ReplayBench {
  /** Replaying the cassette holding `/items/…` on REPLAY_HTTP and REPLAY_HTTPS. */
  engine: ProxyEngine;
  enginePort: number;
  rawHttp: HelperServer;
  /** Serves a certificate for `localhost` from the CA in `caPem`, which also issues the engine's. */
  rawHttps: HelperServer;
  caPem: string;
}

export function directSide(label: string, server: HelperServer): Side {
  return {
    label,
    spec: {
      host: '127.0.0.1',
      port: server.port,
      hostHeader: `127.0.0.1:${server.port}`,
      targets: itemTargets(PATHS),
    },
    cpuMicros: () => server.cpuMicros(),
  };
}

export async function benchReplayThroughput(bench: ReplayBench): Promise<BenchResult[]> {
  const { engine, enginePort: port, caPem } = bench;
  const check = expectOnly(engine, 'replayed');
  const proxy = { host: '127.0.0.1', port };
  const cpuMicros = inProcessCpuMicros;
  const raw = directSide('raw http server', bench.rawHttp);

  await engine.reconfigure({ target: REPLAY_HTTP });
  const reverseSide: Side = {
    label: 'reverse-proxy replay',
    spec: { ...proxy, hostHeader: `127.0.0.1:${port}`, targets: itemTargets(PATHS) },
    cpuMicros,
  };
  process.stderr.write(' warming up the raw server and the engine\n');
  await warmUp([raw, reverseSide]);
  process.stderr.write(' reverse-proxy replay vs raw HTTP server\n');
  const reverse = await measurePair(raw, reverseSide);

  await engine.reconfigure({ target: null });
  process.stderr.write(' forward-proxy replay vs raw HTTP server\n');
  const forward = await measurePair(raw, {
    label: 'forward-proxy replay',
    spec: { ...proxy, hostHeader: REPLAY_HOST, targets: itemTargets(PATHS, REPLAY_HTTP) },
    cpuMicros,
  });

  process.stderr.write(' HTTPS replay through CONNECT vs raw HTTPS server\n');
  const rawHttps = directSide('raw https server', bench.rawHttps);
  const secure = await measurePair(
    { ...rawHttps, spec: { ...rawHttps.spec, tls: { servername: 'localhost', caPem } } },
    {
      label: 'CONNECT-intercepted replay',
      spec: {
        ...proxy,
        tunnel: `${REPLAY_HOST}:443`,
        tls: { servername: REPLAY_HOST, caPem },
        hostHeader: REPLAY_HOST,
        targets: itemTargets(PATHS),
      },
      cpuMicros,
    },
  );
  check();
  return [
    throughputRatio('reverse-proxy replay ÷ raw server, req/s', reverse, 0.8),
    p99Ratio('reverse-proxy replay ÷ raw server, p99', reverse, 2),
    throughputRatio('forward-proxy replay ÷ raw server, req/s', forward, 0.7),
    throughputRatio('HTTPS keep-alive replay (CONNECT) ÷ raw https, req/s', secure, 0.5),
  ];
}
