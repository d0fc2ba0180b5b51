/** Real traffic for the proxy during end-to-end tests: a small upstream and a forward-proxy client. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequest } from '../../integration/engine/helpers/proxy-request';

export interface Upstream {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server answering every request with a small JSON body naming the path. */
export async function startUpstream(): Promise<Upstream> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A GET through the proxy (an absolute URL, or a path for a reverse proxy): its status. */
export async function getViaProxy(proxyPort: number, url: string): Promise<number> {
  return (await proxyRequest(proxyPort, { url })).status;
}

/** Like getViaProxy, with the response's body as text. */
export async function fetchViaProxy(
  proxyPort: number,
  url: string,
): Promise<{ status: number; body: string }> {
  const { status, text } = await proxyRequest(proxyPort, { url });
  return { status, body: text };
}
