import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateCertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { LeafCertificateCache } from '../../../proxy/tls/leaf-certificates';
import { cliSandbox, type CliSandbox, type CliRun } from '../../support/cli-harness';
import { canConnect } from '../../support/can-connect';

function startUpstream(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url, served: 'upstream' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = await startUpstream();
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a foreground proxy command, calls `drive` once it listens, then stops it like Ctrl-C. */
async function runUntilDriven(
  cli: CliSandbox,
  args: string[],
  port: number,
  drive: () => Promise<void>,
): Promise<CliRun> {
  let stop: (signal: string) => void = () => undefined;
  const running = cli.run(args, { stop: new Promise((resolve) => (stop = resolve)) });
  for (let attempt = 0; ; attempt++) {
    const listening = await canConnect(port);
    if (listening) break;
    if (attempt > 200) throw new Error('the proxy never listened');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await drive();
  stop('SIGINT');
  return running;
}

describe('magneto record / replay / ca', () => {
  let cli: CliSandbox;
  beforeEach(async () => {
    cli = await cliSandbox();
  });
  afterEach(async () => {
    await cli.cleanup();
  });

  it('records through a reverse proxy, then replays with the upstream gone', async () => {
    const upstream = await startUpstream();
    const target = `http://127.0.0.1:${portOf(upstream)}`;
    const port = await freePort();
    const recorded = await runUntilDriven(
      cli,
      ['record', 'orders', '--target', target, '--port', String(port)],
      port,
      async () => {
        const answer = await fetch(`http://127.0.0.1:${port}/api/orders?page=2`);
        expect(await answer.json()).toEqual({ path: '/api/orders?page=2', served: 'upstream' });
      },
    );
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(
      /^recorded\s+GET http:\/\/127\.0\.0\.1:\d+\/api\/orders\?page=2 → 200/m,
    );
    expect(await fs.readdir(cli.cassetteDir)).toContain('orders.json');
    await new Promise((resolve) => upstream.close(resolve));

    const replayed = await runUntilDriven(
      cli,
      ['replay', 'orders', '--target', target, '--port', String(port), '--json'],
      port,
      async () => {
        const hit = await fetch(`http://127.0.0.1:${port}/api/orders?page=2`);
        expect(await hit.json()).toEqual({ path: '/api/orders?page=2', served: 'upstream' });
        const miss = await fetch(`http://127.0.0.1:${port}/api/orders?page=3`);
        expect(miss.status).toBe(404);
        expect(await miss.text()).toContain('page');
      },
    );
    expect(replayed.code).toBe(0);
    const outcomes = replayed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).outcome);
    expect(outcomes).toContain('replayed');
    expect(outcomes).toContain('missed');
    const list = JSON.parse((await cli.run(['list', '--json'])).stdout);
    expect(list.items[0]).toMatchObject({ name: 'orders', interactions: { total: 1 } });
  });

  it('prints and exports the CA certificate, never its key', async () => {
    const printed = await cli.run(['ca']);
    expect(printed.code).toBe(0);
    const certificatePath = printed.stdout.trim();
    expect(certificatePath.startsWith(cli.dataDir)).toBe(true);
    const out = path.join(cli.root, 'magneto-ca.pem');
    const exported = await cli.run(['ca', '--export', out, '--json']);
    const info = JSON.parse(exported.stdout);
    expect(info).toMatchObject({ certificatePath, exportedTo: out });
    // The fingerprint Chromium's --ignore-certificate-errors-spki-list needs: the leaves' key,
    // the same for every run on this data folder.
    const ca = await loadOrCreateCertificateAuthority(cli.dataDir);
    const leaf = await new LeafCertificateCache(ca).getCertificate('api.example.test');
    const leafSpki = createPublicKey(leaf.certPem).export({ type: 'spki', format: 'der' });
    expect(info.leafSpkiFingerprintSha256Base64).toBe(
      createHash('sha256').update(leafSpki).digest('base64'),
    );
    expect(info.leafSpkiFingerprintSha256Base64).not.toBe(info.spkiFingerprintSha256Base64);
    const pem = await fs.readFile(out, 'utf8');
    expect(pem).toContain('BEGIN CERTIFICATE');
    expect(pem).not.toContain('PRIVATE KEY');
    expect(pem).toBe(await fs.readFile(certificatePath, 'utf8'));
  });

  it('refuses a bad port with a one-line error', async () => {
    const run = await cli.run(['record', 'x', '--port', 'eighty']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'magneto: --port must be a port number from 0 to 65535, got "eighty"\n',
    );
  });
});
