/** What the load generator is asked to do, and what it reports (shared by both processes). */

export interface LoadSpec {
  /** Where each connection goes: the server, or the proxy. */
  host: string;
  port: number;
  /** Sent as `CONNECT <authority>` first on each connection (forward proxy, HTTPS interception). */
  tunnel?: string;
  /** TLS on the connection (inside the tunnel when there is one). */
  tls?: { servername: string; caPem: string };
  /** The `Host` header of every request. */
  hostHeader: string;
  /** Request targets, requested in turn: `/items/1`, or `http://host/items/1` for a forward proxy. */
  targets: string[];
  /** Keep-alive connections, one request in flight on each. */
  connections: number;
  /** Measured time, after `warmupMs` whose requests are not counted. */
  durationMs: number;
  warmupMs: number;
  /** Stops issuing requests once this many were measured (the time limit still applies). */
  maxRequests?: number;
}

export interface LoadReport {
  /** Requests completed in the measured window with a 200. */
  requests: number;
  /** Other statuses, and connections that broke. */
  errors: number;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The generator's own CPU time over the window, in % of one core. */
  generatorCpuPercent: number;
}
