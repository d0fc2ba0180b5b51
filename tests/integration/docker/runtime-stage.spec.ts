/**
 * docker/Dockerfile's runtime stage, performed in a temporary folder since no Docker engine runs
 * here: the files it copies (package.json and the lock, the build stage's bundle, UI, playground and
 * templates), its production `npm ci`, its environment (with /data mapped to a temporary folder and
 * the ports to free ones), its CMD and its HEALTHCHECK, then a cassette through the API. The steps
 * come from the Dockerfile itself, so a change to the recipe is exercised here. Left out: apt-get,
 * `npm cache clean` (it would empty this machine's cache), chown and USER (no such user here).
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magnetoFixture } from '../../support/fixtures';
import { commandsOf, readRuntimeStage, type RuntimeStage } from './support/dockerfile';
import { REPO, buildStageOutput, type BuildOutput } from './support/fresh-build';
import { serveBetterSqlitePrebuilt, type PrebuiltMirror } from './support/prebuilt-mirror';

const exec = promisify(execFile);
const TOKEN = 'docker-runtime-token-0123456789';

let stage: RuntimeStage;
let scratch: string;
let app: string;
let env: NodeJS.ProcessEnv;
let mirror: PrebuiltMirror | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A path of the image on this machine: /app is the app folder, /data the scratch data folder. */
function local(imagePath: string): string {
  if (imagePath === '/data' || imagePath.startsWith('/data/')) {
    return path.join(scratch, 'data', imagePath.slice('/data'.length));
  }
  return path.resolve(app, imagePath);
}

/** Where a `COPY --from=build` source is: the build output, or the repository's files. */
function buildStagePath(source: string, built: BuildOutput): string {
  const relative = path.posix.relative('/app', source);
  if (relative === 'dist-headless') return built.headless;
  if (relative === 'out/renderer') return built.renderer;
  if (relative === 'out/playground') return built.playground;
  return path.join(REPO, relative);
}

async function copyStep(copy: RuntimeStage['copies'][number], built: BuildOutput): Promise<void> {
  for (const source of copy.sources) {
    const from = copy.from === 'build' ? buildStagePath(source, built) : path.join(REPO, source);
    const target = copy.destination.endsWith('/')
      ? path.join(local(copy.destination), path.basename(source))
      : local(copy.destination);
    await fs.cp(from, target, { recursive: true });
  }
}

/** The RUN commands that can run here: `npm ci` (offline from the cache) and `mkdir`. */
async function runStep(run: string): Promise<string[]> {
  const performed: string[] = [];
  for (const command of commandsOf(run)) {
    const words = command.split(/\s+/);
    if (command.startsWith('npm ci')) {
      mirror ??= await serveBetterSqlitePrebuilt(REPO, scratch);
      await exec('npm', [...words.slice(1), '--prefer-offline'], {
        cwd: app,
        env: { ...process.env, ...stage.env, ...mirror.env },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stderr?: string }) => {
        throw new Error(`${command} failed in ${app}:\n${error.stderr ?? String(error)}`);
      });
      performed.push(command);
    } else if (words[0] === 'mkdir') {
      for (const dir of words.slice(1).filter((word) => !word.startsWith('-'))) {
        await fs.mkdir(local(dir), { recursive: true });
      }
      performed.push(command);
    }
  }
  return performed;
}

function start(extra: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const [command = '', ...args] = stage.cmd;
  return spawn(command === 'node' ? process.execPath : command, args, {
    cwd: app,
    env: { ...env, ...extra },
  });
}

function exited(process: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (process.exitCode !== null) resolve(process.exitCode);
    else process.once('exit', (code) => resolve(code));
  });
}

async function graphql(api: string, query: string, variables?: unknown): Promise<unknown> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** A plain HTTP request through the forward proxy to a server of this test. */
async function throughProxy(proxyPort: number): Promise<string> {
  const upstream = http.createServer((_req, res) => res.end('hello from upstream'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as net.AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: proxyPort, path: `http://127.0.0.1:${port}/` },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(body));
        },
      );
      request.on('error', reject);
    });
  } finally {
    await new Promise((resolve) => upstream.close(resolve));
  }
}

beforeAll(async () => {
  stage = await readRuntimeStage(path.join(REPO, 'docker/Dockerfile'));
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-docker-'));
  app = path.join(scratch, 'app');
  await fs.mkdir(app);
  const built = await buildStageOutput(path.join(scratch, 'build'));
  for (const copy of stage.copies) await copyStep(copy, built);
  const performed = (await Promise.all(stage.runs.map(runStep))).flat();
  if (!performed.some((command) => command.startsWith('npm ci --omit=dev'))) {
    throw new Error('the runtime stage no longer runs `npm ci --omit=dev`: update this test');
  }
  const ports = {
    MAGNETO_PROXY_PORT: String(await freePort()),
    MAGNETO_API_PORT: String(await freePort()),
  };
  const imageEnv = Object.fromEntries(
    Object.entries(stage.env).map(([key, value]) => [
      key,
      value.startsWith('/data') ? local(value) : value,
    ]),
  );
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('MAGNETO_')),
  );
  env = { ...inherited, ...imageEnv, ...ports };
}, 180_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    child.kill('SIGKILL');
    await exited(child);
  }
  await mirror?.close();
  if (scratch !== undefined) await fs.rm(scratch, { recursive: true, force: true });
});

describe('the Docker runtime stage, performed without Docker', () => {
  it('installed the production dependencies only, with the prebuilt native module', async () => {
    expect(stage.env).toMatchObject({ NODE_ENV: 'production', MAGNETO_API_PORT: '8889' });
    expect(stage.expose).toEqual([8888, 8889]);
    expect(stage.user).toBe('node');
    await expect(fs.stat(path.join(app, 'node_modules/better-sqlite3'))).resolves.toBeTruthy();
    for (const devOnly of ['electron', 'vitest', 'react', 'typescript']) {
      await expect(fs.stat(path.join(app, 'node_modules', devOnly)), devOnly).rejects.toThrow();
    }
    expect(mirror?.requests.some((url) => /better-sqlite3-v[\d.]+-node-v\d+-/.test(url))).toBe(
      true,
    );
  });

  it('refuses to listen beyond loopback without a token', async () => {
    const refused = start({});
    let stderr = '';
    refused.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(refused)).toBe(1);
    expect(stderr).toContain(
      'The API must have a token of at least 16 characters to listen on 0.0.0.0',
    );
  });

  it('starts as the CMD says, passes its HEALTHCHECK, and a cassette round-trips through the API', async () => {
    child = start({ MAGNETO_API_TOKEN: TOKEN });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child?.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('"event":"ready"')) resolve();
      });
      child?.once('exit', (code) => reject(new Error(`the studio exited (${code}): ${stdout}`)));
    });
    const ready = JSON.parse(stdout.split('\n').find((line) => line.includes('"ready"')) ?? '{}');
    expect(ready).toMatchObject({
      cassetteDir: local('/data/cassettes'),
      dataDir: local('/data/studio'),
      ui: expect.stringMatching(/\/$/),
    });
    const api = `http://127.0.0.1:${env.MAGNETO_API_PORT}`;

    // The proxy listens on every interface, so the published port reaches it from outside.
    expect(ready.proxy).toBe(`http://0.0.0.0:${env.MAGNETO_PROXY_PORT}`);
    expect(await throughProxy(Number(env.MAGNETO_PROXY_PORT))).toBe('hello from upstream');

    await exec('/bin/sh', ['-c', stage.healthcheck], { cwd: app, env });
    expect((await fetch(`${api}/health`)).status).toBe(200);

    const content = await fs.readFile(magnetoFixture('http-basic.json'), 'utf8');
    const imported = await graphql(
      api,
      'mutation ($input: ImportCassetteInput!) { importCassette(input: $input) { cassette { name interactionCount } sourceFormat } }',
      { input: { content, fileName: 'http-basic.json', name: 'from-docker' } },
    );
    expect(imported).toEqual({
      data: {
        importCassette: {
          cassette: { name: 'from-docker', interactionCount: 5 },
          sourceFormat: 'magneto-v1',
        },
      },
    });
    expect(await fs.readdir(local('/data/cassettes'))).toEqual(['from-docker.json']);
    const read = await graphql(api, '{ cassette(name: "from-docker") { interactionCount } }');
    expect(read).toEqual({ data: { cassette: { interactionCount: 5 } } });
    const exportedBack = (await graphql(
      api,
      'mutation { exportCassettes(names: ["from-docker"], format: MagnetoV1) { fileName base64 } }',
    )) as { data: { exportCassettes: { fileName: string; base64: string } } };
    expect(exportedBack.data.exportCassettes.fileName).toBe('from-docker.json');
    const exported = JSON.parse(
      Buffer.from(exportedBack.data.exportCassettes.base64, 'base64').toString(),
    );
    expect(exported.interactions).toHaveLength(JSON.parse(content).interactions.length);

    const page = await fetch(`${api}/`);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await fetch(`${api}/graphql/playground/`)).status).toBe(200);

    // Every figure the Grafana dashboard plots is one the studio exports.
    const metrics = await (
      await fetch(`${api}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    const dashboard = await fs.readFile(path.join(REPO, 'docker/grafana-dashboard.json'), 'utf8');
    const plotted = new Set(dashboard.match(/magneto_[a-z_]+/g) ?? []);
    expect(plotted.size).toBeGreaterThan(5);
    for (const name of plotted) {
      // Histograms are plotted through their _bucket series; the family is declared by its name.
      expect(metrics, name).toContain(`# TYPE ${name.replace(/_bucket$/, '')} `);
    }

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(stdout).toContain('"event":"stopped"');
  });
});
