/**
 * References for recording, in a process of their own: what forwarding through Node costs on this
 * machine, whatever the engine does on top. `http`: the least a Node reverse proxy does
 * (`http.request` on a keep-alive agent, the answer piped back). `undici`: the same with undici's
 * `dispatch` (Node's cheapest HTTP client, which the engine forwards with). `raw`: Node's server
 * for the requests and, for the answers, a hand-written client that knows no more HTTP than the
 * benchmark's upstream speaks (one keep-alive connection per client connection, `Content-Length`
 * framing only): the least an HTTP-aware proxy can do in Node. `tcp`: the cheapest
 * relay Node can be, no HTTP at all (each client connection piped to an upstream connection of its
 * own): a ceiling no proxy that reads requests and responses can pass. Its one IPC message names
 * the upstream port and the kind; it answers `{ port }` once listening and runs until killed.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { answerCpuQueries, endWithParent } from './child-script';

export interface BareProxyRequest {
  upstreamPort: number;
  kind: 'http' | 'undici' | 'raw' | 'tcp';
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

const HEAD_END = Buffer.from('\r\n\r\n');

/** One upstream connection: requests written in turn, answers read with `Content-Length`. */
class RawUpstream {
  readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly waiting: http.ServerResponse[] = [];

  constructor(private readonly port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.once('error', () => {
      for (const res of this.waiting.splice(0)) res.destroy();
    });
  }

  send(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.waiting.push(res);
    this.socket.write(`${req.method} ${req.url} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n\r\n`);
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headEnd = this.buffered.indexOf(HEAD_END);
      if (headEnd < 0) return;
      const lines = this.buffered.toString('latin1', 0, headEnd).split('\r\n');
      const list: string[] = [];
      let length = 0;
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon);
        const value = line.slice(colon + 1).trim();
        const lower = name.toLowerCase();
        if (lower === 'content-length') length = Number(value);
        if (!CONNECTION_HEADERS.has(lower)) list.push(name, value);
      }
      const end = headEnd + HEAD_END.length + length;
      if (this.buffered.length < end) return;
      const body = this.buffered.subarray(headEnd + HEAD_END.length, end);
      this.buffered = this.buffered.subarray(end);
      const res = this.waiting.shift();
      res?.writeHead(Number(lines[0]?.slice(9, 12)), list);
      res?.end(body);
    }
  }
}

function rawClientProxy(upstreamPort: number): net.Server {
  const upstreams = new WeakMap<object, RawUpstream>();
  const server = http.createServer((req, res) => {
    let upstream = upstreams.get(req.socket);
    if (upstream === undefined) {
      const created = new RawUpstream(upstreamPort);
      upstreams.set(req.socket, created);
      req.socket.once('close', () => created.socket.destroy());
      upstream = created;
    }
    upstream.send(req, res);
    req.resume();
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
answerCpuQueries();
process.once('message', ({ upstreamPort, kind }: BareProxyRequest) => {
  const servers = { http: httpProxy, undici: undiciProxy, raw: rawClientProxy, tcp: tcpRelay };
  const server = servers[kind](upstreamPort);
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.address() as AddressInfo).port }),
  );
});
