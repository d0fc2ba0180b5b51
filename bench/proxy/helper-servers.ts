/** Starts the servers the engine is compared with, each in a process of its own. */
import type { BareProxyRequest } from './bare-proxy';
import { ChildScript, CPU_QUERY } from './child-script';
import type { RawServerRequest } from './raw-server';

export interface HelperServer {
  port: number;
  /** The server process's CPU time so far (user + system), in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

async function startHelper(script: string, request: object): Promise<HelperServer> {
  const child = new ChildScript(script);
  try {
    const { port } = await child.ask<{ port: number }>(request, START_TIMEOUT_MS);
    const cpuMicros = async (): Promise<number> =>
      (await child.ask<{ cpuMicros: number }>(CPU_QUERY, START_TIMEOUT_MS)).cpuMicros;
    return { port, cpuMicros, stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** The raw HTTP (or, with `tls`, HTTPS) server answering the benchmark's paths from memory. */
export function startRawServer(request: RawServerRequest = {}): Promise<HelperServer> {
  return startHelper('./raw-server.ts', request);
}

/** The bare Node reverse proxy in front of `upstreamPort`. */
export function startBareProxy(request: BareProxyRequest): Promise<HelperServer> {
  return startHelper('./bare-proxy.ts', request);
}
