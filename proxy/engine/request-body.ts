/** Request bodies: whether a request has one, and reading it whole. */
import type { IncomingMessage } from 'node:http';
import { fastPathHeaders } from './fast-path-headers';

/**
 * Whether a request carries a body: HTTP/1.1 requests announce one by their framing headers (read
 * from the raw headers, as the fast path reads them: no header map built for it).
 */
export function announcesBody(req: IncomingMessage): boolean {
  return fastPathHeaders(req.rawHeaders).body;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection while sending'));
    });
  });
}
