// The headless bundle, built as `npm run build` builds it, run as a real process on plain node.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magnetoFixture } from '../../support/fixtures';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(REPO, '.tmp', 'cli-bundle-test', 'magneto.mjs');

describe('the magneto bundle on plain node', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await run(process.execPath, [path.join(REPO, 'scripts/build-headless.mjs'), BUNDLE], {
      cwd: REPO,
    });
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bundle-'));
    env = {
      ...process.env,
      MAGNETO_CASSETTE_DIR: path.join(root, 'c'),
      MAGNETO_DATA_DIR: path.join(root, 'd'),
    };
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('imports and lists cassettes, with exit codes', async () => {
    const imported = await run(
      process.execPath,
      [BUNDLE, 'import', magnetoFixture('http-basic.msgpack')],
      { env },
    );
    expect(imported.stdout).toContain('as "http-basic" (magneto-v1, 5 interactions)');
    const listed = await run(process.execPath, [BUNDLE, 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout).items[0].name).toBe('http-basic');
    const failed = await run(process.execPath, [BUNDLE, 'show', 'absent'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 1,
      stderr: 'magneto: No cassette named "absent" in the library.\n',
    });
  });

  it('serves the studio until SIGTERM and then exits cleanly', async () => {
    const child = spawn(process.execPath, [BUNDLE, 'serve'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('"event":"ready"')) resolve();
      });
    });
    await ready;
    const readyLine = JSON.parse(
      stdout.split('\n').find((line) => line.includes('"ready"')) ?? '{}',
    );
    const health = await fetch(`${readyLine.api}/health`);
    expect(health.status).toBe(200);
    const graphql = await fetch(`${readyLine.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ globalStats { totalCassettes } proxyStatus { running } }' }),
    });
    expect(await graphql.json()).toEqual({
      data: { globalStats: { totalCassettes: 1 }, proxyStatus: { running: true } },
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"event":"stopped","signal":"SIGTERM"');
    expect(readyLine).toMatchObject({ event: 'ready', cassettes: 1, level: 30 });
  });
});
