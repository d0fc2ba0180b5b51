/** One HTTP request through the proxy, in absolute form, with the response's bytes as sent. */
import http from 'node:http';

export interface ProxyRequest {
  method?: string;
  /** Absolute URL: the proxy is used as a forward proxy. */
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

/** Sends `request` to the proxy on `port` (a fresh connection each time, no decoding). */
export function proxyRequest(port: number, request: ProxyRequest): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.url,
        headers: { host: new URL(request.url).host, ...request.headers },
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
