/** Writing the proxy's own answers and waiting while a client may go away. */
import type { ServerResponse } from 'node:http';
import type { Headers } from '../cassette/cassette.model';
import type { ExchangeResponseSummary } from './engine.model';

/**
 * Resolves true after `ms`, or false as soon as the response closes (the client went away).
 * Resolves at once for 0.
 */
export function waitWhileOpen(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Sends a plain-text answer in one write; returns its summary. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extraHeaders: Headers = {},
): ExchangeResponseSummary {
  const body = Buffer.from(text, 'utf8');
  const headers: Headers = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(body.length),
    ...extraHeaders,
  };
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(status, headers);
    res.end(body);
  }
  return { status, headers, bodySize: body.length };
}
