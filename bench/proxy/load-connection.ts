/**
 * Opens load-generator connections: TCP, then a CONNECT tunnel and TLS when asked; and the
 * requests they send, encoded once.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { LoadSpec } from './load-spec';

function connectTcp(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, noDelay: true });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Sends `CONNECT authority` and waits for a 2xx answer head. */
function openTunnel(socket: net.Socket, authority: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer): void => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      socket.off('error', reject);
      socket.pause();
      if (end + 4 !== received.length) reject(new Error('bytes after the CONNECT answer'));
      else if (!/^HTTP\/1\.[01] 2\d\d/.test(received)) {
        reject(new Error(`CONNECT ${authority} answered ${received.split('\r\n')[0]}`));
      } else resolve();
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  });
}

function startTls(socket: net.Socket, options: NonNullable<LoadSpec['tls']>): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      servername: options.servername,
      ca: options.caPem,
      ALPNProtocols: ['http/1.1'],
    });
    secure.once('secureConnect', () => {
      secure.off('error', reject);
      resolve(secure);
    });
    secure.once('error', reject);
  });
}

async function openLoadConnection(spec: LoadSpec): Promise<Duplex> {
  const socket = await connectTcp(spec.host, spec.port);
  if (spec.tunnel !== undefined) await openTunnel(socket, spec.tunnel);
  return spec.tls === undefined ? socket : startTls(socket, spec.tls);
}

/** The spec's GET of each target, as bytes, and its connections, open. */
export async function prepareLoad(
  spec: LoadSpec,
): Promise<{ requests: Buffer[]; sockets: Duplex[] }> {
  const requests = spec.targets.map((target) =>
    Buffer.from(
      `GET ${target} HTTP/1.1\r\nHost: ${spec.hostHeader}\r\nAccept: application/json\r\n\r\n`,
      'latin1',
    ),
  );
  const sockets = await Promise.all(
    Array.from({ length: spec.connections }, () => openLoadConnection(spec)),
  );
  return { requests, sockets };
}
