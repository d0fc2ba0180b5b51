import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { loadOrCreateCertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { InvalidHostnameError } from '../../../proxy/tls/errors';
import { LeafCertificateCache } from '../../../proxy/tls/leaf-certificates';
import { createSniServerOptions } from '../../../proxy/tls/sni';

const run = promisify(execFile);

interface Handshake {
  authorized: boolean;
  authorizationError: string | undefined;
  peer: PeerCertificate;
}

let dataDir: string;
let otherDataDir: string;
let ca: CertificateAuthority;
let otherCa: CertificateAuthority;
let cache: LeafCertificateCache;
let httpsServer: https.Server;
let httpsPort: number;

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Connects with verification reported rather than enforced, to read what the client concluded. */
function handshake(port: number, options: tls.ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...options });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const authorizationError = socket.authorizationError as Error | string | null;
      resolve({
        authorized: socket.authorized,
        authorizationError:
          authorizationError === null
            ? undefined
            : authorizationError instanceof Error
              ? authorizationError.message
              : authorizationError,
        peer: socket.getPeerCertificate(),
      });
      socket.end();
    });
  });
}

/** Connects with verification enforced (Node's default); resolves when the handshake passed. */
function strictHandshake(port: number, options: tls.ConnectionOptions): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ...options });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
  });
}

/** GET https://api.example.test:<port>/ with the name resolved to 127.0.0.1. */
function httpsGet(caPem: string): Promise<{ status: number; body: string }> {
  const lookup: net.LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  return new Promise((resolve, reject) => {
    const request = https.get(
      { hostname: 'api.example.test', port: httpsPort, path: '/', ca: caPem, agent: false, lookup },
      (response: IncomingMessage) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}

function curl(caPath: string): Promise<{ stdout: string }> {
  return run('curl', [
    '--silent',
    '--show-error',
    '--noproxy',
    '*',
    '--max-time',
    '20',
    '--cacert',
    caPath,
    '--resolve',
    `api.example.test:${httpsPort}:127.0.0.1`,
    `https://api.example.test:${httpsPort}/`,
  ]);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-tls-'));
  otherDataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-tls-other-'));
  ca = await loadOrCreateCertificateAuthority(dataDir);
  otherCa = await loadOrCreateCertificateAuthority(otherDataDir);
  cache = new LeafCertificateCache(ca);
  httpsServer = https.createServer(await createSniServerOptions(cache, '127.0.0.1'), (req, res) => {
    res.end(`hello ${req.headers.host ?? ''}`);
  });
  httpsPort = await listen(httpsServer);
});

afterAll(async () => {
  httpsServer.closeAllConnections();
  await close(httpsServer);
  await rm(dataDir, { recursive: true, force: true });
  await rm(otherDataDir, { recursive: true, force: true });
});

describe('TLS server with the SNICallback', () => {
  it('serves the certificate of the SNI name, trusted through the CA', async () => {
    const result = await handshake(httpsPort, {
      servername: 'api.example.test',
      ca: ca.certificatePem,
    });
    expect(result.authorizationError).toBeUndefined();
    expect(result.authorized).toBe(true);
    expect(result.peer.subject.CN).toBe('api.example.test');
    expect(result.peer.subjectaltname).toBe('DNS:api.example.test');
    expect(result.peer.issuer.CN).toBe(ca.commonName);
    expect(result.peer.fingerprint256).not.toBe(ca.sha256Fingerprint);
  });

  it('passes Node’s default, enforcing verification', async () => {
    const peer = await strictHandshake(httpsPort, {
      servername: 'Other.Example.Test',
      ca: ca.certificatePem,
    });
    expect(peer.subject.CN).toBe('other.example.test');
  });

  it('fails verification for a client that trusts another CA', async () => {
    const result = await handshake(httpsPort, {
      servername: 'api.example.test',
      ca: otherCa.certificatePem,
    });
    expect(result.authorized).toBe(false);
    expect(result.authorizationError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    await expect(
      strictHandshake(httpsPort, { servername: 'api.example.test', ca: otherCa.certificatePem }),
    ).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('serves the default host (an IP literal) to a client that sends no SNI', async () => {
    // Node sends no SNI when connecting to an IP, and checks the IP against the SAN.
    const peer = await strictHandshake(httpsPort, { ca: ca.certificatePem });
    expect(peer.subjectaltname).toBe('IP Address:127.0.0.1');
    expect(peer.subject.CN).toBe('127.0.0.1');
  });

  it('serves the default host when the SNI name cannot go in a certificate', async () => {
    const result = await handshake(httpsPort, { servername: 'bad_name!', ca: ca.certificatePem });
    expect(result.peer.subjectaltname).toBe('IP Address:127.0.0.1');
  });

  it('refuses a default host that cannot go in a certificate', async () => {
    await expect(createSniServerOptions(cache, 'not a host')).rejects.toBeInstanceOf(
      InvalidHostnameError,
    );
  });
});

describe('HTTPS clients', () => {
  it('https.get trusts the server through the CA and reaches the handler', async () => {
    const response = await httpsGet(ca.certificatePem);
    expect(response).toEqual({ status: 200, body: `hello api.example.test:${httpsPort}` });
  });

  it('https.get refuses the server when it trusts another CA', async () => {
    await expect(httpsGet(otherCa.certificatePem)).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it('curl accepts the server with --cacert set to the CA file', async () => {
    const { stdout } = await curl(ca.certificatePath);
    expect(stdout).toBe(`hello api.example.test:${httpsPort}`);
  });

  it('curl refuses the server with another CA (exit 60)', async () => {
    await expect(curl(otherCa.certificatePath)).rejects.toMatchObject({ code: 60 });
  });
});

describe('a TLS socket wrapped around a raw connection, as after CONNECT', () => {
  it('serves the CONNECT target to a client without SNI, and the SNI name otherwise', async () => {
    const options = await createSniServerOptions(cache, 'connect-target.test');
    const server = net.createServer((raw) => {
      const secure = new tls.TLSSocket(raw, { isServer: true, ...options });
      secure.on('secure', () => secure.end('ok'));
      secure.on('error', () => secure.destroy());
    });
    const port = await listen(server);
    try {
      const withoutSni = await strictHandshake(port, {
        ca: ca.certificatePem,
        checkServerIdentity: (_host, cert) => tls.checkServerIdentity('connect-target.test', cert),
      });
      expect(withoutSni.subjectaltname).toBe('DNS:connect-target.test');
      const withSni = await strictHandshake(port, {
        servername: 'sni.example.test',
        ca: ca.certificatePem,
      });
      expect(withSni.subjectaltname).toBe('DNS:sni.example.test');
    } finally {
      await close(server);
    }
  });
});
