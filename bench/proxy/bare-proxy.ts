/**
 * A reference for recording: the least a Node reverse proxy does (`http.request` on a keep-alive
 * agent, the answer piped back), in a process of its own. It shows what forwarding through Node
 * costs on this machine, whatever the engine does on top. Its one IPC message names the upstream
 * port; it answers `{ port }` once listening and runs until killed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { endWithParent } from './child-script';

export interface BareProxyRequest {
  upstreamPort: number;
}

endWithParent();
process.once('message', ({ upstreamPort }: BareProxyRequest) => {
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
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.address() as AddressInfo).port }),
  );
});
