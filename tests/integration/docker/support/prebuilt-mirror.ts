/**
 * Where `npm ci` gets better-sqlite3's prebuilt binary. In the image build prebuild-install downloads
 * it from the project's GitHub releases; this machine has no such network, and compiling SQLite
 * instead takes minutes. So the binary this checkout already built for this Node is packed the way
 * releases are (build/Release/better_sqlite3.node in a .tar.gz) and served on 127.0.0.1 through
 * prebuild-install's own mirror setting. Its download cache entry is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrebuiltMirror {
  /** Environment for `npm ci` that sends prebuild-install here. */
  env: Record<string, string>;
  /** The paths prebuild-install asked for. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveBetterSqlitePrebuilt(
  repo: string,
  scratch: string,
): Promise<PrebuiltMirror> {
  const archive = path.join(scratch, 'better-sqlite3-prebuilt.tar.gz');
  await run('tar', [
    '-czf',
    archive,
    '-C',
    path.join(repo, 'node_modules/better-sqlite3'),
    'build/Release/better_sqlite3.node',
  ]);
  const bytes = await fs.readFile(archive);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.endsWith('.tar.gz') !== true) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { npm_config_better_sqlite3_binary_host: host },
    requests,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      // prebuild-install keeps downloads in <npm cache>/_prebuilds/<sha512(url)[0..6]>-<name>.
      const cache = path.join(
        process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'),
        '_prebuilds',
      );
      for (const request of requests) {
        const url = `${host}${request}`;
        const digest = createHash('sha512').update(url).digest('hex').slice(0, 6);
        const name = `${digest}-${path.basename(url).replace(/[^a-zA-Z0-9.]+/g, '-')}`;
        await fs.rm(path.join(cache, name), { force: true });
      }
    },
  };
}
