import fs from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { canConnect } from '../../support/can-connect';
import { cliSandbox, type CliSandbox } from '../../support/cli-harness';
import { magnetoFixture } from '../../support/fixtures';

const IMPORT_FIXTURES = path.resolve(__dirname, '../../fixtures/import');

describe('magneto CLI', () => {
  let cli: CliSandbox;
  beforeEach(async () => {
    cli = await cliSandbox();
  });
  afterEach(async () => {
    await cli.cleanup();
  });

  async function importBasics(): Promise<void> {
    const run = await cli.run([
      'import',
      magnetoFixture('http-basic.json'),
      magnetoFixture('websocket-chat.msgpack'),
      path.join(IMPORT_FIXTURES, 'chrome-devtools.har'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }

  it('imports every kind of file and lists, shows and counts them', async () => {
    await importBasics();
    const list = await cli.run(['list']);
    expect(list.stdout).toMatch(/^NAME\s+SIZE\s+INTERACTIONS\s+RECORDED\s+TAGS$/m);
    expect(list.stdout).toMatch(/^http-basic\s+[\d.]+ KB\s+5\s+2025-06-02\s*$/m);
    expect(list.stdout).toContain('3 of 3 cassettes');

    const json = JSON.parse(
      (await cli.run(['list', '--json', '--sort', 'interactions:desc,name', '--limit', '1']))
        .stdout,
    );
    expect(json.total).toBe(3);
    expect(json.items.map((item: { name: string }) => item.name)).toEqual(['chrome-devtools']);
    expect(typeof json.nextCursor).toBe('string');
    const next = JSON.parse(
      (
        await cli.run([
          'list',
          '--json',
          '--sort',
          'interactions:desc,name',
          '--limit',
          '1',
          '--cursor',
          json.nextCursor,
        ])
      ).stdout,
    );
    expect(next.items.map((item: { name: string }) => item.name)).toEqual(['http-basic']);

    const filtered = JSON.parse(
      (await cli.run(['list', '--json', '--kind', 'WebSocket', '--tag', 'imported:har'])).stdout,
    );
    expect(filtered.items.map((item: { name: string }) => item.name)).toEqual(['chrome-devtools']);

    const show = await cli.run(['show', 'http-basic']);
    expect(show.stdout).toContain('5 interactions: 5 HTTP, 0 errors, 0 WebSocket');
    expect(show.stdout).toMatch(
      /^i2\s+Http\s+GET\s+https:\/\/api\.example\.com\/v1\/search\?b=2&a=1\s+200$/m,
    );
    const shown = JSON.parse((await cli.run(['show', 'websocket-chat', '--json'])).stdout);
    expect(shown.cassette.interactions[0].type).toBe('WebSocket');

    const stats = await cli.run(['stats']);
    expect(stats.stdout).toMatch(/^cassettes\s+3 \(0 broken\)$/m);
    const one = JSON.parse((await cli.run(['stats', 'http-basic', '--json'])).stdout);
    expect(one.interactions.total).toBe(5);
    expect((await cli.run(['stats', 'http-basic'])).stdout).toMatch(/^methods\s+GET ×3/m);
  });

  it('searches the text of bodies and marks what matched', async () => {
    await importBasics();
    const run = await cli.run(['search', 'Lovelace']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^http-basic\t.*\[Lovelace\]/m);
    expect(run.stdout).toContain('1 cassette found');
    const hostile = await cli.run(['search', '"NEAR( * OR']);
    expect(hostile.code).toBe(0);
  });

  it('exports one cassette to a file, several to a zip, and to standard output', async () => {
    await importBasics();
    const har = await cli.run(['export', 'http-basic', '--format', 'har']);
    expect(har.code).toBe(0);
    const harFile = path.join(cli.root, 'http-basic.har');
    expect(decodeCassette(await fs.readFile(harFile)).format).toBe('har');

    const v1 = await cli.run(['export', 'http-basic', '--format', 'magneto-v1', '--out', '-']);
    const original = JSON.parse(await fs.readFile(magnetoFixture('http-basic.json'), 'utf8'));
    const exported = JSON.parse(v1.stdout);
    expect(exported.interactions).toEqual(original.interactions);

    const packed = await cli.run(['export', 'http-basic', '--format', 'msgpack', '--out', '-']);
    expect(decodeCassette(packed.stdoutBytes).container).toBe('msgpack');

    const zip = await cli.run([
      'export',
      'http-basic',
      'websocket-chat',
      '--format',
      'native',
      '--gzip',
      '--out',
      'all.zip',
    ]);
    expect(zip.code).toBe(0);
    const entries = unzipSync(await fs.readFile(path.join(cli.root, 'all.zip')));
    expect(Object.keys(entries).sort()).toEqual(['http-basic.json.gz', 'websocket-chat.json.gz']);

    const bad = await cli.run(['export', 'http-basic', '--format', 'yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'magneto: --format must be one of native, msgpack, magneto-v1, har, got "yaml"\n',
    );
  });

  it('converts files between formats without touching the library', async () => {
    const out = path.join(cli.root, 'chat.har');
    const run = await cli.run(['convert', magnetoFixture('websocket-chat.json'), out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(magneto-v1)');
    const decoded = decodeCassette(await fs.readFile(out));
    expect(decoded.format).toBe('har');
    expect(decoded.cassette.interactions.filter((i) => i.type === 'WebSocket')).toHaveLength(2);

    expect((await cli.run(['convert', out, path.join(cli.root, 'chat.msgpack.gz')])).code).toBe(0);
    const packed = decodeCassette(await fs.readFile(path.join(cli.root, 'chat.msgpack.gz')));
    expect(packed).toMatchObject({ format: 'native', container: 'msgpack', compressed: true });

    const unknown = await cli.run(['convert', out, path.join(cli.root, 'chat.txt')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('cannot tell the format of');
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout).total).toBe(0);
  });

  it('validates files and library cassettes, failing on any invalid one', async () => {
    await importBasics();
    const broken = path.join(cli.root, 'broken.json');
    const original = JSON.parse(await fs.readFile(magnetoFixture('http-basic.json'), 'utf8'));
    original.interactions[3].response.status = 'teapot';
    await fs.writeFile(broken, JSON.stringify(original));
    const run = await cli.run([
      'validate',
      magnetoFixture('http-errors.json'),
      'http-basic',
      broken,
      'missing',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ok\s+.*http-errors\.json \(magneto-v1, 7 interactions\)$/m);
    expect(run.stdout).toMatch(/^ok\s+http-basic \(native, 5 interactions\)$/m);
    expect(run.stdout).toContain('interactions[3].response.status');
    expect(run.stdout).toMatch(/^invalid\s+missing: /m);
    const good = await cli.run(['validate', 'http-basic', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual([
      { target: 'http-basic', valid: true, format: 'native', interactions: 5 },
    ]);
  });

  it('reports files that cannot be imported and keeps going', async () => {
    const junk = path.join(cli.root, 'junk.json');
    await fs.writeFile(junk, '{"hello": "world"}');
    const run = await cli.run(['import', junk, magnetoFixture('http-errors.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`magneto: cannot import ${junk}: `);
    expect(run.stdout).toContain('as "http-errors" (magneto-v1, 7 interactions)');
    const again = await cli.run(['import', magnetoFixture('http-errors.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already/i);
    const renamed = await cli.run([
      'import',
      magnetoFixture('http-errors.json'),
      '--name',
      'errors-2',
      '--storage',
      'msgpack.gz',
    ]);
    expect(renamed.code).toBe(0);
    expect(await fs.readdir(cli.cassetteDir)).toContain('errors-2.msgpack.gz');
    const overwrite = await cli.run([
      'import',
      magnetoFixture('http-basic.json'),
      '--name',
      'http-errors',
      '--overwrite',
      '--json',
    ]);
    expect(JSON.parse(overwrite.stdout)[0]).toMatchObject({
      ok: true,
      name: 'http-errors',
      interactions: 5,
    });
    expect((await cli.run(['import', 'a', 'b', '--name', 'x'])).stderr).toBe(
      'magneto: --name can only be used when importing one file\n',
    );
    expect((await cli.run(['import', 'a', '--storage', 'zip'])).code).toBe(1);
  });

  it('rebuilds the index from the files', async () => {
    await importBasics();
    await fs.rm(path.join(cli.dataDir, 'index.sqlite'));
    const run = await cli.run(['rebuild-index', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ cassettes: 3, broken: 0 });
    expect((await cli.run(['rebuild-index'])).stdout).toMatch(
      /^indexed 3 cassettes \(0 broken, \d+ interactions\) in \d+ ms$/m,
    );
  });

  it('serves the library until stopped, logging changes as JSON lines', async () => {
    const { stopped, stop } = stopSignal();
    const serving = cli.run(['serve'], { stop: stopped });
    await waitFor(() =>
      fs.stat(path.join(cli.dataDir, 'index.sqlite')).then(
        () => true,
        () => false,
      ),
    );
    stop('SIGINT');
    const run = await serving;
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ event: 'ready', cassettes: 0, cassetteDir: cli.cassetteDir });
    expect(lines.at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGINT' });
  });

  it('logs proxy traffic as a summary, misses and errors one line each', async () => {
    const { stopped, stop } = stopSignal();
    const port = await unusedPort();
    const env = { MAGNETO_LOG_LEVEL: 'info', MAGNETO_PROXY_PORT: String(port) };
    const serving = cli.run(['serve'], { stop: stopped, env });
    await waitFor(() => canConnect(port));
    // Nothing listens on the target: the exchange ends in an error, logged on its own line.
    const target = `http://127.0.0.1:${await unusedPort()}/refused`;
    const statuses = [await proxiedStatus(port, target), await proxiedStatus(port, target)];
    stop('SIGTERM');
    const run = await serving;
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    const exchanges = lines.filter((line) => line['event'] === 'exchange');
    expect(statuses).toEqual([502, 502]);
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]).toMatchObject({ outcome: 'error', method: 'GET', url: target });
    expect(lines.filter((line) => line['event'] === 'traffic')).toEqual([
      expect.objectContaining({ error: 2 }),
    ]);
  });

  it('refuses an unknown MAGNETO_LOG_LEVEL before serving', async () => {
    const run = await cli.run(['serve'], { env: { MAGNETO_LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MAGNETO_LOG_LEVEL must be one of trace, debug, info');
  });

  it('answers usage errors with a message and a non-zero code, and --help with 0', async () => {
    const unknown = await cli.run(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badNumber = await cli.run(['list', '--limit', 'ten']);
    expect(badNumber.code).toBe(1);
    expect(badNumber.stderr).toContain('--limit takes a whole number');
    expect((await cli.run(['list', '--sort', 'name:sideways'])).stderr).toBe(
      'magneto: --sort: order must be asc or desc, got "sideways"\n',
    );
    expect((await cli.run(['list', '--kind', 'Gopher'])).code).toBe(1);
    const help = await cli.run(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <format>');
    expect((await cli.run(['show', 'nothing-here'])).stderr).toBe(
      'magneto: No cassette named "nothing-here" in the library.\n',
    );
  });
});

/** A stop signal for `serve`, given when the test calls `stop`. */
function stopSignal(): { stopped: Promise<string>; stop: (signal: string) => void } {
  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  return { stopped, stop };
}

/** `serve`'s log: one JSON object per line. */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A port nothing listens on (one the system just gave out and took back). */
async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The status a GET of `url` gets through the forward proxy on `proxyPort`. */
function proxiedStatus(proxyPort: number, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: proxyPort, path: url }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}
