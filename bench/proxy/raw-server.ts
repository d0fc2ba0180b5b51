/**
 * The limit the proxy is measured against: a bare Node HTTP or HTTPS server answering the
 * benchmark's paths from a Map, in a process of its own. Its one IPC message says whether to use
 * TLS; it answers `{ port }` once listening and runs until killed.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { itemBody, itemPath, JSON_TYPE, PATHS } from './bench-data';
import { answerCpuQueries, endWithParent } from './child-script';

export interface RawServerRequest {
  tls?: { certPem: string; keyPem: string };
}

const answers = new Map<string, Buffer>();
for (let i = 0; i < PATHS; i++) answers.set(itemPath(i), Buffer.from(itemBody(i), 'utf8'));

const NOT_FOUND = Buffer.from('not found\n');

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = answers.get(req.url ?? '');
  res.writeHead(body === undefined ? 404 : 200, {
    'content-type': body === undefined ? 'text/plain' : JSON_TYPE,
    'content-length': (body ?? NOT_FOUND).length,
  });
  res.end(body ?? NOT_FOUND);
}

endWithParent();
answerCpuQueries();
process.once('message', (request: RawServerRequest) => {
  const server =
    request.tls === undefined
      ? http.createServer(answer)
      : https.createServer({ cert: request.tls.certPem, key: request.tls.keyPem }, answer);
  server.keepAliveTimeout = 30_000;
  server.once('error', (error) => process.send?.({ error: String(error) }));
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.address() as AddressInfo).port }),
  );
});
