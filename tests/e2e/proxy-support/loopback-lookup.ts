/**
 * Host name resolution for the engine under test: loopback names only. Chromium sends background
 * requests (updates, accounts) through the proxy; they fail here without a DNS query leaving.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

export const loopbackOnlyLookup: LookupFunction = (hostname, options, callback) => {
  if (LOOPBACK.has(hostname)) {
    dns.lookup('127.0.0.1', options, callback);
    return;
  }
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  callback(error, '', 4);
};
