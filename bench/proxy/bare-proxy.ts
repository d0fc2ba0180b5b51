/**
 * References for recording, in a process of their own: what forwarding through Node costs on this
 * machine, whatever the engine does on top. `http`: the least a Node reverse proxy does
 * (`http.request` on a keep-alive agent, the answer piped back). `undici`: the same with undici's
 * `dispatch` (Node's cheapest HTTP client, which the engine forwards with). `tcp`: the cheapest
 * relay Node can be, no HTTP at all (each client connection piped to an upstream connection of its
 * own): a ceiling no proxy that reads requests and responses can pass. Its one IPC message names
 * the upstream port and the kind; it answers `{ port }` once listening and runs until killed.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { endWithParent } from './child-script';

export interface BareProxyRequest {
  upstreamPort: number;
  kind: 'http' | 'undici' | 'tcp';
}

function httpProxy(upstreamPort: number): net.Server {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.once('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

/** Response headers that describe the upstream connection, not the response. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

function undiciProxy(upstreamPort: number): net.Server {
  const pool = new Pool(`http://127.0.0.1:${upstreamPort}`);
  const server = http.createServer((req, res) => {
    pool.dispatch(
      {
        path: req.url ?? '/',
        method: req.method ?? 'GET',
        headers: req.headers,
        body: req.headers['content-length'] || req.headers['transfer-encoding'] ? req : null,
      },
      {
        onConnect() {},
        onHeaders(status, rawHeaders) {
          const list: string[] = [];
          for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
            const name = String(rawHeaders[i]);
            if (!CONNECTION_HEADERS.has(name.toLowerCase()))
              list.push(name, String(rawHeaders[i + 1]));
          }
          res.writeHead(status, list);
          return true;
        },
        onData(chunk) {
          // The answers are small: no backpressure to honour.
          res.write(chunk);
          return true;
        },
        onComplete() {
          res.end();
        },
        onError() {
          res.destroy();
        },
      },
    );
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

function tcpRelay(upstreamPort: number): net.Server {
  return net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort, noDelay: true });
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
}

endWithParent();
process.once('message', ({ upstreamPort, kind }: BareProxyRequest) => {
  const servers = { http: httpProxy, undici: undiciProxy, tcp: tcpRelay };
  const server = servers[kind](upstreamPort);
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.address() as AddressInfo).port }),
  );
});
