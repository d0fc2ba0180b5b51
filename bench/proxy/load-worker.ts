/**
 * The load generator, run in a process of its own (`runLoad` forks it) so that it never competes
 * with the server it measures for an event loop. Keep-alive connections each send a request, read
 * its answer, and send the next; requests started during the warm-up are not counted. Receives a
 * `LoadSpec` as its one IPC message, answers with a `LoadReport` and exits.
 */
import type { Duplex } from 'node:stream';
import { percentile } from '../bench-harness';
import { endWithParent } from './child-script';
import { prepareLoad } from './load-connection';
import type { LoadReport, LoadSpec } from './load-spec';
import { ResponseReader } from './response-reader';

interface Tally {
  measureFrom: number;
  stopped: boolean;
  next: number;
  requests: number;
  errors: number;
  lastDone: number;
  latencies: number[];
}

function drive(socket: Duplex, requests: readonly Buffer[], tally: Tally, spec: LoadSpec) {
  return new Promise<void>((resolve) => {
    const reader = new ResponseReader();
    let sentAt = 0;
    const send = (): void => {
      if (tally.stopped) {
        socket.destroy();
        return;
      }
      sentAt = performance.now();
      socket.write(requests[tally.next++ % requests.length] ?? Buffer.alloc(0));
    };
    socket.on('data', (chunk: Buffer) =>
      reader.feed(chunk, (status) => {
        const now = performance.now();
        if (sentAt >= tally.measureFrom) {
          if (status === 200) {
            tally.requests += 1;
            tally.latencies.push(now - sentAt);
          } else tally.errors += 1;
          tally.lastDone = now;
          if (tally.requests >= (spec.maxRequests ?? Infinity)) tally.stopped = true;
        }
        send();
      }),
    );
    socket.once('error', () => undefined);
    socket.once('close', () => {
      if (!tally.stopped) tally.errors += 1;
      resolve();
    });
    socket.resume();
    send();
  });
}

export async function generateLoad(spec: LoadSpec): Promise<LoadReport> {
  const { requests, sockets } = await prepareLoad(spec);
  const start = performance.now();
  const tally: Tally = {
    measureFrom: start + spec.warmupMs,
    stopped: false,
    next: 0,
    requests: 0,
    errors: 0,
    lastDone: start + spec.warmupMs,
    latencies: [],
  };
  let cpuAtStart = process.cpuUsage();
  const warmup = setTimeout(() => (cpuAtStart = process.cpuUsage()), spec.warmupMs);
  const limit = setTimeout(() => (tally.stopped = true), spec.warmupMs + spec.durationMs);
  await Promise.all(sockets.map((socket) => drive(socket, requests, tally, spec)));
  clearTimeout(warmup);
  clearTimeout(limit);
  const cpu = process.cpuUsage(cpuAtStart);
  const elapsedMs = tally.lastDone - tally.measureFrom;
  const sorted = tally.latencies.sort((a, b) => a - b);
  return {
    requests: tally.requests,
    errors: tally.errors,
    elapsedMs,
    requestsPerSecond: (tally.requests * 1000) / elapsedMs,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
  };
}

endWithParent();
process.once('message', (spec: LoadSpec) => {
  generateLoad(spec).then(
    (report) => process.send?.({ report }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});
