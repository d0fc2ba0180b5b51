/**
 * What clients need to use the proxy, over HTTP: the default port, and the leaf SPKI fingerprint
 * checked against the certificate the proxy really serves for an intercepted HTTPS host.
 */
import { createHash, X509Certificate } from 'node:crypto';
import http from 'node:http';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { gqlData, startStudio } from './api-harness';

/** The certificate the proxy presents for `host` inside a CONNECT tunnel. */
function servedCertificate(proxyPort: number, host: string): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const connect = http.request({
      host: '127.0.0.1',
      port: proxyPort,
      method: 'CONNECT',
      path: `${host}:443`,
    });
    connect.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return reject(new Error(`CONNECT answered ${res.statusCode}`));
      const secure = tls.connect({ socket, servername: host, rejectUnauthorized: false }, () => {
        const certificate = secure.getPeerX509Certificate();
        secure.destroy();
        if (certificate === undefined) reject(new Error('no certificate'));
        else resolve(certificate);
      });
      secure.on('error', reject);
    });
    connect.on('error', reject);
    connect.end();
  });
}

const spkiSha256 = (certificate: X509Certificate): string =>
  createHash('sha256')
    .update(certificate.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

describe('proxy client setup over HTTP', () => {
  it('gives the leaf fingerprint of the certificates the proxy serves, unlike the CA one', async () => {
    const studio = await startStudio({ engine: new ProxyEngine() });
    const { startProxy } = await gqlData(
      studio.url,
      'mutation { startProxy(input: { port: 0, mode: PASSTHROUGH }) { port defaultPort } }',
    );
    expect(startProxy.defaultPort).toBe(0);
    const { caCertificate } = await gqlData(
      studio.url,
      '{ caCertificate { pem spkiFingerprintSha256Base64 leafSpkiFingerprintSha256Base64 } }',
    );
    const served = await servedCertificate(startProxy.port, 'api.example.test');
    const other = await servedCertificate(startProxy.port, 'pay.example.test');
    expect(served.subjectAltName).toBe('DNS:api.example.test');
    expect(served.checkIssued(new X509Certificate(caCertificate.pem))).toBe(true);
    expect(caCertificate.leafSpkiFingerprintSha256Base64).toBe(spkiSha256(served));
    expect(caCertificate.leafSpkiFingerprintSha256Base64).toBe(spkiSha256(other));
    expect(caCertificate.leafSpkiFingerprintSha256Base64).not.toBe(
      caCertificate.spkiFingerprintSha256Base64,
    );
  });

  it('reports the configured port as the default while the proxy is stopped', async () => {
    const studio = await startStudio({ engine: new ProxyEngine() });
    const { proxyStatus } = await gqlData(
      studio.url,
      '{ proxyStatus { running port defaultPort } }',
    );
    expect(proxyStatus).toEqual({ running: false, port: null, defaultPort: 0 });
  });
});
