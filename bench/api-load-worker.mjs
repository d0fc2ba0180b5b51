// The load generator of the API benchmark (bench/api.bench.ts), in its own thread so that clients
// and server do not share an event loop: `clients` connections, each sending `requests` in turn,
// one every `intervalMs` at most (0: back to back). Posts every latency in milliseconds.
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';

async function run({ url, query, clients, requests, intervalMs }) {
  const agent = new Agent({ connections: clients });
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
      throw new Error(`bad answer: ${text}`);
    return performance.now() - start;
  };
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    await Promise.all(Array.from({ length: clients }, send));
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
    return perClient.flat();
  } finally {
    await agent.close();
  }
}

parentPort?.postMessage(await run(workerData));
