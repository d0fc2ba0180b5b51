/**
 * The floor of the API's latency on this machine: a bare `node:http` server on the studio's main
 * thread (where the API runs) that reads each request's JSON and answers fixed bytes, the studio's
 * own answer to the same query. Measured with the same clients under the same load as the API, it
 * shows the latency any server on that thread gets from the machine, whatever it computes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `answers` (GraphQL query → response body) on `POST /graphql`; 404 for other queries. */
export async function startFloorServer(answers: ReadonlyMap<string, Buffer>): Promise<FloorServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: string };
      const body = answers.get(query ?? '');
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/graphql-response+json; charset=utf-8',
        'content-length': body.length,
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The studio's answer to `query` (POST /graphql at `url`), as bytes. */
export async function answerOf(url: string, query: string): Promise<Buffer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  if (response.status !== 200) throw new Error(`the studio answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
