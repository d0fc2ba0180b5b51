// The load generator of the API benchmark (bench/api.bench.ts), in a process of its own so that
// clients and the studio share neither an event loop nor the studio's CPU accounting: `clients`
// keep-alive connections, each sending `requests` POSTs of `query` in turn, one every `intervalMs`
// at most (0: back to back). Each IPC message is a job, answered with `{ latencies, elapsedMs }`
// (milliseconds) or `{ error }`; the connections stay open from one job to the next, so that a
// first job can warm this process's client before a measured one.
// Plain JavaScript: it runs on plain Node, without the TypeScript loader and its start-up time.
import { Agent, request } from 'undici';

/** At most `clients` connections, kept for every job of this process. */
let agent;

async function run({ url, query, clients, requests, intervalMs }) {
  agent ??= new Agent({ connections: clients });
  const body = JSON.stringify({ query });
  const send = async () => {
    const start = performance.now();
    const response = await request(`${url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"'))
      throw new Error(`bad answer (${response.statusCode}): ${text.slice(0, 500)}`);
    return performance.now() - start;
  };
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // Opens every connection (and warms the server's caches) before measuring.
  await Promise.all(Array.from({ length: clients }, send));
  const start = performance.now();
  const perClient = await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      await pause((intervalMs * client) / clients);
      const latencies = [];
      for (let i = 0; i < requests; i++) {
        const latency = await send();
        latencies.push(latency);
        if (intervalMs > latency) await pause(intervalMs - latency);
      }
      return latencies;
    }),
  );
  return { latencies: perClient.flat(), elapsedMs: performance.now() - start };
}

process.once('disconnect', () => process.exit(0));
process.on('message', (job) => {
  run(job).then(
    (answer) => process.send?.(answer),
    (error) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});
