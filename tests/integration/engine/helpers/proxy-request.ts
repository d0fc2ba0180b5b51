/**
 * One HTTP request through the proxy (absolute form as a forward-proxy client sends it, or a path
 * for a reverse proxy), with the response's bytes as sent.
 */
import http from 'node:http';

export interface ProxyRequest {
  method?: string;
  /** Absolute URL: the proxy is used as a forward proxy; a path (`/…`): as a reverse proxy. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ProxyResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as received (still encoded when the response has a content coding). */
  bytes: Buffer;
  text: string;
}

function hostFor(port: number, url: string): string {
  return url.startsWith('/') ? `127.0.0.1:${port}` : new URL(url).host;
}

/** Sends `request` to the proxy on `port` (a fresh connection each time, no decoding). */
export function proxyRequest(port: number, request: ProxyRequest): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.url,
        headers: { host: hostFor(port, request.url), ...request.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes,
            text: bytes.toString('utf8'),
          });
        });
      },
    );
    req.once('error', reject);
    req.end(request.body);
  });
}
