/**
 * A load generator held to a steady rate, run in a process of its own (`runPacedLoad` forks it):
 * request n leaves at n / rate seconds on an idle keep-alive connection (one request in flight on
 * each), up to `maxRequests`, and no request leaves after `durationMs` plus a quarter. Receives a
 * `PacedLoadSpec` as its one IPC message, answers with a `LoadReport` and exits.
 */
import type { Duplex } from 'node:stream';
import { percentile } from '../bench-harness';
import { endWithParent } from '../proxy/child-script';
import { prepareLoad } from '../proxy/load-connection';
import { ResponseReader } from '../proxy/response-reader';
import type { PacedLoadReport, PacedLoadSpec } from './paced-load';

const TICK_MS = 2;

export async function generatePacedLoad(spec: PacedLoadSpec): Promise<PacedLoadReport> {
  const { requests, sockets } = await prepareLoad(spec);
  const idle: Duplex[] = [...sockets];
  const sentAt = new Map<Duplex, number>();
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const stopAt = start + spec.durationMs * 1.25;
  const cpuAtStart = process.cpuUsage();
  let lastDone = start;

  return new Promise((resolve) => {
    const finish = (): void => {
      clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      const cpu = process.cpuUsage(cpuAtStart);
      const elapsedMs = lastDone - start;
      const sorted = latencies.sort((a, b) => a - b);
      resolve({
        requests: ok,
        errors,
        elapsedMs,
        requestsPerSecond: (ok * 1000) / elapsedMs,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted.at(-1) ?? Number.NaN,
        generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
        startedAt: performance.timeOrigin + start,
        finishedAt: performance.timeOrigin + lastDone,
      });
    };
    const sendDue = (): void => {
      const now = performance.now();
      const due = now >= stopAt ? sent : Math.floor(((now - start) * spec.ratePerSecond) / 1000);
      while (sent < Math.min(due, spec.maxRequests)) {
        const socket = idle.pop();
        if (socket === undefined) break;
        sentAt.set(socket, performance.now());
        socket.write(requests[sent++ % requests.length] ?? Buffer.alloc(0));
      }
      const finished = sent >= spec.maxRequests || now >= stopAt;
      if (finished && sentAt.size === 0) finish();
    };
    for (const socket of sockets) {
      const reader = new ResponseReader();
      socket.on('data', (chunk: Buffer) =>
        reader.feed(chunk, (status) => {
          lastDone = performance.now();
          latencies.push(lastDone - (sentAt.get(socket) ?? lastDone));
          if (status === 200) ok += 1;
          else errors += 1;
          sentAt.delete(socket);
          idle.push(socket);
          sendDue();
        }),
      );
      socket.once('error', () => undefined);
      socket.once('close', () => {
        if (sentAt.delete(socket)) errors += 1;
        const at = idle.indexOf(socket);
        if (at >= 0) idle.splice(at, 1);
      });
      socket.resume();
    }
    const timer = setInterval(sendDue, TICK_MS);
  });
}

endWithParent();
process.once('message', (spec: PacedLoadSpec) => {
  generatePacedLoad(spec).then(
    (report) => process.send?.({ report }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});
