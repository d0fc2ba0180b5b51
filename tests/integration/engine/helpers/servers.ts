/** Local upstream servers (HTTP and HTTPS on 127.0.0.1) and a proxy engine, for engine tests. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExchangeEvent } from '../../../../proxy/engine/engine.model';
import type { EngineOptions } from '../../../../proxy/engine/engine-options';
import { ProxyEngine } from '../../../../proxy/engine/proxy-engine';
import { loadOrCreateCertificateAuthority } from '../../../../proxy/tls/certificate-authority';
import { LeafCertificateCache } from '../../../../proxy/tls/leaf-certificates';
import { MemoryCassetteStore } from '../../../support/memory-cassette-store';

export interface Upstream {
  /** `http://127.0.0.1:<port>` or `https://localhost:<port>`. */
  origin: string;
  port: number;
  /** Requests received so far. */
  hits: number;
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A handler that reads the whole request body (UTF-8 text), then calls `answer` with it. */
export function afterBody(
  answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void,
): Handler {
  return (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => answer(req, res, body));
  };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function wrap(
  server: http.Server,
  port: number,
  origin: string,
  counter: { hits: number },
): Upstream {
  return {
    origin,
    port,
    get hits() {
      return counter.hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function startHttpUpstream(handler: Handler): Promise<Upstream> {
  const counter = { hits: 0 };
  const server = http.createServer((req, res) => {
    counter.hits += 1;
    handler(req, res);
  });
  const port = await listen(server);
  return wrap(server, port, `http://127.0.0.1:${port}`, counter);
}

/** An HTTPS upstream for `localhost`, its certificate issued by a CA of its own. */
export async function startHttpsUpstream(
  handler: Handler,
  tempDir: string,
): Promise<Upstream & { caPem: string }> {
  const ca = await loadOrCreateCertificateAuthority(path.join(tempDir, 'upstream-ca'));
  const leaf = await new LeafCertificateCache(ca).getCertificate('localhost');
  const counter = { hits: 0 };
  const server = https.createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
    counter.hits += 1;
    handler(req, res);
  });
  const port = await listen(server);
  return { ...wrap(server, port, `https://localhost:${port}`, counter), caPem: ca.certificatePem };
}

export interface EngineHarness {
  engine: ProxyEngine;
  store: MemoryCassetteStore;
  proxyUrl: string;
  port: number;
  events: ExchangeEvent[];
  /** The studio CA's certificate, written to a file for curl. */
  caPath: string;
  caPem: string;
}

/** Starts an engine on a free port with an in-memory store (unless one is given). */
export async function startEngine(
  dataDir: string,
  options: Partial<EngineOptions> = {},
): Promise<EngineHarness> {
  const engine = new ProxyEngine();
  const events: ExchangeEvent[] = [];
  engine.on('exchange', (event) => events.push(event));
  const store = (options.store as MemoryCassetteStore | undefined) ?? new MemoryCassetteStore();
  const status = await engine.start({
    port: 0,
    dataDir,
    mode: 'record',
    cassette: 'test',
    flushIntervalMs: 20,
    ...options,
    store,
  });
  const port = status.port ?? 0;
  const caPem = engine.certificateAuthority?.certificatePem ?? '';
  const caPath = path.join(dataDir, 'studio-ca.pem');
  await writeFile(caPath, caPem);
  return { engine, store, proxyUrl: `http://127.0.0.1:${port}`, port, events, caPath, caPem };
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `magneto-engine-${prefix}-`));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

const run = promisify(execFile);

export interface CurlResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  bytes: Buffer;
}

/** Runs curl with `args`; parses the last response's status line, headers and body. */
export async function curl(args: string[]): Promise<CurlResult> {
  const { stdout } = await run(
    'curl',
    ['--silent', '--show-error', '--max-time', '20', '--include', ...args],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const text = stdout.toString('latin1');
  // With a proxy, curl prints the CONNECT answer first: take the last head.
  let rest = text;
  let head = '';
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    head = rest.slice(0, end);
    rest = rest.slice(end + 4);
    if (!/^HTTP\/1\.1 200 Connection Established/i.test(head) || !rest.startsWith('HTTP/')) break;
  }
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bytes = Buffer.from(rest, 'latin1');
  return { status: Number(statusLine.split(' ')[1]), headers, body: bytes.toString('utf8'), bytes };
}
